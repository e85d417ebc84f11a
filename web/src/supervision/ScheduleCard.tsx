import { App, Button, Card, Form, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { SaveError } from './SaveError';
import { QueryError } from '../layout/QueryError';
import { useReminderSchedule } from './api';

type Values = { daysBefore: string[]; urgeAfterDays: string[] };

const dayRule = (max: number) => ({
  validator: (_: unknown, days: string[] | undefined) => {
    const bad = (days ?? []).find((d) => !/^\d+$/.test(d.trim()) || Number(d) < 1 || Number(d) > max);
    return bad === undefined ? Promise.resolve() : Promise.reject(new Error(`“${bad}”不是 1–${max} 之间的整数天数`));
  },
});

const toDays = (xs: string[] | undefined) => [...new Set((xs ?? []).map((d) => Number(d.trim())))];

function DaysInput({ suffix, ...rest }: { suffix: string; value?: string[]; onChange?: (v: string[]) => void }) {
  return (
    <Select
      {...rest}
      mode="tags"
      open={false}
      suffixIcon={null}
      tokenSeparators={[',', '，', ' ', '、']}
      placeholder={`输入天数后回车，如 7`}
      labelRender={({ value }) => `${String(value)} ${suffix}`}
      style={{ width: '100%' }}
    />
  );
}

/** 提醒时间: days before the deadline to remind the units, days after it to urge (逾期催办). */
export function ScheduleCard() {
  const { message } = App.useApp();
  const { query, save } = useReminderSchedule();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (query.data)
      form.setFieldsValue({
        daysBefore: query.data.daysBefore.map(String),
        urgeAfterDays: query.data.urgeAfterDays.map(String),
      });
  }, [query.data, form]);

  const submit = async (v: Values) => {
    save.reset();
    // The form shows query.data (reset whenever it is read again): send the version it came with.
    await save.mutateAsync({ daysBefore: toDays(v.daysBefore), urgeAfterDays: toDays(v.urgeAfterDays), version: query.data?.version ?? 0 });
    void message.success('提醒时间已保存');
  };

  return (
    <Card title="提醒时间" loading={query.isPending} data-testid="settings-schedule">
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Typography.Paragraph type="secondary">
        报送截止前的这些天向未报送单位发出提前提醒，截止当日发出截止日提醒；截止后的这些天仍未报送的，发出逾期催办。
      </Typography.Paragraph>
      {save.error && <SaveError error={save.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Form.Item name="daysBefore" label="截止前提前提醒（天）" rules={[dayRule(90)]}>
          <DaysInput suffix="天前" />
        </Form.Item>
        <Form.Item name="urgeAfterDays" label="逾期后催办（天）" rules={[dayRule(365)]}>
          <DaysInput suffix="天后" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
