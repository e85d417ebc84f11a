import {
  EditOutlined,
  FileExcelOutlined,
  KeyOutlined,
  LinkOutlined,
  PlusOutlined,
  SearchOutlined,
  StopOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client';
import type { User } from '../api/types';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { SYSTEM_ROLES } from '../../../core/roles';
import { ROLE_COLORS, ROLE_LABELS, ROLE_ORDER } from '../roles';
import { AccountRequestsCard } from './AccountRequestsCard';
import { useUpdateUser, useUsers } from './api';
import { BindIdentityModal } from './BindIdentityModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UsersImportModal } from './UsersImportModal';

export default function UsersPage() {
  const { me } = useSession();
  const { data, isPending, error, refetch } = useUsers();
  const update = useUpdateUser();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [binding, setBinding] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    if (!data || !q) return data ?? [];
    return data.filter(
      (u) => u.username.toLowerCase().includes(q) || u.displayName.includes(q) || (u.unit?.name.includes(q) ?? false),
    );
  }, [data, search]);

  // Disabling applies at once; enabling gives access back, so it waits for the security administrator.
  const setDisabled = (u: User, disabled: boolean) =>
    update.mutate(
      { id: u.id, input: { disabled, version: u.version } },
      {
        onSuccess: ({ request }) =>
          message.success(request ? `已提交启用 ${u.displayName} 的申请，待安全管理员批准` : `已停用 ${u.displayName}`),
        onError: (err) => message.error(errorMessage(err)),
      },
    );

  return (
    <>
      <PageHeader
        title="用户管理"
        subtitle={`${me?.org.name ?? ''} · 系统管理员提出账号的新建、角色变更、启用与密码重置，经安全管理员批准后生效；停用立即生效`}
      />
      <Card
        title="用户列表"
        extra={
          <Space wrap>
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder="用户名、姓名或单位"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 220 }}
            />
            <Button icon={<FileExcelOutlined />} onClick={() => setImporting(true)}>
              批量导入
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建用户
            </Button>
          </Space>
        }
      >
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        <Table<User>
          rowKey={(u) => String(u.id)}
          size="middle"
          loading={isPending}
          dataSource={rows}
          // On a phone the table scrolls inside its card instead of pushing the page sideways.
          scroll={{ x: 1000 }}
          pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个用户` }}
          columns={[
            { title: '用户名', dataIndex: 'username', render: (v: string) => <code>{v}</code> },
            { title: '姓名', dataIndex: 'displayName' },
            {
              title: '角色',
              dataIndex: 'role',
              filters: ROLE_ORDER.map((r) => ({ text: ROLE_LABELS[r], value: r })),
              onFilter: (value, u) => u.role === value,
              render: (_: unknown, u) => <Tag color={ROLE_COLORS[u.role] ?? 'default'}>{u.roleLabel}</Tag>,
            },
            {
              title: '单位 / 领导',
              render: (_: unknown, u) =>
                u.unit?.name ?? u.leader?.name ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: '手机号',
              dataIndex: 'phone',
              responsive: ['lg'],
              render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            {
              title: '状态',
              dataIndex: 'disabled',
              width: 120,
              filters: [
                { text: '正常', value: false },
                { text: '已停用', value: true },
              ],
              onFilter: (value, u) => u.disabled === value,
              render: (disabled: boolean, u) => (
                <Space direction="vertical" size={2}>
                  {disabled ? <Badge status="default" text="已停用" /> : <Badge status="success" text="正常" />}
                  {u.pendingRequest && <Tag color="processing">待审批：{u.pendingRequest.kindLabel}</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              width: 250,
              render: (_: unknown, u) => {
                const self = me && String(me.id) === String(u.id);
                // 三员 accounts are kept on the server by the deployment (duban create-user), not here.
                if (SYSTEM_ROLES.includes(u.role)) return <Typography.Text type="secondary">三员账号由部署人员维护</Typography.Text>;
                return (
                  <Space size={0}>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                      编辑
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      icon={<KeyOutlined />}
                      disabled={!!u.pendingRequest}
                      title={u.pendingRequest ? '该账号已有待审批的申请' : undefined}
                      onClick={() => setResetting(u)}
                    >
                      重置密码
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      icon={<LinkOutlined />}
                      disabled={!!u.pendingRequest}
                      title={u.pendingRequest ? '该账号已有待审批的申请' : undefined}
                      onClick={() => setBinding(u)}
                    >
                      绑定平台账号
                    </Button>
                    {!self &&
                      (u.disabled ? (
                        <Button
                          type="link"
                          size="small"
                          icon={<CheckCircleOutlined />}
                          disabled={!!u.pendingRequest}
                          onClick={() => setDisabled(u, false)}
                        >
                          申请启用
                        </Button>
                      ) : (
                        <Popconfirm
                          title={`停用 ${u.displayName}？`}
                          description="停用后该账号无法登录，已登录的会话将失效。"
                          onConfirm={() => setDisabled(u, true)}
                        >
                          <Button type="link" size="small" danger icon={<StopOutlined />}>
                            停用
                          </Button>
                        </Popconfirm>
                      ))}
                  </Space>
                );
              },
            },
          ]}
        />
      </Card>
      <AccountRequestsCard canDecide={false} style={{ marginTop: 16 }} />
      {editing !== null && <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {importing && <UsersImportModal onClose={() => setImporting(false)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {binding && <BindIdentityModal user={binding} onClose={() => setBinding(null)} />}
    </>
  );
}
