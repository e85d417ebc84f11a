import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Grid,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { CalendarDay } from '../../../core/calendar/cn-holidays';
import { CALENDAR_DAY_SOURCE_LABELS, isShippedYear, listedDaysOfYear } from '../../../core/calendar/listed-days';
import type { LatenessBasis } from '../../../core/calendar/work-calendar';
import { QueryError } from '../layout/QueryError';
import { useWorkCalendar, type WorkCalendarView } from './api';
import { CalendarDayModal } from './CalendarDayModal';
import { arrangement, calendarRows, md, shortWeekday, weekday, withDays, type CalendarRow } from './calendarRows';
import { SaveError } from './SaveError';

type Values = { basis: LatenessBasis; shiftDeadlines: boolean };

const dateText = (r: Pick<CalendarRow, 'from' | 'to'>) => (r.from === r.to ? md(r.from) : `${md(r.from)}至${md(r.to)}`);
const weekdayText = (r: Pick<CalendarRow, 'from' | 'to'>) =>
  r.from === r.to ? weekday(r.from) : `${weekday(r.from)}至${weekday(r.to)}`;

function ArrangementTag({ off }: { off: boolean }) {
  return <Tag color={off ? 'red' : 'blue'}>{arrangement(off)}</Tag>;
}

function SourceTag({ source }: { source: CalendarRow['source'] }) {
  return <Tag color={source === 'office' ? 'green' : 'default'}>{CALENDAR_DAY_SOURCE_LABELS[source]}</Tag>;
}

