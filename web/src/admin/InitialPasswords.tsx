import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Typography } from 'antd';
import type { Delivery } from './api';
import { downloadPasswords } from './import-api';

/**
 * Initial passwords generated at an approval, shown this once to the security administrator who
 * approved, to hand to each person (who must change it at first sign-in). Nothing keeps them.
 */
export function InitialPasswords({ delivery }: { delivery: Delivery }) {
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        message="初始密码只在此显示一次，系统不保存明文"
        description="请核实本人身份后，通过当面或电话等安全渠道交给本人；如下载了初始密码表，分发后请删除该文件。本人首次登录须修改密码。"
      />
      <Button type="primary" icon={<DownloadOutlined />} style={{ marginBottom: 12 }} onClick={() => downloadPasswords(delivery.passwordsFile)}>
        下载初始密码表
      </Button>
      <Table
        size="small"
        rowKey="id"
        dataSource={delivery.accounts}
        scroll={{ x: 420 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '登录名', dataIndex: 'username', render: (v: string) => <code>{v}</code> },
          { title: '姓名', dataIndex: 'displayName' },
          {
            title: '初始密码',
            dataIndex: 'initialPassword',
            render: (v: string) => (
              <Typography.Text copyable code data-testid="initial-password">
                {v}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
