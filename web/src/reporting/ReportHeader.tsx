import { Alert, Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReportItem, ReportSummary } from './api';
import { StandingKindTag, TimelinessTag } from './StandingTag';

const RETURNED_BY: Record<string, string> = { unit_head: '单位负责人', office: '督查室' };

/** What a report is and where it stands (core/reporting/standing.ts): unit, period, deadline, state, timeliness, first arrival, return reason and the date to resubmit by. */
export function ReportHeader({ report, items, hint }: { report: ReportSummary; items: ReportItem[]; hint?: string }) {
  const commented = items
    .filter((i) => i.officeComment)
    .map((i) => (i.annexNo === 1 ? i.seq : `附件${i.annexNo}·${i.seq}`));
  const st = report.standing;
  const deadlineMoved = st.deadline.effective !== (st.deadline.extended ?? st.deadline.printed);
  return (
    <>
      <Card style={{ marginBottom: 16 }} data-testid="report-header">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="单位">{report.unit.name}</Descriptions.Item>
          <Descriptions.Item label="报送期">{report.periodLabel}</Descriptions.Item>
          <Descriptions.Item label="截止日期">
            {dayjs(st.deadline.effective).format('YYYY年M月D日')}
            {deadlineMoved && (
              <Typography.Text type="secondary">
                （通知定于{dayjs(st.deadline.extended ?? st.deadline.printed).format('M月D日')}，逢节假日顺延）
              </Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <StandingKindTag standing={st} />
          </Descriptions.Item>
          <Descriptions.Item label="报送情况">
            <TimelinessTag standing={st} />
          </Descriptions.Item>
          <Descriptions.Item label="首次报送督查室">
            {st.reachedOn ? dayjs(st.reachedOn).format('YYYY年M月D日') : '—'}
            {report.approvedAt && st.reachedOn && dayjs(report.approvedAt).format('YYYY-MM-DD') !== st.reachedOn && (
              <Typography.Text type="secondary">（最近一次 {dayjs(report.approvedAt).format('M月D日 HH:mm')}）</Typography.Text>
            )}
          </Descriptions.Item>
          {st.resubmitBy && st.kind === 'returned' && (
            <Descriptions.Item label="重新报送期限">
              <Typography.Text strong type="warning" data-testid="resubmit-by" style={{ whiteSpace: 'nowrap' }}>
                {dayjs(st.resubmitBy).format('YYYY年M月D日')}前
              </Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {report.state === 'returned' && (report.returnReason || commented.length > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            report.returnedByRole === 'office'
              ? `督查室退回修改${st.invalidReturn ? '（认定为无效报送，重新报送后按实际送达日期计算是否逾期）' : `（本报告已于${dayjs(st.reachedOn ?? undefined).format('M月D日')}报送，${st.timelinessLabel}，退回不改变报送时间）`}${st.resubmitBy ? `，请于${dayjs(st.resubmitBy).format('M月D日')}前修改后重新报送` : ''}`
              : `退回原因（${RETURNED_BY[report.returnedByRole ?? ''] ?? '审核人'}退回）`
          }
          description={
            <>
              {report.returnReason && <div style={{ whiteSpace: 'pre-wrap' }}>{report.returnReason}</div>}
              {commented.length > 0 && (
                <div>以下事项有督查室意见，请按意见修改：{commented.map((s) => `第${s}项`).join('、')}</div>
              )}
            </>
          }
          data-testid="return-reason"
        />
      )}
      {hint && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={hint} />}
    </>
  );
}
