import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { ledgerLink, type LightCounts } from '../../dashboard/api';
import { LightTag } from '../../dashboard/LightTag';
import { LIGHT_LABELS, LIGHT_TAG_COLORS } from '../../dashboard/lights';
import '../../dashboard/light-tag.css';
import { QueryError } from '../../layout/QueryError';
import { useTasks, type TaskRow } from '../../ledger/api';
import { taskRef } from '../../ledger/TaskTags';

const LIGHTS = ['red', 'yellow', 'green', 'blue', 'grey'] as const;

/**
 * 分管事项: every task the leader is in charge of (the ledger filtered by the leader, paged), with
 * the lights counted on top, each count a link to those tasks in the ledger.
 */
export function PortfolioCard({ leaderId, counts }: { leaderId: number; counts: LightCounts | undefined }) {
  const [page, setPage] = useState(1);
  const tasks = useTasks(`leaderId=${leaderId}&page=${page}&pageSize=10`);
  const columns: ColumnsType<TaskRow> = [
    { title: '灯色', key: 'light', width: 76, render: (_, t) => <LightTag light={t.light.color} reasons={t.light.reasons} /> },
    { title: '事项', key: 'ref', width: 120, render: (_, t) => <Link to={`/tasks/${t.id}`}>{taskRef(t)}</Link> },
    { title: '目标任务', dataIndex: 'standard', ellipsis: { showTitle: true } },
    {
      title: '牵头单位',
      key: 'lead',
      width: 150,
      ellipsis: true,
      render: (_, t) => t.units.find((u) => u.role === 'lead')?.name ?? '—',
    },
  ];
  return (
    <Card
      size="small"
      title={`分管事项（共 ${counts?.total ?? tasks.data?.total ?? 0} 项）`}
      extra={<Link to={ledgerLink({ leaderId })}>在台账中查看</Link>}
      style={{ marginBottom: 16 }}
      data-testid="portfolio"
    >
      {counts && (
        <Space wrap size={4} style={{ marginBottom: 8 }}>
          {LIGHTS.filter((l) => counts[l] > 0).map((l) => (
            <Link key={l} to={ledgerLink({ leaderId, light: l })}>
              <Tag color={LIGHT_TAG_COLORS[l]} className={`light-tag-${l}`}>
                {LIGHT_LABELS[l]} {counts[l]}
              </Tag>
            </Link>
          ))}
        </Space>
      )}
      {tasks.error ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : (
        <Table<TaskRow>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.isPending}
          scroll={{ x: 600 }}
          pagination={{
            current: page,
            pageSize: 10,
            total: tasks.data?.total ?? 0,
            size: 'small',
            showSizeChanger: false,
            onChange: setPage,
            showTotal: (n) => `共 ${n} 项`,
          }}
          locale={{ emptyText: <Typography.Text type="secondary">台账中没有您分管的事项</Typography.Text> }}
        />
      )}
    </Card>
  );
}
