import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { useMyReport, usePeriods, type Period, type ReportSummary } from './api';
import { StandingKindTag, TimelinessTag } from './StandingTag';

type Who = 'unit_staff' | 'unit_head';

/** How many of the latest closed periods the card looks into for a report still to finish. */
const RECENT_CLOSED = 4;

/** What the person should do next with the unit's report, as the button says it. */
function actionFor(who: Who, state: string | undefined): { label: string; primary: boolean } {
  if (who === 'unit_staff') {
    if (state === 'returned') return { label: '修改', primary: true };
    if (!state || state === 'draft') return { label: '填报', primary: true };
    return { label: '查看', primary: false };
  }
  return state === 'pending_head' ? { label: '审定', primary: true } : { label: '查看', primary: false };
}

/** Work left on a report of a period already closed: back from the office, or never finished. */
const unfinished = (r: ReportSummary | undefined) => !!r && r.state !== 'submitted' && r.state !== 'accepted';

function PeriodRow({ period, who }: { period: Period; who: Who }) {
  const navigate = useNavigate();
  const mine = useMyReport(period.id);
  const report = mine.data?.report;
  const closed = period.status === 'closed';
  // A closed period shows only when its report still needs the unit (returned by the office after the close).
  if (closed && !unfinished(report)) return null;
  const notResponsible = mine.error instanceof ApiError && mine.error.code === 'REPORT_NOT_RESPONSIBLE';
  // 本期免报: its tasks were closed (销号) or handed down after the deadline (core/reporting/standing.ts).
  const exempt = mine.error instanceof ApiError && mine.error.code === 'REPORT_EXEMPT';
  // REPORT_NOT_STARTED simply means no clerk has opened it yet.
  const notStarted = mine.error instanceof ApiError && mine.error.code === 'REPORT_NOT_STARTED';
  const { label, primary } = actionFor(who, report?.state);
  const base = who === 'unit_head' ? '/unit-head/report' : '/unit/report';
  return (
    <List.Item
      actions={
        notResponsible || exempt
          ? []
          : [
              <Button
                key="go"
                type={primary ? 'primary' : 'default'}
                size="small"
                onClick={() => navigate(`${base}/${period.id}`)}
              >
                {label}
              </Button>,
            ]
      }
    >
      <List.Item.Meta
        title={
          <Space size={8} wrap>
            <span>{period.label}完成情况报送</span>
            {closed && <Typography.Text type="secondary">（报送期已关闭）</Typography.Text>}
            {report && <StandingKindTag standing={report.standing} />}
            {notStarted && <Tag>未开始</Tag>}
            {report && report.standing.timeliness !== 'pending' && <TimelinessTag standing={report.standing} />}
          </Space>
        }
        description={
          <>
            <div>
              截止日期：{dayjs(period.effectiveDeadline).format('YYYY年M月D日')}
              {period.extensionReason && `（已延期：${period.extensionReason}）`}
              {notResponsible && ' · 本单位在该通知中没有责任事项，无需报送'}
              {exempt && ' · 本期免报（本单位本期没有需要报送的事项：事项已销号，或在截止日期后才下达）'}
            </div>
            {report?.standing.kind === 'returned' && report.standing.resubmitBy && (
              <div data-testid="home-resubmit-by">
                <Typography.Text type="warning" strong>
                  请于{dayjs(report.standing.resubmitBy).format('M月D日')}前修改后重新报送
                </Typography.Text>
                {report.standing.reachedOn && (
                  <Typography.Text type="secondary">
                    （已于{dayjs(report.standing.reachedOn).format('M月D日')}首次报送，{report.standing.timelinessLabel}
                    ，退回不改变报送时间）
                  </Typography.Text>
                )}
              </div>
            )}
            {report?.state === 'returned' && report.returnReason && (
              <div>
                <Typography.Text type="warning">退回意见：{report.returnReason}</Typography.Text>
              </div>
            )}
          </>
        }
      />
    </List.Item>
  );
}

/** The unit's open reporting periods and its report in each: 季度报送 for clerks, 待审核报告 for the head. */
export function OpenPeriodsCard({ who }: { who: Who }) {
  const periods = usePeriods();
  const open = (periods.data ?? []).filter((p) => p.status === 'open');
  // The latest closed periods too: a report the office returned after the close is still the unit's to finish.
  const closed = (periods.data ?? [])
    .filter((p) => p.status === 'closed')
    .sort((a, b) => b.effectiveDeadline.localeCompare(a.effectiveDeadline))
    .slice(0, RECENT_CLOSED);
  const rows = [...open, ...closed];
  // The clerk's home also has the inbox's 待办事项 card (web/src/inbox), hence a title of its own.
  const title = who === 'unit_staff' ? '季度报送' : '待审核报告';
  const empty =
    who === 'unit_staff'
      ? '当前没有开放的报送期。督查室开启报送期后，本单位需报送的季度报告将显示在这里。'
      : '暂无待审核的报告。经办人提交本单位季度报告后，需由您审定后才会报送督查室。';
  return (
    <Card title={title} loading={periods.isPending} data-testid="open-periods-card">
      {periods.error ? (
        <Typography.Text type="danger">报送期加载失败，请刷新重试</Typography.Text>
      ) : (
        <>
          {open.length === 0 && <Empty description={empty} />}
          {rows.length > 0 && (
            <List
              itemLayout="horizontal"
              dataSource={rows}
              renderItem={(p) => <PeriodRow key={p.id} period={p} who={who} />}
            />
          )}
        </>
      )}
    </Card>
  );
}
