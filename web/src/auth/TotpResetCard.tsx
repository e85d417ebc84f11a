import { SafetyOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '../layout/QueryError';
import { useResetTotp, useTotpUsers, type TotpUser } from './totp-api';

/**
 * The security administrator's list of accounts with two-step verification on, and the reset for
 * someone whose phone is lost: after it they sign in with the password alone and may enrol again.
 */
export function TotpResetCard() {
  const users = useTotpUsers();
  const reset = useResetTotp();
  const { message } = App.useApp();

  const doReset = (u: TotpUser) =>
    reset.mutateAsync(u.id).then(
      () => void message.success(`已重置 ${u.displayName} 的两步验证`),
      (err: unknown) => void message.error(err instanceof Error ? err.message : '重置失败'),
    );

  return (
    <Card
      style={{ marginTop: 16 }}
      title={
        <span>
          <SafetyOutlined style={{ marginRight: 8 }} />
          已开启两步验证的账号
        </span>
      }
    >
      {users.error && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
      <Table<TotpUser>
        rowKey="id"
        size="middle"
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无开启两步验证的账号' }}
        columns={[
          { title: '姓名', dataIndex: 'displayName' },
          { title: '用户名', dataIndex: 'username' },
          { title: '角色', dataIndex: 'roleLabel', render: (label: string) => <Tag>{label}</Tag> },
          { title: '开启时间（系统时间）', dataIndex: 'enabledAt', render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—') },
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_, u) => (
              <Popconfirm
                title={`重置 ${u.displayName} 的两步验证？`}
                description="请先核实本人身份（如手机丢失）。重置后该账号仅凭密码即可登录，其已登录的会话将被注销。"
                okText="重置"
                okButtonProps={{ danger: true }}
                onConfirm={() => doReset(u)}
              >
                <Button size="small" danger>
                  重置
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
