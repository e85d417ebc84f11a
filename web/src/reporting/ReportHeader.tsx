import { Alert, Card, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReportItem, ReportSummary } from './api';
import { LateTag, ReportStateTag } from './StateTags';

const RETURNED_BY: Record<string, string> = { unit_head: '单位负责人', office: '督查室' };

/** What a report is and where it stands: unit, period, deadline, state, lateness, return reason. */
export function ReportHeader({ report, items, hint }: { report: ReportSummary; items: ReportItem[]; hint?: string }) {
  const commented = items
    .filter((i) => i.officeComment)
    .map((i) => (i.annexNo === 1 ? i.seq : `附件${i.annexNo}·${i.seq}`));
  const late = report.lateDays ?? 0;
  return (
    <>
      <Card style={{ marginBottom: 16 }} data-testid="report-header">
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="单位">{report.unit.name}</Descriptions.Item>
          <Descriptions.Item label="报送期">{report.periodLabel}</Descriptions.Item>
          <Descriptions.Item label="截止日期">{dayjs(report.deadline).format('YYYY年M月D日')}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <ReportStateTag state={report.state} label={report.stateLabel} />
          </Descriptions.Item>
          <Descriptions.Item label="逾期">
            {late > 0 ? (
              <LateTag days={late} />
            ) : (
              <Typography.Text type="secondary">{report.approvedAt ? '按期报送' : '未逾期'}</Typography.Text>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="报送时间">
            {report.approvedAt ? dayjs(report.approvedAt).format('YYYY-MM-DD HH:mm') : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {report.state === 'returned' && (report.returnReason || commented.length > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`退回原因（${RETURNED_BY[report.returnedByRole ?? ''] ?? '审核人'}退回）`}
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
