import { Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Standing } from '../../../core/reporting/standing';
import type { Period, PeriodReportRow } from '../reporting/api';
import { mayUrge } from '../reporting/StandingTag';
import { UrgeTally } from './BulkUrge';
import { UrgeButton } from './UrgeButton';

/**
 * A unit's 催办 cell: how often it was urged this period (and when last), and 催办 while its report
 * has not reached the office (or came back for changes) — never for a unit that reported or is exempt.
 */
export function UrgeCell({
  period,
  unitId,
  unitName,
  standing,
}: {
  period: { id: number; label: string; opened: boolean };
  unitId: number;
  unitName: string;
  standing: Pick<Standing, 'kind' | 'reached'>;
}) {
  return (
    <Space size={4} wrap>
      <UrgeTally periodId={period.id} unitId={unitId} />
      {period.opened && mayUrge(standing) && (
        <UrgeButton periodId={period.id} periodLabel={period.label} unitId={unitId} unitName={unitName} />
      )}
    </Space>
  );
}

/** 催办 on the 报送情况 page: every unit whose report has not reached the office (or came back for changes), once the period has opened. */
export function urgeColumn(period: Period): ColumnType<PeriodReportRow> {
  return {
    title: '催办',
    key: 'urge',
    width: 190,
    render: (_, r) => (
      <UrgeCell
        period={{ id: period.id, label: period.label, opened: period.status !== 'planned' }}
        unitId={r.unit.id}
        unitName={r.unit.name}
        standing={r.standing}
      />
    ),
  };
}
