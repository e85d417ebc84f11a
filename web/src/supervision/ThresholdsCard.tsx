import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { SaveError } from './SaveError';
import { QueryError } from '../layout/QueryError';
import { useLightThresholds } from './api';

type Values = { yellow: number; red: number };
const pct = (f: number) => Math.round(f * 1000) / 10;

/** 红黄绿灯阈值: how far behind 序时进度 a task may fall before it turns yellow, then red. */
export function ThresholdsCard() {
  const { message } = App.useApp();
  const { query, save } = useLightThresholds();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (query.data) form.setFieldsValue({ yellow: pct(query.data.yellowGap), red: pct(query.data.redGap) });
  }, [query.data, form]);

  const submit = async (v: Values) => {
    save.reset();
    // The form shows query.data (reset whenever it is read again): send the version it came with.
    await save.mutateAsync({ yellowGap: v.yellow / 100, redGap: v.red / 100, version: query.data?.version ?? 0 });
    void message.success('红黄绿灯阈值已保存，各事项灯色按新阈值重新计算');
  };

  return (
    <Card title="红黄绿灯阈值" loading={query.isPending} data-testid="settings-thresholds">
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Typography.Paragraph type="secondary">
        序时进度是按时间推算应完成的比例：例如全年任务到 6 月 30 日，序时进度约为
        50%。事项的实际完成比例落后于序时进度达到黄灯阈值时亮黄灯，达到红灯阈值时亮红灯；单位报告“滞后”或报告逾期直接亮红灯，报告“有风险”亮黄灯。
      </Typography.Paragraph>
      {save.error && <SaveError error={save.error} />}
      <Form form={form} layout="inline" onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item name="yellow" label="黄灯：落后序时进度" rules={[{ required: true, message: '请填写黄灯阈值' }]}>
          <InputNumber min={1} max={100} step={1} addonAfter="%" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item
          name="red"
          label="红灯：落后序时进度"
          dependencies={['yellow']}
          rules={[
            { required: true, message: '请填写红灯阈值' },
            ({ getFieldValue }) => ({
              validator: (_, v: number | null) =>
                v == null || v > (getFieldValue('yellow') as number)
                  ? Promise.resolve()
                  : Promise.reject(new Error('红灯阈值须大于黄灯阈值')),
            }),
          ]}
        >
          <InputNumber min={1} max={100} step={1} addonAfter="%" style={{ width: 120 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