/** 工作日历: how lateness and reminder days are counted, whether deadlines move off days off, and the holidays of each year. */
export function WorkCalendarCard() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { query, save } = useWorkCalendar();
  const [form] = Form.useForm<Values>();
  const narrow = !Grid.useBreakpoint().sm;
  const view = query.data;
  // The office's own days as edited on the card; nothing reaches the server before 保存.
  const [draft, setDraft] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [year, setYear] = useState<number | null>(null);
  const [editing, setEditing] = useState<CalendarRow | 'new' | null>(null);
  // The version the card's draft was loaded from, not the latest read: a refetch does not reload a
  // dirty draft, and its save must still be refused if someone else saved meanwhile (STALE_VERSION).
  const [loadedVersion, setLoadedVersion] = useState(0);

  const load = (v: WorkCalendarView) => {
    form.setFieldsValue({ basis: v.settings.basis, shiftDeadlines: v.settings.shiftDeadlines });
    setDraft(v.settings.days);
    setDirty(false);
    setLoadedVersion(v.version);
  };
  useEffect(() => {
    if (!view) return;
    if (!dirty) load(view);
    setYear((y) => y ?? view.year);
    // Only a new answer from the server reloads the card, and never over unsaved edits.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view]);

  const shownYear = year ?? view?.year ?? dayjs().year();
  const rows = useMemo(() => calendarRows(listedDaysOfYear({ days: draft }, shownYear)), [draft, shownYear]);
  const yearOptions = useMemo(() => {
    if (!view) return [];
    const own = draft.map((d) => Number(d.date.slice(0, 4)));
    const lo = Math.min(view.year, shownYear, ...view.shippedYears, ...own);
    const hi = Math.max(view.year + 1, shownYear, (view.shippedYears.at(-1) ?? view.year) + 1, ...own);
    return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((y) => ({
      value: y,
      label: isShippedYear(y) ? `${y}年` : `${y}年（未内置）`,
    }));
  }, [view, draft, shownYear]);
  const ownThisYear = draft.filter((d) => d.date.startsWith(`${shownYear}-`)).length;

  const change = (days: CalendarDay[]) => {
    setDraft(days);
    setDirty(true);
  };

  const submit = async (v: Values) => {
    save.reset();
    const saved = await save.mutateAsync({ basis: v.basis, shiftDeadlines: v.shiftDeadlines, days: draft, version: loadedVersion });
    load(saved);
    // Lateness, lights, reminders and deadlines everywhere are counted on the calendar.
    void qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'settings' });
    void message.success('工作日历已保存，逾期天数、提醒日期和截止日期按新的日历计算');
  };

  const actions = (r: CalendarRow) =>
    r.source === 'office' ? (
      <Space size={0} direction={narrow ? 'vertical' : 'horizontal'}>
        <Button type="link" size="small" onClick={() => setEditing(r)}>
          修改
        </Button>
        <Popconfirm
          title={`删除“${r.name}”（${dateText(r)}${r.dates.length > 1 ? `，共${r.dates.length}天` : ''}）？`}
          description="删除后点击“保存”生效"
          okText="删除"
          cancelText="取消"
          onConfirm={() => change(withDays(draft, r.dates, []))}
        >
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      </Space>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );

  const replaced = (r: CalendarRow) =>
    r.replaces && (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        （覆盖内置：{r.replaces.name} {arrangement(r.replaces.off)}）
      </Typography.Text>
    );

  const columns: TableColumnsType<CalendarRow> = narrow
    ? [
        {
          title: '日期',
          key: 'date',
          // A phone has room for about six characters here: one date a line, the weekdays short.
          render: (_, r) => (
            <div style={{ whiteSpace: 'nowrap' }}>
              <div>{md(r.from)}</div>
              {r.to !== r.from && <div>至{md(r.to)}</div>}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {r.to === r.from ? shortWeekday(r.from) : `${shortWeekday(r.from)}至${shortWeekday(r.to)}`}
                {r.dates.length > 1 && <div>共{r.dates.length}天</div>}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: '安排',
          key: 'what',
          render: (_, r) => (
            <>
              <div>{r.name}</div>
              <Space size={[0, 4]} wrap style={{ marginTop: 4 }}>
                <ArrangementTag off={r.off} />
                <SourceTag source={r.source} />
              </Space>
              {r.replaces && <div>{replaced(r)}</div>}
            </>
          ),
        },
        { title: '操作', key: 'actions', width: 60, render: (_, r) => actions(r) },
      ]
    : [
        {
          title: '日期',
          key: 'date',
          width: 220,
          render: (_, r) => (
            <>
              {dateText(r)}
              {r.dates.length > 1 && <Typography.Text type="secondary">（共{r.dates.length}天）</Typography.Text>}
            </>
          ),
        },
        { title: '星期', key: 'weekday', width: 170, render: (_, r) => weekdayText(r) },
        { title: '放假/上班', key: 'off', width: 100, render: (_, r) => <ArrangementTag off={r.off} /> },
        {
          title: '名称',
          key: 'name',
          render: (_, r) => (
            <>
              {r.name}
              {replaced(r)}
            </>
          ),
        },
        { title: '来源', key: 'source', width: 110, render: (_, r) => <SourceTag source={r.source} /> },
        { title: '操作', key: 'actions', width: 130, render: (_, r) => actions(r) },
      ];

  return (
    <Card
      title="工作日历"
      loading={query.isPending}
      data-testid="settings-work-calendar"
      // A phone leaves little room for the table: a narrower margin inside the card.
      styles={narrow ? { body: { padding: 12 } } : undefined}
    >
      {query.error && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Typography.Paragraph type="secondary">
        工作日历用于计算报告的逾期天数和提醒、催办的日期，并决定截止日期遇节假日时是否顺延。系统已内置国务院办公厅公布的
        {view ? `${view.shippedYears[0]}—${view.shippedYears.at(-1)}` : ''}
        年放假安排，以后年份请在每年国务院办公厅发布通知后录入。
      </Typography.Paragraph>
      {save.error && <SaveError error={save.error} />}
      <Form
        form={form}
        layout="vertical"
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => void submit(v).catch(() => undefined)}
      >
        <Form.Item name="basis" label="逾期天数和提醒天数的计算方法">
          <Radio.Group>
            <Space direction={narrow ? 'vertical' : 'horizontal'} wrap>
              <Radio value="working">按工作日计算（周末和节假日不计，调休上班日计入）</Radio>
              <Radio value="calendar">按自然日计算</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="shiftDeadlines" label="截止日期遇节假日顺延至下一个工作日" valuePropName="checked">
          <Switch checkedChildren="顺延" unCheckedChildren="不顺延" />
        </Form.Item>

        <Typography.Title level={5} style={{ marginTop: 8 }}>
          节假日和调休上班日
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>
            <label htmlFor="work-calendar-year">年份：</label>
            <Select
              id="work-calendar-year"
              value={shownYear}
              options={yearOptions}
              onChange={(y: number) => setYear(y)}
              style={{ width: 180 }}
            />
          </span>
          <Button onClick={() => setEditing('new')}>新增放假或调休上班日</Button>
        </Space>
        {!isShippedYear(shownYear) && (
          <Alert
            type={ownThisYear > 0 ? 'info' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            message={`${shownYear}年国务院放假安排尚未内置，请按通知录入${ownThisYear > 0 ? `（已录入${ownThisYear}天）` : ''}`}
          />
        )}
        <Table<CalendarRow>
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: `${shownYear}年尚无节假日安排，请点击“新增放假或调休上班日”录入` }}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 13 }}>
          表中未列出的日期：周一至周五上班，周六、周日休息。内置安排不能修改；本地另有安排的，新增同一日期即可覆盖内置安排。
        </Typography.Paragraph>

        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          {dirty && <Typography.Text type="warning">有未保存的修改，点击“保存”后生效</Typography.Text>}
        </Space>
      </Form>

      {editing && (
        <CalendarDayModal
          row={editing === 'new' ? null : editing}
          year={shownYear}
          days={draft}
          onCancel={() => setEditing(null)}
          onDone={(days, firstDate) => {
            change(days);
            setYear(Number(firstDate.slice(0, 4)));
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}
