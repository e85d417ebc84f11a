import { App, Button, Card, Form, InputNumber, List, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { groupBy } from '../../../core/group-by';
import { periodWindows } from '../../../core/reporting/period-schedule';
import { QueryError } from '../layout/QueryError';
import { usePeriodSchedule, type PeriodSchedule, type PeriodScheduleView } from '../reporting/api';
import { md, scheduleText } from '../reporting/periodDays';
import { SaveError } from './SaveError';

/** The periods still ahead (not closed), each with its days under the values being edited. */
function preview(view: PeriodScheduleView, s: PeriodSchedule) {
  const out: { id: number; label: string; lines: string[] }[] = [];
  for (const ofNotice of groupBy(view.periods, (p) => p.noticeId).values()) {
    const windows = periodWindows(ofNotice, s);
    for (const p of ofNotice) {
      if (p.status === 'closed') continue;
      const w = windows.get(p.position)!;
      out.push({ id: p.id, label: p.label, lines: scheduleText({ ...p, ...w }, s, '') });
    }
  }
  return out;
}

/**
 * 报送期自动开启/关闭 (core/reporting/period-schedule.ts): a period opens a set number of days after
 * the previous one's deadline (the first at import) and closes a set number of days after its own;
 * the office can still open, close and extend by hand. Saving applies it at once.
 */
export function PeriodScheduleCard() {
  const { message } = App.useApp();
  const { query, save } = usePeriodSchedule();
  const [form] = Form.useForm<PeriodSchedule>();
  const values = Form.useWatch([], form) as PeriodSchedule | undefined;
  useEffect(() => {
    if (query.data) form.setFieldsValue(query.data.settings);
  }, [query.data, form]);

  const submit = async (v: PeriodSchedule) => {
    save.reset();
    // The form shows query.data (reset whenever it is read again): send the version it came with.
    const saved = await save.mutateAsync({ ...v, version: query.data?.version ?? 0 });
    const changed = saved.changed ?? [];
    void message.success(
      changed.length
        ? `已保存，并按新设置${changed.map((c) => `${c.to === 'open' ? '开启' : '关闭'}了${c.label}`).join('、')}`
        : '报送期自动开启/关闭设置已保存',
    );
  };

  const current = values && query.data ? { ...query.data.settings, ...values } : query.data?.settings;
  const rows = query.data && current ? preview(query.data, current) : [];
  return (
    <Card title="报送期自动开启/关闭" loading={query.isPending} data-testid="settings-period-schedule">
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Typography.Paragraph type="secondary">
        报送期按以下设置自动开启、关闭，截止日期以顺延后的日期为准；第一个报送期在导入通知时开启，导入时已过截止日期的需督查室手动开启。督查室手动开启或关闭过的报送期不再自动调整。保存后立即生效。
      </Typography.Paragraph>
      {save.error && <SaveError error={save.error} />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
        <Space size={32} wrap align="start">
          <div>
            <Form.Item name="autoOpen" label="自动开启" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Switch checkedChildren="开" unCheckedChildren="关" />
            </Form.Item>
            <Form.Item
              name="openDaysAfterPreviousDeadline"
              label="开启日"
              extra="1 即上期截止的次日；0 为上期截止当日"
              rules={[{ required: true, message: '请填写天数' }]}
            >
              <InputNumber
                min={0}
                max={60}
                precision={0}
                addonBefore="上期截止后第"
                addonAfter="天开启"
                disabled={values?.autoOpen === false}
                style={{ width: '100%', maxWidth: 240 }}
              />
            </Form.Item>
          </div>
          <div>
            <Form.Item name="autoClose" label="自动关闭" valuePropName="checked" style={{ marginBottom: 8 }}>
              <Switch checkedChildren="开" unCheckedChildren="关" />
            </Form.Item>
            <Form.Item
              name="closeDaysAfterDeadline"
              label="关闭日"
              extra="截止后留出补报时间；延期的按新的截止日期计算"
              rules={[{ required: true, message: '请填写天数' }]}
            >
              <InputNumber
                min={0}
                max={180}
                precision={0}
                addonBefore="截止后"
                addonAfter="天关闭"
                disabled={values?.autoClose === false}
                style={{ width: '100%', maxWidth: 220 }}
              />
            </Form.Item>
          </div>
        </Space>
        {rows.length > 0 && (
          <List
            size="small"
            header={<Typography.Text strong>按此设置，尚未关闭的报送期：</Typography.Text>}
            dataSource={rows}
            style={{ marginBottom: 16, maxWidth: 560 }}
            renderItem={(r) => (
              <List.Item>
                <Typography.Text>{r.label}</Typography.Text>
                <Typography.Text type="secondary">{r.lines.join('，')}</Typography.Text>
              </List.Item>
            )}
          />
        )}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        {query.data && (
          <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
            业务日期 {md(query.data.today)}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}
