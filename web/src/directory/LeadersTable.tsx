import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Leader } from '../api/types';
import { useSession } from '../auth/session';
import { levelPrefix } from '../layout/orgLevel';
import { QueryError } from '../layout/QueryError';
import { useLeaders } from './api';
import { LeaderFormModal } from './LeaderFormModal';

/** The leaders in charge (分管领导) that tasks name; the office keeps names and titles current. */
export function LeadersTable({ editable = false, title }: { editable?: boolean; title?: string }) {
  const { me } = useSession();
  const heading = title ?? `${levelPrefix(me?.org.level)}领导名录`;
  const { data, isPending, error, refetch } = useLeaders();
  const serial = useMemo(() => new Map((data ?? []).map((l, i) => [l.id, i + 1])), [data]);
  const [editing, setEditing] = useState<Leader | 'new' | null>(null);

  return (
    <Card
      title={heading}
      extra={
        editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增领导
          </Button>
        )
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<Leader>
        rowKey={(l) => String(l.id)}
        size="middle"
        loading={isPending}
        dataSource={data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 位领导` }}
        columns={[
          { title: '序号', width: 70, render: (_: unknown, row: Leader) => serial.get(row.id) },
          {
            title: '姓名',
            dataIndex: 'name',
            width: 160,
            render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
          },
          {
            title: '职务',
            dataIndex: 'title',
            render: (t: string) => t || <Typography.Text type="secondary">—</Typography.Text>,
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, l: Leader) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(l)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && editing !== null && (
        <LeaderFormModal leader={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
