import { Tag } from 'antd';
import {
  PROGRESS_STATUS_LABELS,
  REPORT_STATE_LABELS,
  type ProgressStatus,
  type ReportState,
} from '../../../core/reporting/states';

// Colours of a report's state wherever it shows: missing grey-red, waiting states neutral/gold,
// with the office blue, accepted green, returned orange.
const REPORT_STATE_COLORS: Record<ReportState | 'missing', string> = {
  missing: 'red',
  draft: 'default',
  pending_head: 'gold',
  submitted: 'blue',
  accepted: 'green',
  returned: 'orange',
};

const MISSING_LABEL = '未填报';

export function ReportStateTag({ state, label }: { state: string; label?: string }) {
  const key = (state in REPORT_STATE_COLORS ? state : 'draft') as ReportState | 'missing';
  const text = label ?? (state === 'missing' ? MISSING_LABEL : (REPORT_STATE_LABELS[state as ReportState] ?? state));
  // "missing" is a muted red: nothing arrived yet, which the office must see, but it is not an error.
  const style = state === 'missing' ? { color: '#a8071a', background: '#f5f5f5', borderColor: '#d9d9d9' } : undefined;
  return (
    <Tag color={state === 'missing' ? undefined : REPORT_STATE_COLORS[key]} style={style}>
      {text}
    </Tag>
  );
}

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
