import { Space } from 'antd';
import { PageHeader } from '../layout/PageHeader';
import { ChannelsCard } from './ChannelsCard';
import { PeriodScheduleCard } from './PeriodScheduleCard';
import { ScheduleCard } from './ScheduleCard';
import { ThresholdsCard } from './ThresholdsCard';
import { WorkCalendarCard } from './WorkCalendarCard';
import { EvidenceRequirementCard } from '../reporting/evidence/EvidenceRequirementCard';
import { CompletenessCard } from '../reporting/form/CompletenessCard';

/** 系统设置 (office): the light thresholds, the reminder schedule, when periods open and close, the working-day calendar and the outgoing channels; each card saves on its own. */
export default function SettingsPage() {
  return (
    <>
      <PageHeader title="系统设置" subtitle="红黄绿灯阈值、提醒时间、报送期自动开启/关闭、工作日历和通知渠道，每项分别保存，修改均记入审计日志" />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <ThresholdsCard />
        <ScheduleCard />
        <PeriodScheduleCard />
        <CompletenessCard />
        <EvidenceRequirementCard />
        <WorkCalendarCard />
        <ChannelsCard />
      </Space>
    </>
  );
}
