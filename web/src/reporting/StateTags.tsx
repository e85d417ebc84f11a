import { Tag } from 'antd';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../core/reporting/states';

// Where a unit's report stands is shown by StandingTag.tsx (from core/reporting/standing.ts).

const PERIOD_STATUS_COLORS: Record<string, string> = { planned: 'default', open: 'processing', closed: 'default' };

export function PeriodStatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={PERIOD_STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;
}

const PROGRESS_COLORS: Record<ProgressStatus, string> = {
  not_started: 'default',
  on_track: 'green',
  at_risk: 'gold',
  delayed: 'red',
  completed: 'blue',
};

export function ProgressStatusTag({ status }: { status: string }) {
  const s = status as ProgressStatus;
  return <Tag color={PROGRESS_COLORS[s] ?? 'default'}>{PROGRESS_STATUS_LABELS[s] ?? status}</Tag>;
}
