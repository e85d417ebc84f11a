import { AuditOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Form, Input, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { QueryError } from '../layout/QueryError';
import { useAccountRequests, useApproveRequest, useRejectRequest, type AccountRequest, type Delivery } from './api';
import { InitialPasswords } from './InitialPasswords';
import './account-requests.css';

type Account = AccountRequest['accounts'][number];

const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
const assignment = (a: Pick<Account, 'roleLabel' | 'unitName' | 'leaderName'>) =>
  [a.roleLabel, a.unitName ?? a.leaderName].filter(Boolean).join(' · ');

/** What the request would change, in words the approver can check against the person's request. */
function Change({ r }: { r: AccountRequest }) {
  switch (r.kind) {
    case 'create':
      return <span>{r.accounts[0] ? assignment(r.accounts[0]) : '—'}</span>;
    case 'role':
      return (
        <span>
          {r.target ? assignment(r.target) : '—'} → <strong>{r.accounts[0] ? assignment(r.accounts[0]) : '—'}</strong>
        </span>
      );
    case 'reset_password':
      return <span>批准时生成新密码，原密码和已登录会话失效</span>;
    case 'enable':
      return <span>恢复登录（{r.target ? assignment(r.target) : '—'}）</span>;
    case 'bind_identity':
      return (
        <span>
          可用 {r.identity?.platformLabel} 账号 <code>{r.identity?.externalId}</code> 免密码登录本账号
        </span>
      );
    case 'unbind_identity':
      return <span>解除与{r.identity?.platformLabel}的绑定，经该平台登录的会话失效</span>;
    case 'import':
      return (
        <ul className="account-request-list">
          {r.accounts.slice(0, 5).map((a) => (
            <li key={a.username}>
              <code>{a.username}</code> {a.displayName}：{assignment(a)}
            </li>
          ))}
          {r.accounts.length > 5 && <li>…… 共 {r.accounts.length} 个账号</li>}
        </ul>
      );
  }
}

function Who({ r }: { r: AccountRequest }) {
  const a = r.target ?? (r.kind === 'import' ? null : r.accounts[0]);
  if (!a) return <span>{r.accounts.length} 个新账号</span>;
  return (
    <span>
      {a.displayName}（<code>{a.username}</code>）
    </span>
  );
}

/**
 * 账号变更申请 (issue 17, finding 4). The system administrator sees what it asked for and what was
 * decided; the security administrator (canDecide) approves — and receives the initial passwords,
 * once, to hand over — or rejects with a reason.
 */
export function AccountRequestsCard({ canDecide, style }: { canDecide: boolean; style?: React.CSSProperties }) {
  const [tab, setTab] = useState<'pending' | 'decided'>('pending');
  const pending = useAccountRequests('pending');
  const decided = useAccountRequests('decided');
  const shown = tab === 'pending' ? pending : decided;
  const approve = useApproveRequest();
  const reject = useRejectRequest();
  const { message } = App.useApp();
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [rejecting, setRejecting] = useState<AccountRequest | null>(null);
  const [form] = Form.useForm<{ note: string }>();

  const doApprove = (r: AccountRequest) =>
    approve.mutate(r.id, {
      onSuccess: (res) => {
        message.success(`已批准：${r.kindLabel}`);
        if (res.delivery) setDelivery(res.delivery);
      },
      onError: (err) => message.error(errorMessage(err)),
    });
  const doReject = async () => {
    if (!rejecting) return;
    const { note } = await form.validateFields();
    reject.mutate(
      { id: rejecting.id, note: note.trim() },
      {
        onSuccess: () => {
          message.success(`已驳回：${rejecting.kindLabel}`);
          setRejecting(null);
          form.resetFields();
        },
        onError: (err) => message.error(errorMessage(err)),
      },
    );
  };

  return (
    <Card
      data-testid="account-requests"
      style={style}
      title={
        <span>
          <AuditOutlined style={{ marginRight: 8 }} />
          账号变更申请
        </span>
      }
    >
      {/* In the body, not the card's extra: on a phone the title and the switch would squeeze each other. */}
      <Segmented
        style={{ marginBottom: 12 }}
        value={tab}
        onChange={(v) => setTab(v as 'pending' | 'decided')}
        options={[
          { value: 'pending', label: `待审批${pending.data?.length ? `（${pending.data.length}）` : ''}` },
          { value: 'decided', label: '已处理' },
        ]}
      />
      <Typography.Paragraph type="secondary">
        {canDecide
          ? '新建账号、变更角色或所属单位、启用账号、重置密码和绑定政务平台账号由系统管理员提出，经您批准后生效（不能审批本人提出的申请）。批准新建或重置密码时系统生成初始密码，只向您显示一次，请核实身份后交给本人。'
          : '以下申请经安全管理员批准后生效；初始密码在批准时生成，由安全管理员交给本人，系统管理员看不到。'}
      </Typography.Paragraph>
      {shown.error && <QueryError error={shown.error} onRetry={() => void shown.refetch()} />}
      <Table<AccountRequest>
        rowKey="id"
        size="middle"
        loading={shown.isPending}
        dataSource={shown.data ?? []}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }}
        locale={{ emptyText: tab === 'pending' ? '没有待审批的申请' : '暂无已处理的申请' }}
        columns={[
          { title: '申请事项', width: 150, render: (_: unknown, r) => <Tag color={r.kind === 'reset_password' ? 'orange' : 'blue'}>{r.kindLabel}</Tag> },
          { title: '账号', width: 190, render: (_: unknown, r) => <Who r={r} /> },
          { title: '变更内容', render: (_: unknown, r) => <Change r={r} /> },
          { title: '申请说明', dataIndex: 'reason', width: 180, render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text> },
          {
            title: '申请人',
            width: 150,
            render: (_: unknown, r) => (
              <span>
                {r.proposedByName}
                <br />
                <Typography.Text type="secondary">{when(r.proposedAt)}</Typography.Text>
              </span>
            ),
          },
          ...(tab === 'decided'
            ? [
                {
                  title: '审批结果',
                  width: 200,
                  render: (_: unknown, r: AccountRequest) => (
                    <Space direction="vertical" size={0}>
                      <Badge status={r.status === 'approved' ? 'success' : 'error'} text={r.statusLabel} />
                      <Typography.Text type="secondary">
                        {r.decidedByName} · {when(r.decidedAt)}
                      </Typography.Text>
                      {r.decisionNote && <span>理由：{r.decisionNote}</span>}
                    </Space>
                  ),
                },
              ]
            : canDecide
              ? [
                  {
                    title: '操作',
                    width: 170,
                    fixed: 'right' as const,
                    render: (_: unknown, r: AccountRequest) => (
                      <Space size={0}>
                        <Popconfirm
                          title={`批准${r.kindLabel}？`}
                          description={r.kind === 'create' || r.kind === 'import' || r.kind === 'reset_password' ? '批准后将生成初始密码，只显示一次。' : '批准后立即生效。'}
                          okText="批准"
                          onConfirm={() => doApprove(r)}
                        >
                          <Button type="link" size="small" icon={<CheckOutlined />} loading={approve.isPending && approve.variables === r.id}>
                            批准
                          </Button>
                        </Popconfirm>
                        <Button type="link" size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting(r)}>
                          驳回
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
        ]}
      />
      {delivery && (
        <Modal
          open
          title="已批准：请将初始密码交给本人"
          width={640}
          maskClosable={false}
          closable={false}
          onCancel={() => setDelivery(null)}
          footer={
            <Button type="primary" onClick={() => setDelivery(null)}>
              已记录，关闭
            </Button>
          }
        >
          <InitialPasswords delivery={delivery} />
        </Modal>
      )}
      {rejecting && (
        <Modal
          open
          title={`驳回申请：${rejecting.kindLabel}`}
          okText="驳回"
          okButtonProps={{ danger: true }}
          confirmLoading={reject.isPending}
          onOk={doReject}
          onCancel={() => setRejecting(null)}
          destroyOnHidden
        >
          <Form form={form} layout="vertical">
            <Form.Item label="驳回理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写驳回理由，系统管理员可见' }, { max: 200, message: '不超过 200 字' }]}>
              <Input.TextArea rows={3} placeholder="如：未收到本人申请，请核实" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Card>
  );
}
