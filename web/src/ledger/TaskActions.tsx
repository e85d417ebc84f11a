import { AlertOutlined, EditOutlined, FormOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import type { Me } from '../api/types';
import { can } from '../auth/can';
import { TextModal } from '../collaboration/TextModal';
import { AdjustmentModal } from './AdjustmentModal';
import { useWriteInstruction, type TaskDetail } from './api';
import { EditTaskModal } from './EditTaskModal';
import { HanddownAction } from '../levels/TaskLevels';
import { RaiseCoordinationModal } from './RaiseCoordinationModal';
import { TaskClosureAction } from './TaskClosureAction';
import { taskRef } from './TaskTags';

type Open = 'coordination' | 'adjustment' | 'instruction' | 'edit' | null;

/**
 * What the signed-in person may do on this task: the role's actions (core/policy/actions.ts) and, for
 * a unit's people, the server's record rule (their own unit's tasks). The server refuses anything
 * else anyway, so buttons that would only earn a 403 are not shown.
 */
export function TaskActions({
  me,
  detail,
  onReload,
  onInstructed,
  large = false,
}: {
  me: Me;
  detail: TaskDetail;
  onReload: () => void;
  /** After a 批示 is sent: the page shows it (the 领导批示 tab), so the leader sees it is there. */
  onInstructed?: () => void;
  /** A phone's buttons: 40 px high and more, for a thumb. */
  large?: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const instruct = useWriteInstruction();
  const { message } = App.useApp();
  const task = detail.task;
  const ownUnit = task.units.some((u) => u.id === me.unit?.id);
  const raise = ownUnit && can(me.role, 'coordination.raise');
  const propose = ownUnit && can(me.role, 'adjustment.propose');
  const close = () => setOpen(null);

  return (
    <Space wrap>
      {(raise || propose) && (
        <>
          {raise && (
            <Button icon={<AlertOutlined />} onClick={() => setOpen('coordination')} disabled={task.leaders.length === 0}>
              提请协调
            </Button>
          )}
          {propose && (
            <Button icon={<SwapOutlined />} onClick={() => setOpen('adjustment')}>
              申请目标调整
            </Button>
          )}
          {raise && <RaiseCoordinationModal task={task} open={open === 'coordination'} onClose={close} />}
          {propose && <AdjustmentModal detail={detail} open={open === 'adjustment'} onClose={close} />}
        </>
      )}
      {can(me.role, 'instruction.write') && (
        <>
          <Button
            type="primary"
            icon={<FormOutlined />}
            onClick={() => setOpen('instruction')}
            size={large ? 'large' : undefined}
            data-testid="task-instruct"
          >
            批示
          </Button>
          <TextModal
            open={open === 'instruction'}
            title={`批示：${taskRef(task)}`}
            label="批示内容"
            okText="发送批示"
            placeholder="批示将送达本事项的各责任单位"
            onSubmit={async (body) => {
              await instruct.mutateAsync({ id: task.id, body: { body } });
              message.success('批示已发送给责任单位');
              onInstructed?.();
            }}
            onClose={close}
          />
        </>
      )}
      {/* 下达 (web/src/levels): a city's or province's office hands the item down. */}
      <HanddownAction me={me} task={task} />
      {/* 销号 / 撤销销号: the office, when the lead unit's accepted report says completed. */}
      {can(me.role, 'task.write') && <TaskClosureAction task={task} />}
      {can(me.role, 'task.write') && (
        <>
          <Button type="primary" icon={<EditOutlined />} onClick={() => setOpen('edit')}>
            编辑
          </Button>
          <EditTaskModal task={task} open={open === 'edit'} onClose={close} onConflict={onReload} />
        </>
      )}
    </Space>
  );
}
