import { Alert, Button, DatePicker, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { SHIPPED_DAYS, type CalendarDay } from '../../../core/calendar/cn-holidays';
import { arrangement, clashes, datesBetween, md, weekday, withDays, type CalendarRow } from './calendarRows';

// The 工作日历 card's dialog: one run of the office's own days, checked against the rows already
// entered and said back with its days of the week, so the clerk can compare it with the notice.

type DayValues = { from: Dayjs; to?: Dayjs | null; off: boolean; name: string };

const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];
const shipped = new Map(SHIPPED_DAYS.map((d) => [d.date, d]));
const MAX_RUN = 31;

/** Add or change one run of the office's own days: first day, optional last day, 放假 or 调休上班, a name. */
export function CalendarDayModal({
  row,
  year,
  days,
  onCancel,
  onDone,
}: {
  row: CalendarRow | null;
  year: number;
  days: CalendarDay[];
  onCancel: () => void;
  onDone: (days: CalendarDay[], firstDate: string) => void;
}) {
  const [form] = Form.useForm<DayValues>();
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  const off = Form.useWatch('off', form) ?? row?.off ?? true;
  const picked = from
    ? datesBetween(from.format('YYYY-MM-DD'), (to && !to.isBefore(from) ? to : from).format('YYYY-MM-DD'), MAX_RUN + 1)
    : [];
  const overShipped = picked.map((d) => shipped.get(d)).filter((d): d is CalendarDay => d !== undefined);
  const editing = row?.dates ?? [];

  const finish = (v: DayValues) => {
    const first = v.from.format('YYYY-MM-DD');
    const last = (v.to ?? v.from).format('YYYY-MM-DD');
    const dates = datesBetween(first, last);
    const name = v.name.trim();
    onDone(
      withDays(
        days,
        editing,
        dates.map((date) => ({ date, off: v.off, name })),
      ),
      first,
    );
  };

  const pickerStart = dayjs(`${year}-01-01`);
  return (
    <Modal
      open
      title={row ? `修改 · ${row.name}` : `新增放假或调休上班日（${year}年）`}
      okText="确定"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<DayValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={
          row
            ? { from: dayjs(row.from), to: row.to === row.from ? null : dayjs(row.to), off: row.off, name: row.name }
            : { off: true, name: '' }
        }
        onFinish={finish}
      >
        <Form.Item
          name="from"
          label="日期（连续多天时为第一天）"
          rules={[
            { required: true, message: '请选择日期' },
            {
              validator: () => {
                const taken = clashes(days, picked, editing);
                return taken.length === 0
                  ? Promise.resolve()
                  : Promise.reject(
                      new Error(
                        `${taken.map((d) => `${md(d.date)}（${d.name}）`).join('、')}已录入，请先修改或删除表中那一行`,
                      ),
                    );
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} defaultPickerValue={pickerStart} placeholder="选择日期" />
        </Form.Item>
        <Form.Item
          name="to"
          label="至（连续多天放假时选最后一天，只有一天可不填）"
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: Dayjs | null | undefined) => {
                const start = getFieldValue('from') as Dayjs | undefined;
                if (!v || !start) return Promise.resolve();
                if (v.isBefore(start, 'day')) return Promise.reject(new Error('最后一天不能早于第一天'));
                if (v.diff(start, 'day') >= MAX_RUN) return Promise.reject(new Error(`连续天数不能超过${MAX_RUN}天`));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            defaultPickerValue={from ?? pickerStart}
            disabledDate={(d) => (from ? d.isBefore(from, 'day') : false)}
            placeholder="只有一天可不填"
            allowClear
          />
        </Form.Item>
        <Form.Item name="off" label="安排" rules={[{ required: true }]}>
          <Radio.Group>
            <Radio value={true}>放假</Radio>
            <Radio value={false}>调休上班</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[
            { required: true, whitespace: true, message: '请填写名称，如“国庆节”或“国庆节调休上班”' },
            { max: 40, message: '名称不能超过40个字' },
          ]}
        >
          <Input maxLength={40} placeholder={off ? '如：国庆节' : '如：国庆节调休上班'} />
        </Form.Item>
        <Space size={[4, 8]} wrap style={{ marginTop: -12, marginBottom: 16 }}>
          <Typography.Text type="secondary">常用：</Typography.Text>
          {HOLIDAY_NAMES.map((n) => {
            const name = off ? n : `${n}调休上班`;
            return (
              <Button
                key={n}
                size="small"
                autoInsertSpace={false}
                onClick={() => {
                  form.setFieldValue('name', name);
                  void form.validateFields(['name']).catch(() => undefined);
                }}
              >
                {name}
              </Button>
            );
          })}
        </Space>
        {/* The day of the week, to check against the notice (「10月1日（周五）至7日（周四）放假调休，共7天」). */}
        {picked.length > 0 && picked.length <= MAX_RUN && (
          <Typography.Paragraph type="secondary" data-testid="work-calendar-picked">
            {picked.length === 1
              ? `${md(picked[0]!)}，${weekday(picked[0]!)}。`
              : `${md(picked[0]!)}（${weekday(picked[0]!)}）至${md(picked.at(-1)!)}（${weekday(picked.at(-1)!)}），共${picked.length}天。`}
          </Typography.Paragraph>
        )}
        {overShipped.length > 0 && (
          <Alert
            type="info"
            showIcon
            message={`所选日期中有内置安排（${overShipped
              .slice(0, 3)
              .map((d) => `${md(d.date)} ${d.name} ${arrangement(d.off)}`)
              .join('、')}${overShipped.length > 3 ? ' 等' : ''}），保存后以本室录入为准。`}
          />
        )}
      </Form>
    </Modal>
  );
}
