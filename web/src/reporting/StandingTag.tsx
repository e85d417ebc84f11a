import { Space, Tag, Tooltip, Typography } from 'antd';
import { STANDING_MEANINGS, type Standing, type StandingKind, type Timeliness } from '../../../core/reporting/standing';

/**
 * Where a unit's report stands, as every screen shows it: the state (退回修改, 待负责人审定 …) and
 * its timeliness (按时报送, 逾期2个工作日报送, 逾期未报), both from core/reporting/standing.ts via
 * the server — no screen works it out for itself. The tooltip says what the state means.
 */
const KIND_COLORS: Record<StandingKind, string> = {
  exempt: 'default',
  not_started: 'default',
  drafting: 'default',
  pending_head: 'gold',
  reached: 'blue',
  returned: 'orange',
  resubmitted: 'blue',
  accepted: 'green',
};

export const TIMELINESS_COLORS: Record<Timeliness, string> = {
  on_time: 'success',
  late: 'volcano',
  missing: 'error',
  pending: 'default',
  exempt: 'default',
};

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

export function StandingKindTag({ standing }: { standing: Pick<Standing, 'kind' | 'label'> }) {
  return (
    <Tooltip title={STANDING_MEANINGS[standing.kind]}>
      <Tag color={KIND_COLORS[standing.kind]}>{standing.label}</Tag>
    </Tooltip>
  );
}

export function TimelinessTag({ standing }: { standing: Pick<Standing, 'timeliness' | 'timelinessLabel'> }) {
  return <Tag color={TIMELINESS_COLORS[standing.timeliness]}>{standing.timelinessLabel}</Tag>;
}

/** Both tags, and the first arrival date when the report reached the office. */
export function StandingTags({ standing, showDate = true }: { standing: Standing; showDate?: boolean }) {
  return (
    <Space size={4} wrap>
      <StandingKindTag standing={standing} />
      {standing.timeliness !== 'exempt' && <TimelinessTag standing={standing} />}
      {showDate && standing.reachedOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {md(standing.reachedOn)}首次报送
        </Typography.Text>
      )}
    </Space>
  );
}

/** Whether the office may still urge the unit: its report has not reached the office, or came back for changes. */
export const mayUrge = (s: Pick<Standing, 'kind' | 'reached'>) => s.kind !== 'exempt' && (!s.reached || s.kind === 'returned');
