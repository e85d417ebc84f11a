import { App, Button, Grid, Popconfirm, Space, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client';
import type { TaskRow } from './api';
import { useDeleteTask, useMoveTask, useReportedTasks } from './build-api';
import { MoveTaskModal } from './MoveTaskModal';

/**
 * The office's row actions in the ledger: 上移, 下移, 移动到…, and 删除 — or, for a task any unit has
 * reported on, 销号 (such a task is never deleted; the task page closes it). Clicks here never open
 * the task (the row's own click does).
 */
export function useLedgerRowActions(rows: TaskRow[], enabled: boolean): { column: ColumnsType<TaskRow>[number] | null; modal: React.ReactNode } {
  const reported = useReportedTasks(rows.map((r) => r.id), enabled);
  const move = useMoveTask();
  const remove = useDeleteTask();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [moving, setMoving] = useState<TaskRow | null>(null);
  // On a phone a fixed column would leave the task text no room: the actions scroll with the row.
  const narrow = Grid.useBreakpoint().md === false;
  if (!enabled) return { column: null, modal: null };

  const step = (r: TaskRow, direction: 'up' | 'down') =>
    move.mutate({ id: r.id, body: { direction } }, { onError: (err) => void message.error(errorMessage(err)) });
  const stop = (e: React.MouseEvent | undefined) => e?.stopPropagation();

  const column: ColumnsType<TaskRow>[number] = {
    title: '操作',
    key: 'actions',
    width: 124,
    fixed: narrow ? undefined : 'right',
    render: (_, r) => (
      <span onClick={stop} className="ledger-row-actions">
        <Space size={0} wrap>
          <Button type="link" size="small" aria-label={`上移 ${r.seq}`} onClick={() => step(r, 'up')}>
            上移
          </Button>
          <Button type="link" size="small" aria-label={`下移 ${r.seq}`} onClick={() => step(r, 'down')}>
            下移
          </Button>
          <Button type="link" size="small" onClick={() => setMoving(r)}>
            移动到…
          </Button>
          {reported.data?.has(r.id) ? (
            <Tooltip title="已有单位报送，不能删除；已完成的事项在事项页销号">
              <Button type="link" size="small" data-testid={`close-${r.id}`} onClick={() => navigate(`/tasks/${r.id}#closure`)}>
                销号
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title="删除这项任务？"
              description="该任务尚无报送记录，删除后不可恢复（审计日志保留其内容）。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() =>
                remove.mutateAsync(r.id).then(
                  () => void message.success(`已删除 附件${r.annex.no} ${r.seq}`),
                  (err) => void message.error(errorMessage(err)),
                )
              }
            >
              <Button type="link" size="small" danger data-testid={`delete-${r.id}`} disabled={reported.isPending || reported.isPlaceholderData}>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      </span>
    ),
  };
  return { column, modal: moving && <MoveTaskModal task={moving} onClose={() => setMoving(null)} /> };
}
