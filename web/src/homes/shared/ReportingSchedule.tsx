import { Card, Timeline, Typography } from 'antd';
import { useSession } from '../../auth/session';
import { levelPrefix } from '../../layout/orgLevel';

// The reporting rule as the breakdown notice states it (see data/demo/xinzhou-2024-notice.txt):
// quarterly progress, reviewed by the unit's principal head, due on these dates. Actual periods and
// deadlines come from the server once the office opens them; this card only restates the rule.
export function ReportingSchedule() {
  const { me } = useSession();
  return (
    <Card title="报送要求" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        各责任单位按季度报送责任事项完成情况，经本单位主要负责人审定后，以书面及电子版形式报送至
        {levelPrefix(me?.org.level)}政府督查室。
      </Typography.Paragraph>
      <Timeline
        items={[
          { children: '第一季度完成情况：4月1日前' },
          { children: '第二季度完成情况：7月1日前' },
          { children: '第三季度完成情况：10月1日前' },
          { children: '全年完成情况：次年1月1日前' },
        ]}
      />
    </Card>
  );
}
