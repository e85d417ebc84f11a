import { Card, Table, Tag, Typography } from 'antd';
import type { DemoAccount } from '../api/types';
import { ROLE_COLORS } from '../roles';

export default function DemoAccounts({ accounts: data, onPick }: { accounts: DemoAccount[]; onPick: (account: DemoAccount) => void }) {
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
        // On a phone the table scrolls inside its card; the page itself never scrolls sideways.
        scroll={{ x: 640, y: 360 }}
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
            width: 160,
            render: (_: unknown, r) => r.unitName ?? r.orgName,
          },
          { title: '密码', dataIndex: 'password', width: 110, render: (p: string) => <code>{p}</code> },
        ]}
      />
    </Card>
  );
}
