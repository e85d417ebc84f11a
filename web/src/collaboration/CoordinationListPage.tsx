import { Card, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import type { Coordination } from '../ledger/api';
import { when } from '../ledger/TaskRecords';
import { useCoordinationList } from './api';
import { CoordinationStatus } from './StatusTags';
import { taskRef } from '../ledger/TaskTags';

type Filter = 'pending' | 'closed' | 'all';

/** 协调事项: all for the office, those addressed to a leader, those raised by or assigned to a unit. */
export default function CoordinationListPage() {
  const { me } = useSession();
  const list = useCoordinationList();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<Filter>('pending');
  const items = (list.data ?? []).filter((c) =>
    filter === 'all' ? true : filter === 'closed' ? c.status === 'closed' : c.status !== 'closed',
  );
  const subtitle =
    me?.role === 'leader'
      ? '提请您协调的事项'
      : me?.role === 'office'
        ? '各单位提请区领导协调的事项'
        : `${me?.unit?.name ?? '本单位'}提请或承办的协调事项`;

  return (
    <>
      <PageHeader title="协调事项" subtitle={subtitle} />
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Segmented<Filter>
          style={{ marginBottom: 12 }}
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'pending', label: '办理中' },
            { value: 'closed', label: '已办结' },
            { value: 'all', label: '全部' },
          ]}
        />
        <Table<Coordination>
          size="middle"
          rowKey="id"
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: '暂无协调事项' }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
          onRow={(c) => ({ onClick: () => navigate(`/coordination/${c.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: '状态',
              key: 'status',
              width: 90,
              render: (_, c) => <CoordinationStatus status={c.status} label={c.statusLabel} />,
            },
            { title: '事项', key: 'task', width: 110, render: (_, c) => taskRef(c.task) },
            {
              title: '需协调的问题',
              dataIndex: 'problem',
              render: (v: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
                  {v}
                </Typography.Paragraph>
              ),
            },
            { title: '提请单位', key: 'unit', width: 150, render: (_, c) => c.unit.name },
            { title: '分管区领导', key: 'leader', width: 110, render: (_, c) => c.leader.name },
            { title: '承办单位', key: 'assigned', width: 150, render: (_, c) => c.assignedUnit?.name ?? '—' },
            { title: '提请时间', dataIndex: 'createdAt', width: 150, render: when },
          ]}
        />
      </Card>
    </>
  );
}
