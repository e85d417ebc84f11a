import { CheckCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { TextModal } from '../collaboration/TextModal';
import { useCloseTask, useReopenTask, type TaskDetail } from './api';
import { closureText, taskRef } from './TaskTags';

/**
 * 销号 and 撤销销号 on a task's page, for the office (the caller checks task.write). The server says
 * whether the task can be closed and, if not, why: the button is then shown disabled with the
 * reason on hover, so the office sees what is missing instead of wondering where the button went.
 */
export function TaskClosureAction({ task }: { task: TaskDetail['task'] }) {
  const [open, setOpen] = useState<'close' | 'reopen' | null>(null);
  const close = useCloseTask();
  const reopen = useReopenTask();
  const { message } = App.useApp();
  const done = () => setOpen(null);

  if (task.closure) {
    return (
      <>
        <Button icon={<RollbackOutlined />} onClick={() => setOpen('reopen')}>
          撤销销号
        </Button>
        <TextModal
          open={open === 'reopen'}
          title={`撤销销号：${taskRef(task)}`}
          label="撤销理由"
          okText="确认撤销销号"
          placeholder="如：验收发现遗留问题，需继续整改"
          intro={
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              message="撤销后，本事项恢复为未销号"
              description={
                <>
                  <div>{closureText(task.closure)}</div>
                  <div>
                    撤销后，责任单位须在今后各期继续报送本事项；已开始填写、尚未报送的报告会补上本事项。撤销理由记入操作日志。
                  </div>
                </>
              }
            />
          }
          onSubmit={async (reason) => {
            await reopen.mutateAsync({ id: task.id, body: { reason } });
            message.success('已撤销销号，责任单位今后各期须继续报送本事项');
          }}
          onClose={done}
        />
      </>
    );
  }

  const button = (
    <Button type="primary" icon={<CheckCircleOutlined />} disabled={!task.canClose} onClick={() => setOpen('close')}>
      销号
    </Button>
  );
  return (
    <>
      {task.canClose ? (
        button
      ) : (
        // A disabled button gets no hover: the wrapper carries the tooltip.
        <Tooltip title={task.closeBlockedReason}>
          <span data-testid="close-blocked">{button}</span>
        </Tooltip>
      )}
      <TextModal
        open={open === 'close'}
        title={`销号：${taskRef(task)}`}
        label="说明（可不填）"
        required={false}
        okText="确认销号"
        placeholder="如：项目已竣工验收，材料已归档"
        intro={
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message="牵头单位已报告本事项“已完成”，并经督查室审核通过"
            description={
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                销号后：本事项灯色保持蓝灯（已完成）；从下一报送期起，责任单位不再报送本事项；以往的报告、批示和修改记录全部保留。如有需要，可以撤销销号。
              </Typography.Paragraph>
            }
          />
        }
        onSubmit={async (note) => {
          await close.mutateAsync({ id: task.id, body: note ? { note } : {} });
          message.success('已销号，从下一报送期起不再要求报送本事项');
        }}
        onClose={done}
      />
    </>
  );
}
