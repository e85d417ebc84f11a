import { EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Unit } from '../api/types';
import { QueryError } from '../layout/QueryError';
import { useUnits } from './api';
import { UnitFormModal } from './UnitFormModal';

/**
 * The responsible-unit directory. The notice spells one unit several ways, so the aliases are as
 * important as the name: the importer matches against both, and the office keeps them here.
 */
export function UnitsTable({ editable = false, title = '责任单位名录' }: { editable?: boolean; title?: string }) {
  const { data, isPending, error, refetch } = useUnits();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const rows = useMemo(() => {
    const q = search.trim();
    if (!data || !q) return data ?? [];
    return data.filter((u) => u.name.includes(q) || u.aliases.some((a) => a.includes(q)));
  }, [data, search]);
  // Numbered in directory order across pages (antd's render index restarts on every page).
  const serial = useMemo(() => new Map((data ?? []).map((u, i) => [u.id, i + 1])), [data]);

  return (
    <Card
      title={title}
      extra={
        <Space>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="按名称或别名搜索"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 200 }}
          />
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增单位
            </Button>
          )}
        </Space>
      }
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <Table<Unit>
        rowKey={(u) => String(u.id)}
        size="middle"
        loading={isPending}
        dataSource={rows}
        pagination={{ pageSize: 10, showSizeChanger: true, showTotal: (total) => `共 ${total} 个单位` }}
        columns={[
          { title: '序号', width: 70, render: (_: unknown, row: Unit) => serial.get(row.id) },
          {
            title: '单位名称',
            dataIndex: 'name',
            render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
          },
          {
            title: '别名（文件中的其他写法）',
            dataIndex: 'aliases',
            render: (aliases: string[]) =>
              aliases.length === 0 ? (
                <Typography.Text type="secondary">—</Typography.Text>
              ) : (
                aliases.map((a) => <Tag key={a}>{a}</Tag>)
              ),
          },
          ...(editable
            ? [
                {
                  title: '操作',
                  width: 90,
                  render: (_: unknown, u: Unit) => (
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && editing !== null && (
        <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
