import { Card, Empty, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNotices } from '../../notices/api';

// The reporting deadlines are data: they come from the notice the office imported (its point 四),
// labelled in order as the notices print them: Q1, Q2, Q3, then the whole year.
const PERIOD_LABELS = ['第一季度', '第二季度', '第三季度', '全年'];

export function ReportingSchedule() {
  const { data: notices, isLoading } = useNotices();
  const notice = notices?.find((n) => n.reportingDeadlines.length > 0);
  return (
    <Card title="报送要求" style={{ marginTop: 16 }} loading={isLoading}>
      {notice ? (
        <>
          <Typography.Paragraph type="secondary">
            依据《{notice.title}》（{notice.docNumber ?? '无文号'}），各责任单位按期报送责任事项完成情况，经本单位主要负责人审定后，
            以书面及电子版形式报送至{notice.reportTo ?? '督查室'}。
          </Typography.Paragraph>
          <Timeline
            items={notice.reportingDeadlines.map((d, i) => ({
              children: `${PERIOD_LABELS[i] ?? `第${i + 1}期`}完成情况：${dayjs(d).format('YYYY年M月D日')}前`,
            }))}
          />
        </>
      ) : (
        <Empty description="督查室尚未导入责任分解通知，报送期限将在导入后显示" />
      )}
    </Card>
  );
}
