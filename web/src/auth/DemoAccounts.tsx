import { useQuery } from '@tanstack/react-query';
import { Card, Table, Tag, Typography } from 'antd';
import { ApiError, api } from '../api/client';
import type { DemoAccount } from '../api/types';
import { ROLE_COLORS } from '../roles';

// The demo list only exists when the server runs with demo data; a 404 (DEMO_OFF) simply hides it,
// which is what a production deployment looks like.
async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  try {
    const { accounts } = await api.get<{ accounts: DemoAccount[] }>('/api/demo/accounts');
    return accounts;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return [];
    throw err;
  }
}

export default function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { data } = useQuery({ queryKey: ['demo', 'accounts'], queryFn: fetchDemoAccounts, retry: false });
  if (!data || data.length === 0) return null;

  return (
    <Card
      className="demo-card"
      title="演示账号"
      variant="borderless"
      extra={<Typography.Text type="secondary">点击一行即可填入用户名和密码</Typography.Text>}
    >
      <Table<DemoAccount>
        size="small"
        rowKey="username"
        dataSource={data}
        pagination={false}
        scroll={{ y: 360 }}
        onRow={(record) => ({ onClick: () => onPick(record), style: { cursor: 'pointer' } })}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 150 },
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          {
            title: '角色',
            dataIndex: 'roleLabel',
            width: 110,
            render: (label: string, r) => <Tag color={ROLE_COLORS[r.role] ?? 'default'}>{label}</Tag>,
          },
          {
            title: '单位 / 组织',
            render: (_: unknown, r) => r.unitName ?? r.orgName,
          },
          { title: '密码', dataIndex: 'password', width: 110, render: (p: string) => <code>{p}</code> },
        ]}
      />
    </Card>
  );
}
