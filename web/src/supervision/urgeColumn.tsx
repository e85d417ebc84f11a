import type { ColumnType } from 'antd/es/table';
import type { Period, PeriodReportRow } from '../reporting/api';
import { UrgeButton } from './UrgeButton';

/** 催办 on the 报送情况 page: every unit whose report is not yet accepted, once the period has opened. */
export function urgeColumn(period: Period): ColumnType<PeriodReportRow> {
  return {
    title: '催办',
    key: 'urge',
    width: 100,
    render: (_, r) =>
      period.status === 'planned' || r.state === 'accepted' ? null : (
        <UrgeButton periodId={period.id} periodLabel={period.label} unitId={r.unit.id} unitName={r.unit.name} />
      ),
  };
}
