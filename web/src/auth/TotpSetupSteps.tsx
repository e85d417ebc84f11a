import { Button, Col, Form, Input, QRCode, Row, Space, Typography } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import { groupInFours, useEnableTotp, type TotpSetup } from './totp-api';

/**
 * Adding the account to the authenticator app: the QR code, or the secret typed by hand for an app
 * (or a phone camera) that cannot scan; then one code from the app turns two-step verification on.
 */
export function TotpSetupSteps({
  username,
  setup,
  onEnabled,
  onCancel,
}: {
  username: string;
  setup: TotpSetup;
  onEnabled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}) {
  const enable = useEnableTotp();
  const submit = ({ code }: { code: string }) => enable.mutate(code.trim(), { onSuccess: (r) => onEnabled(r.recoveryCodes) });

  return (
    <>
      <Typography.Title level={5}>第一步：在手机验证器中添加账号</Typography.Title>
      <Row gutter={24} wrap={false} align="top">
        <Col flex="none">
          <QRCode value={setup.otpauthUri} size={176} bordered data-testid="totp-qr" />
        </Col>
        <Col flex="auto">
          <Typography.Paragraph>用手机验证器应用扫描左侧二维码。无法扫码时，请在应用中选择“手动输入密钥”并填写：</Typography.Paragraph>
          <Space direction="vertical" size={4}>
            <Typography.Text>
              账户：<Typography.Text strong>督办:{username}</Typography.Text>
            </Typography.Text>
            <Typography.Text>
              密钥：
              <Typography.Text code copyable={{ text: setup.secret, tooltips: ['复制密钥', '已复制'] }} data-testid="totp-secret" style={{ fontSize: 15, letterSpacing: 1 }}>
                {groupInFours(setup.secret)}
              </Typography.Text>
            </Typography.Text>
            <Typography.Text type="secondary">类型：基于时间（TOTP），6 位数字，每 30 秒更新</Typography.Text>
          </Space>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        第二步：输入验证器显示的 6 位动态验证码
      </Typography.Title>
      {enable.isError && <ErrorAlert error={enable.error} />}
      <Form layout="inline" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="code"
          rules={[
            { required: true, message: '请输入动态验证码' },
            { pattern: /^\s*\d{6}\s*$/, message: '请输入 6 位数字' },
          ]}
        >
          <Input aria-label="动态验证码" placeholder="6 位数字" autoComplete="one-time-code" maxLength={6} style={{ width: 160 }} autoFocus />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              验证并开启
            </Button>
            <Button onClick={onCancel}>取消</Button>
          </Space>
        </Form.Item>
      </Form>
    </>
  );
}
