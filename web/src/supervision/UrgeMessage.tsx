import { Form, Input, type FormInstance } from 'antd';
import { CHANNEL } from './labels';
import { useChannelSettings } from './api';

/** What a unit is told when urged, unless the office writes otherwise (one unit or many alike). */
export const defaultUrgeMessage = (periodLabel: string) => `请抓紧报送${periodLabel}责任事项完成情况。`;

/** The channels an urge goes out on: always in the app, plus those the office turned on in 系统设置. */
export function useUrgeChannelsText(): string {
  const settings = useChannelSettings().query.data;
  const on = settings ? (['email', 'wecom', 'dingtalk'] as const).filter((c) => settings[c].enabled).map((c) => CHANNEL[c]) : [];
  return ['站内通知', ...on].join('、');
}

/** The 催办内容 box of both urge dialogs: prefilled, required, as long as a notification may be. */
export function UrgeMessageForm({
  form,
  periodLabel,
  rows,
  autoFocus = false,
}: {
  form: FormInstance<{ message: string }>;
  periodLabel: string;
  rows: number;
  autoFocus?: boolean;
}) {
  return (
    <Form form={form} layout="vertical" initialValues={{ message: defaultUrgeMessage(periodLabel) }}>
      <Form.Item name="message" label="催办内容" rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}>
        <Input.TextArea rows={rows} maxLength={2000} showCount autoFocus={autoFocus} />
      </Form.Item>
    </Form>
  );
}
