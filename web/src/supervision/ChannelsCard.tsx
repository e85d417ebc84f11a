import { App, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { SaveError } from './SaveError';
import { QueryError } from '../layout/QueryError';
import { useChannelSettings, type ChannelSettingsBody, type ChannelSettingsView } from './api';

type Values = {
  email: {
    enabled: boolean;
    host: string;
    port: number;
    secure: boolean;
    username: string;
    password?: string;
    from: string;
  };
  wecom: { enabled: boolean; webhookUrl?: string };
  dingtalk: { enabled: boolean; webhookUrl?: string; secret?: string };
};

// Secrets never come back from the server: the form starts them blank and a blank one keeps what is stored.
const formValues = (v: ChannelSettingsView): Values => ({
  email: {
    enabled: v.email.enabled,
    host: v.email.host,
    port: v.email.port,
    secure: v.email.secure,
    username: v.email.username,
    from: v.email.from,
    password: '',
  },
  wecom: { enabled: v.wecom.enabled, webhookUrl: '' },
  dingtalk: { enabled: v.dingtalk.enabled, webhookUrl: '', secret: '' },
});

const blankKeeps = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

const toBody = (v: Values): ChannelSettingsBody => ({
  email: { ...v.email, password: v.email.password ? v.email.password : undefined },
  wecom: { enabled: v.wecom.enabled, webhookUrl: blankKeeps(v.wecom.webhookUrl) },
  dingtalk: {
    enabled: v.dingtalk.enabled,
    webhookUrl: blankKeeps(v.dingtalk.webhookUrl),
    secret: blankKeeps(v.dingtalk.secret),
  },
});

const secretHint = (set: boolean, shown?: string) =>
  set ? `已设置${shown ? `（${shown}）` : ''}，留空则保持不变` : '未设置';

/** 通知渠道: SMTP e-mail, the WeCom group robot and the DingTalk group robot. */
export function ChannelsCard() {
  const { message } = App.useApp();
  const { query, save } = useChannelSettings();
  const [form] = Form.useForm<Values>();
  const view = query.data;
  useEffect(() => {
    if (view) form.setFieldsValue(formValues(view));
  }, [view, form]);

  const submit = async (v: Values) => {
    save.reset();
    // The form shows the view (reset whenever it is read again): send the version it came with.
    const saved = await save.mutateAsync({ ...toBody(v), version: view?.version ?? 0 });
    form.setFieldsValue(formValues(saved));
    void message.success('通知渠道已保存');
  };

  return (
    <Card title="通知渠道" loading={query.isPending} data-testid="settings-channels">
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Typography.Paragraph type="secondary">
        站内通知始终发送；启用的渠道同时发送提醒和催办，发送失败会自动重试，结果见“催办记录”。密码、Webhook
        地址和加签密钥不回显，留空即保持原值。
      </Typography.Paragraph>
      {save.error && <SaveError error={save.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Divider orientation="left" orientationMargin={0}>
          电子邮件（SMTP）
        </Divider>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item name={['email', 'enabled']} label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={['email', 'host']} label="SMTP 服务器">
              <Input placeholder="如 smtp.example.gov.cn" maxLength={255} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name={['email', 'port']} label="端口">
              <InputNumber min={1} max={65535} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name={['email', 'secure']}
              label="SSL/TLS 加密连接"
              valuePropName="checked"
              tooltip="通常用于 465 端口；关闭时如服务器支持则使用 STARTTLS"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['email', 'username']} label="用户名">
              <Input maxLength={255} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['email', 'password']} label="密码">
              <Input.Password
                maxLength={500}
                autoComplete="new-password"
                placeholder={secretHint(!!view?.email.passwordSet)}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['email', 'from']} label="发件人地址">
              <Input placeholder="如 duchashi@example.gov.cn" maxLength={255} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" orientationMargin={0}>
          企业微信群机器人
        </Divider>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item name={['wecom', 'enabled']} label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
          <Col span={20}>
            <Form.Item name={['wecom', 'webhookUrl']} label="Webhook 地址">
              <Input
                maxLength={2000}
                autoComplete="off"
                placeholder={
                  view?.wecom.webhookSet
                    ? secretHint(true, view.wecom.webhookUrl)
                    : 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" orientationMargin={0}>
          钉钉群机器人
        </Divider>
        <Row gutter={16}>
          <Col span={4}>
            <Form.Item name={['dingtalk', 'enabled']} label="启用" valuePropName="checked">
              <Switch checkedChildren="启用" unCheckedChildren="停用" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['dingtalk', 'webhookUrl']} label="Webhook 地址">
              <Input
                maxLength={2000}
                autoComplete="off"
                placeholder={
                  view?.dingtalk.webhookSet
                    ? secretHint(true, view.dingtalk.webhookUrl)
                    : 'https://oapi.dingtalk.com/robot/send?access_token=…'
                }
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name={['dingtalk', 'secret']} label="加签密钥">
              <Input.Password
                maxLength={500}
                autoComplete="new-password"
                placeholder={secretHint(!!view?.dingtalk.secretSet)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
