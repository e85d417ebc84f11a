import { ArrowLeftOutlined, CheckCircleOutlined, MessageOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { when } from '../ledger/TaskRecords';
import { useAssign, useCloseRequest, useComment, useCoordination } from './api';
import { AssignModal } from './AssignModal';
import { CoordinationStatus } from './StatusTags';
import { TextModal } from './TextModal';
import { taskRef } from '../ledger/TaskTags';

type Open = 'assign' | 'close' | 'comment' | null;

/** One coordination request: the problem, who handles it, and the conversation about it. */
export default function CoordinationPage() {
  const { id } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const req = useCoordination(Number(id));
  const assign = useAssign();
  const closeReq = useCloseRequest();
  const comment = useComment();
  const [open, setOpen] = useState<Open>(null);
  const c = req.data;
  // Only the leader it was raised to answers it; once closed, the record is final.
  const addressee = can(me?.role, 'coordination.handle') && me?.leader?.id === c?.leader.id;
  const live = c !== undefined && c.status !== 'closed';
  const done = () => setOpen(null);

  return (
    <>
      <PageHeader
        title="协调事项"
        subtitle={c ? `${c.unit.name}提请${c.leader.name}协调` : undefined}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/coordination')}>
              返回列表
            </Button>
            {live && addressee && (
              <>
                <Button icon={<SendOutlined />} onClick={() => setOpen('assign')}>
                  交办
                </Button>
                <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setOpen('close')}>
                  办结
                </Button>
              </>
            )}
            {live && (
              <Button icon={<MessageOutlined />} onClick={() => setOpen('comment')}>
                发表意见
              </Button>
            )}
          </Space>
        }
      />
      {req.error && <QueryError error={req.error} onRetry={() => void req.refetch()} />}
      {req.isPending && !req.error && <Skeleton active />}
      {c && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              styles={{ label: { width: 124 } }}
              items={[
                {
                  key: 'status',
                  label: '状态',
                  children: <CoordinationStatus status={c.status} label={c.statusLabel} />,
                },
                {
                  key: 'task',
                  label: '事项',
                  children: <Link to={`/tasks/${c.taskId}`}>{taskRef(c.task)}</Link>,
                },
                { key: 'std', label: '工作标准', span: 'filled' as const, children: c.task.standard },
                {
                  key: 'problem',
                  label: '需协调的问题',
                  span: 'filled' as const,
                  children: <div className="task-standard">{c.problem}</div>,
                },
                { key: 'dept', label: '涉及部门', span: 'filled' as const, children: c.departments || '—' },
                { key: 'unit', label: '提请单位', children: `${c.unit.name}（${c.raisedByName}）` },
                { key: 'leader', label: '分管区领导', children: c.leader.name },
                { key: 'at', label: '提请时间', children: when(c.createdAt) },
                { key: 'assigned', label: '承办单位', children: c.assignedUnit?.name ?? '—' },
                ...(c.resolution
                  ? [
                      {
                        key: 'resolution',
                        label: '办结意见',
                        span: 'filled' as const,
                        children: <Typography.Text strong>{c.resolution}</Typography.Text>,
                      },
                      { key: 'closed', label: '办结时间', span: 'filled' as const, children: c.closedAt ? when(c.closedAt) : '—' },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card size="small" title="办理意见">
            {c.comments.length === 0 ? (
              <Empty description="暂无意见" />
            ) : (
              <Timeline
                items={c.comments.map((m, n) => ({
                  key: n,
                  children: (
                    <div>
                      <Typography.Text strong>{m.authorName}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                        {when(m.createdAt)}
                      </Typography.Text>
                      <div className="task-standard">{m.body}</div>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
          <AssignModal
            open={open === 'assign'}
            onClose={done}
            onSubmit={async (body) => {
              await assign.mutateAsync({ id: c.id, body });
              message.success('已交办，承办单位将收到通知');
            }}
          />
          <TextModal
            open={open === 'close'}
            title="办结协调事项"
            label="办结意见"
            okText="办结"
            placeholder="写明协调结果，提请单位将收到通知"
            onClose={done}
            onSubmit={async (resolution) => {
              await closeReq.mutateAsync({ id: c.id, body: { resolution } });
              message.success('已办结');
            }}
          />
          <TextModal
            open={open === 'comment'}
            title="发表意见"
            label="意见"
            okText="发表"
            onClose={done}
            onSubmit={async (body) => {
              await comment.mutateAsync({ id: c.id, body: { body } });
              message.success('意见已发表');
            }}
          />
        </>
      )}
    </>
  );
}
