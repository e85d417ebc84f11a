import { ApartmentOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Me } from '../api/types';
import { can } from '../auth/can';
import { QueryError } from '../layout/QueryError';
import type { TaskDetail } from '../ledger/api';
import { EditTaskModal } from '../ledger/EditTaskModal';
import { when } from '../ledger/TaskRecords';
import { canHandDown, canReadRollup } from './access';
import { useRollupTask, useTaskUpstream, type UpstreamItem } from './api';
import { itemNo, LightCounts, SumLines } from './format';
import { HanddownModal } from './HanddownModal';
import { LowerTable } from './LowerTable';
import './levels.css';

/** 下达 on the task page of a city's or province's office: hands the item to organisations below. */
export function HanddownAction({ me, task }: { me: Me; task: TaskDetail['task'] }) {
  const [open, setOpen] = useState(false);
  if (!canHandDown(me)) return null;
  return (
    <>
      <Button icon={<SendOutlined />} onClick={() => setOpen(true)}>
        下达
      </Button>
      <HanddownModal task={task} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

function UpstreamEntry({ u }: { u: UpstreamItem }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 3 }}
      styles={{ label: { width: 110 } }}
      items={[
        { key: 'org', label: '上级机构', children: u.upperOrg.name },
        { key: 'no', label: '上级序号', children: itemNo(u.upperTask) },
        {
          key: 'origin',
          label: '来源',
          children:
            u.origin === 'handed_down' ? (
              <>
                <Tag color="geekblue">上级交办</Tag>
                <Typography.Text type="secondary">
                  {u.createdByName} · {when(u.createdAt)}
                </Typography.Text>
              </>
            ) : (
              <Tag>导入时按上级序号关联</Tag>
            ),
        },
        { key: 'text', label: '上级事项', span: 'filled' as const, children: u.upperTask.standard },
      ]}
    />
  );
}

/** 上级事项: the upper items this task answers, and what the office still has to do about them. */
function UpstreamCard({ me, detail, onReload }: { me: Me; detail: TaskDetail; onReload: () => void }) {
  const task = detail.task;
  const upstream = useTaskUpstream(task.id);
  const [editing, setEditing] = useState(false);
  const items = upstream.data ?? [];
  if (upstream.error) return <QueryError error={upstream.error} onRetry={() => void upstream.refetch()} />;
  if (items.length === 0) return null;
  const office = can(me.role, 'task.write');
  const pending = items.find((u) => u.pendingLowerTarget);
  const handedDown = items.some((u) => u.origin === 'handed_down');
  const noUnits = handedDown && task.units.length === 0;
  const from = pending?.upperOrg.name ?? items[0]!.upperOrg.name;
  return (
    <Card
      title={
        <Space>
          <ApartmentOutlined />
          上级事项
        </Space>
      }
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="upstream-card"
    >
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${from}请本级确定目标任务`}
          description={
            office
              ? '目前沿用上级原文。请确定本级的目标任务、完成时限，并指定分管领导和责任单位。'
              : '目前沿用上级原文，本级督查室尚未确定本级目标。'
          }
          action={
            office && (
              <Button type="primary" size="small" onClick={() => setEditing(true)}>
                确定本级目标
              </Button>
            )
          }
        />
      )}
      {!pending && noUnits && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${from}交办的事项尚未指定责任单位`}
          description={
            office ? '请指定分管领导和责任单位，责任单位方可在报送期内报送进展。' : '本级督查室尚未指定责任单位。'
          }
          action={
            office && (
              <Button type="primary" size="small" onClick={() => setEditing(true)}>
                指定责任单位
              </Button>
            )
          }
        />
      )}
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        {items.map((u) => (
          <UpstreamEntry key={u.handdownId} u={u} />
        ))}
      </Space>
      {office && <EditTaskModal task={task} open={editing} onClose={() => setEditing(false)} onConflict={onReload} />}
    </Card>
  );
}

/** 下达情况: on an upper organisation's own item, every lower organisation carrying it. */
function HandedDownCard({ me, task }: { me: Me; task: TaskDetail['task'] }) {
  const rollup = useRollupTask(task.id);
  if (rollup.error) return <QueryError error={rollup.error} onRetry={() => void rollup.refetch()} />;
  if (rollup.isPending) return null;
  const item = rollup.data;
  if (!item) {
    if (!canHandDown(me)) return null;
    return (
      <Card title="下达情况" size="small" style={{ marginBottom: 16 }} data-testid="handed-down-card">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未下达给下级机构。点击右上角“下达”交办给下级。" />
      </Card>
    );
  }
  return (
    <Card
      title={`下达情况（${item.lower.length} 个下级机构）`}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="handed-down-card"
      extra={<Link to="/rollup">在上下级汇总中查看</Link>}
    >
      <Space size={24} style={{ marginBottom: 8 }} align="start" wrap>
        <LightCounts counts={item.counts} />
        {item.sums.length > 0 && (
          <Space size={4} align="start">
            <Typography.Text type="secondary">指标合计：</Typography.Text>
            <SumLines sums={item.sums} upper={[]} />
          </Space>
        )}
      </Space>
      <LowerTable lower={item.lower} />
    </Card>
  );
}

/** The task page's levels part: the upper items it answers; for an upper organisation, where it went. */
export function TaskLevelCards({ me, detail, onReload }: { me: Me; detail: TaskDetail; onReload: () => void }) {
  return (
    <>
      <UpstreamCard me={me} detail={detail} onReload={onReload} />
      {canReadRollup(me) && <HandedDownCard me={me} task={detail.task} />}
    </>
  );
}
