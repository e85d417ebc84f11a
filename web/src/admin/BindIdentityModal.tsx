import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import {
  PLATFORM_LABELS,
  PLATFORM_KINDS,
  type AccountRequest,
  type PlatformKind,
} from '../../../core/api/account-requests';
import { api } from '../api/client';
import type { User } from '../api/types';
import { ErrorAlert } from '../layout/ErrorAlert';

type Bound = { platform: PlatformKind; platformLabel: string; externalId: string; createdAt: string };

/**
 * 绑定政务平台账号 (issue 18): the platform identity that may sign in as this account without a
 * password. Asked for by the system administrator, bound when the security administrator approves
 * (三员分立): a binding is as strong as a password.
 */
export function BindIdentityModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ platform: PlatformKind; externalId: string; reason: string }>();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const bound = useQuery({
    queryKey: ['users', user.id, 'platform-identities'],
    queryFn: async () => (await api.get<{ items: Bound[] }>(`/api/users/${user.id}/platform-identities`)).items,
  });
  const bind = useMutation({
    mutationFn: (v: { platform: PlatformKind; externalId: string; reason: string }) =>
      api.post<{ request: AccountRequest }>(`/api/users/${user.id}/platform-identities`, v),
    onSuccess: () => queryClient.invalidateQueries(),
  });

  const submit = async () => {
    const v = await form.validateFields();
    bind.mutate(
      { platform: v.platform, externalId: v.externalId.trim(), reason: v.reason.trim() },
      {
        onSuccess: () => {
          onClose();
          modal.success({
            title: '绑定申请已提交',
            content: `安全管理员批准后，${user.displayName}（${user.username}）即可使用${PLATFORM_LABELS[v.platform]}账号登录，无需输入密码。`,
          });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`绑定政务平台账号：${user.displayName}`}
      okText="提交审批"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={bind.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {bind.isError && <ErrorAlert error={bind.error} />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="绑定须经安全管理员批准（三员分立、双人控制）"
        description="绑定后，持有该政务平台账号的人可直接登录本账号，请核实平台账号确属本人。"
      />
      {bound.data && bound.data.length > 0 && (
        <Typography.Paragraph>
          已绑定：{bound.data.map((b) => `${b.platformLabel} ${b.externalId}`).join('；')}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ platform: 'oidc', reason: '' }}>
        <Form.Item label="平台" name="platform">
          <Select options={PLATFORM_KINDS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))} />
        </Form.Item>
        <Form.Item
          label="平台账号标识"
          name="externalId"
          extra="统一身份认证的用户标识（sub），或企业微信、钉钉通讯录中的 userid"
          rules={[
            { required: true, whitespace: true, message: '请输入平台账号标识' },
            { max: 128, message: '不超过 128 个字符' },
          ]}
        >
          <Input placeholder="如 zhang.wei" />
        </Form.Item>
        <Form.Item label="申请说明" name="reason" rules={[{ max: 200, message: '申请说明不超过 200 字' }]}>
          <Input.TextArea rows={2} placeholder="如：本人申请使用政务平台登录，已核实平台账号" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
