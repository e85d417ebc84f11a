import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { MILESTONE_STATE_LABELS } from '../../../core/supervision/lights';
import { errorMessage } from '../api/client';
import type { Me } from '../api/types';
import { can } from '../auth/can';
import { QueryError } from '../layout/QueryError';
import type { TaskDetail } from './api';
import { MilestoneModal } from './MilestoneModal';
import { useDeleteMilestone, useMilestones, type Milestone } from './milestones-api';

const VERDICT_COLORS: Record<Milestone['verdict'], string> = {
  pending: 'default',
  awaiting: 'blue',
  met: 'green',
  behind: 'gold',
  missed: 'red',
  unknown: 'orange',
};

/** What the milestone asks for by its date, in a clerk's words. */
function expectation(m: Milestone): string {
  const e = m.expect;
  if (e.kind === 'state') return `工作${MILESTONE_STATE_LABELS[e.state]}`;
  if (e.indicatorId === null) return `指标达到${e.value}（该指标已删除，不再核对）`;
  return `${e.indicatorName}达到${e.value}${e.unit ?? ''}${e.target !== null ? `（全年目标${e.target}${e.unit ?? ''}）` : ''}`;
}

/**
 * 时间节点: the dates by which the office expects the work started, completed, or an indicator at a
 * value. Where a task has them, its light checks the reported progress against the ones due
 * instead of the straight-line schedule (序时进度). The office adds, edits and deletes them;
 * everyone who may read the task sees them and how each stands.
 */
export function TaskMilestones({ me, detail }: { me: Me; detail: TaskDetail }) {
  const taskId = detail.task.id;
  const milestones = useMilestones(taskId);
  const remove = useDeleteMilestone(taskId);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const office = can(me.role, 'task.write');
  const items = milestones.data ?? [];

  const columns: ColumnsType<Milestone> = [
    { title: '节点日期', dataIndex: 'dueOn', width: 110 },
    { title: '节点内容', dataIndex: 'description' },
    { title: '到期应达到', key: 'expect', render: (_, m) => expectation(m) },
    {
      title: '核对情况',
      key: 'verdict',
      width: 190,
      render: (_, m) => {
        const tag = <Tag color={VERDICT_COLORS[m.verdict]}>{m.verdictLabel}</Tag>;
        return m.reason ? <Tooltip title={m.reason}>{tag}</Tooltip> : tag;
      },
    },
    ...(office
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 140,
            render: (_: unknown, m: Milestone) => (
              <Space size={0}>
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(m)}>
                  修改
                </Button>
                <Popconfirm
                  title="删除这个时间节点？"
                  description="删除后，灯色按其余时间节点（或序时进度）重新判断。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={async () => {
                    try {
                      await remove.mutateAsync(m.id);
                      message.success('时间节点已删除');
                    } catch (err) {
                      message.error(errorMessage(err));
                    }
                  }}
                >
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="时间节点"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        office && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增时间节点
          </Button>
        )
      }
    >
      {milestones.error && <QueryError error={milestones.error} onRetry={() => void milestones.refetch()} />}
      {milestones.isPending && !milestones.error && <Skeleton active paragraph={{ rows: 2 }} />}
      {milestones.data && items.length === 0 && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            office
              ? '尚未设置时间节点。可按工作计划设置，设置后灯色按到期的时间节点核对进度。'
              : '督查室尚未设置时间节点，灯色按序时进度判断。'
          }
        />
      )}
      {items.length > 0 && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            本事项设有时间节点：灯色按已到期的时间节点核对单位报送的进度，不再按序时进度判断。
          </Typography.Paragraph>
          <Table<Milestone> size="small" rowKey="id" pagination={false} columns={columns} dataSource={items} />
        </>
      )}
      {office && editing !== null && (
        <MilestoneModal
          taskId={taskId}
          indicators={detail.indicators}
          milestone={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
