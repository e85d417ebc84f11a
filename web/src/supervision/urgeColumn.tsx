import type { ColumnType } from 'antd/es/table';
import type { Period, PeriodReportRow } from '../reporting/api';
import { mayUrge } from '../reporting/StandingTag';
import { UrgeButton } from './UrgeButton';

/** 催办 on the 报送情况 page: every unit whose report has not reached the office (or came back for changes), once the period has opened. */
export function urgeColumn(period: Period): ColumnType<PeriodReportRow> {
  return {
    title: '催办',
    key: 'urge',
    width: 100,
    render: (_, r) =>
      period.status === 'planned' || !mayUrge(r.standing) ? null : (
        <UrgeButton periodId={period.id} periodLabel={period.label} unitId={r.unit.id} unitName={r.unit.name} />
      ),
  };
}
