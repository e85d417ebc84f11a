import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Divider, Form, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Me } from '../api/types';
import { ErrorAlert } from '../layout/ErrorAlert';
import { QueryError } from '../layout/QueryError';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpSetupSteps } from './TotpSetupSteps';
import { useDisableTotp, useRefreshTotp, useStartTotpSetup, useTotpStatus } from './totp-api';

/**
 * 账号安全: two-step verification for the roles that are offered it. Off → set up (QR code or the
 * secret typed in, then a code to confirm) → the recovery codes, shown this once → on, with the
 * way to turn it off again (password and a code).
 */
export function AccountSecurityModal({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) {
  const status = useTotpStatus(open);
  const start = useStartTotpSetup();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const refresh = useRefreshTotp();

  const codesSeen = () => {
    setRecoveryCodes(null);
    start.reset();
    void refresh();
  };
  const close = () => {
    if (recoveryCodes) codesSeen();
    else start.reset();
    onClose();
  };

  const enabled = recoveryCodes !== null || (status.data?.enabled ?? me.totp.enabled);
  let body;
  if (recoveryCodes) body = <RecoveryCodes codes={recoveryCodes} onDone={codesSeen} />;
  else if (status.error) body = <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  else if (status.isPending) body = <Skeleton active />;
  else if (enabled) body = <TotpOn enabledAt={status.data.enabledAt} recoveryCodesLeft={status.data.recoveryCodesLeft} />;
  else if (start.data) body = <TotpSetupSteps username={me.username} setup={start.data} onEnabled={setRecoveryCodes} onCancel={() => start.reset()} />;
  else {
    body = (
      <>
        <Typography.Paragraph>
          开启后，登录时除密码外，还需输入手机身份验证器（如 Microsoft Authenticator、Google Authenticator、FreeOTP 等应用）每 30
          秒生成一次的 6 位动态验证码。即使密码泄露，他人也无法登录您的账号。
        </Typography.Paragraph>
        {start.isError && <ErrorAlert error={start.error} />}
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={start.isPending} onClick={() => start.mutate()}>
          开启两步验证
        </Button>
      </>
    );
  }

  return (
    <Modal title="账号安全" open={open} onCancel={close} footer={null} width={680} maskClosable={false} destroyOnHidden>
      <Space align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          两步验证
        </Typography.Text>
        {enabled ? <Tag color="success">已开启</Tag> : <Tag>未开启</Tag>}
      </Space>
      {body}
    </Modal>
  );
}

function TotpOn({ enabledAt, recoveryCodesLeft }: { enabledAt: string | null; recoveryCodesLeft: number | null }) {
  const [form] = Form.useForm<{ password: string; code: string }>();
  const disable = useDisableTotp();
  const { message } = App.useApp();
  const left = recoveryCodesLeft ?? 0;

  const submit = (values: { password: string; code: string }) =>
    disable.mutate({ password: values.password, code: values.code.trim() }, { onSuccess: () => void message.success('两步验证已关闭') });

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'at', label: '开启时间（系统时间）', children: enabledAt ? dayjs(enabledAt).format('YYYY-MM-DD HH:mm') : '—' },
          {
            key: 'left',
            label: '剩余恢复码',
            children: left <= 3 ? <Typography.Text type="warning">{left} 个（所剩不多，可关闭后重新开启以获得新的恢复码）</Typography.Text> : `${left} 个`,
          },
        ]}
      />
      <Divider orientation="left" plain>
        关闭两步验证
      </Divider>
      <Typography.Paragraph type="secondary">关闭后登录只需密码，账号安全性会降低。需验证当前密码和一个动态验证码（或恢复码）。</Typography.Paragraph>
      {disable.isError && <ErrorAlert error={disable.error} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 360 }}>
        <Form.Item label="当前密码" name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="动态验证码或恢复码" name="code" rules={[{ required: true, whitespace: true, message: '请输入动态验证码或恢复码' }]}>
          <Input autoComplete="one-time-code" maxLength={16} placeholder="6 位数字或 12 位恢复码" />
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.isPending}>
          关闭两步验证
        </Button>
      </Form>
    </>
  );
}
