import type { z } from 'zod';
import type { itemCoReportingSchema } from '../../core/api/co-reporting';
import { entryLacks, type CompletenessEntry } from '../../core/reporting/completeness';
import type { Db } from '../db/connection';
import { selectIn } from '../db/select-in';
import type { Report } from './reports.repository';

export type ItemCoReporting = z.infer<typeof itemCoReportingSchema>;

/**
 * 报牵头单位 (issue 15) on a unit's report items: for each task, how its co-operating units report;
 * on a co-unit's item, the lead unit its part goes to; on the lead unit's item, every co-unit of the
 * task and whether it has written its part this period (a status and 进展情况: completeness.ts's
 * entryLacks), whatever stage its own report is at. Two queries whatever the report's size.
 */
export async function itemCoReporting(db: Db, report: Pick<Report, 'period_id' | 'unit_id'>, items: readonly { task_id: number; unit_role: 'lead' | 'co' }[]): Promise<Map<number, ItemCoReporting>> {
  const taskIds = items.map((i) => i.task_id);
  const [units, parts] = await Promise.all([
    selectIn(taskIds, (ids) =>
      db
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .innerJoin('units', 'units.id', 'task_units.unit_id')
        .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role', 'task_units.position', 'units.name', 'tasks.co_reporting'])
        .where('task_units.task_id', 'in', ids)
        .execute(),
    ),
    coPartsWritten(db, report.period_id, items.filter((i) => i.unit_role === 'lead').map((i) => i.task_id)),
  ]);
  const out = new Map<number, ItemCoReporting>();
  for (const item of items) {
    const own = units.filter((u) => u.task_id === item.task_id).sort((a, b) => a.position - b.position);
    const mode = own[0]?.co_reporting ?? 'separate';
    const viaLead = mode === 'via_lead';
    out.set(item.task_id, {
      mode,
      leadUnitName: viaLead && item.unit_role === 'co' ? (own.find((u) => u.role === 'lead')?.name ?? null) : null,
      coUnits:
        viaLead && item.unit_role === 'lead'
          ? own
              .filter((u) => u.role === 'co' && u.unit_id !== report.unit_id)
              .map((u) => ({ unitId: u.unit_id, unitName: u.name, written: parts.has(`${u.task_id}:${u.unit_id}`) }))
          : [],
    });
  }
  return out;
}

/** Which co-units have written their part ("task:unit") of these tasks in the period, in any report state. */
export async function coPartsWritten(db: Db, periodId: number, taskIds: readonly number[]): Promise<Set<string>> {
  const rows = await selectIn(taskIds, (ids) =>
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select(['task_progress.task_id', 'unit_reports.unit_id', 'task_progress.status', 'task_progress.narrative'])
      .where('unit_reports.period_id', '=', periodId)
      .where('task_progress.unit_role', '=', 'co')
      .where('task_progress.task_id', 'in', ids)
      .execute(),
  );
  const filled = (r: (typeof rows)[number]) => {
    const entry: CompletenessEntry = { taskId: r.task_id, annexNo: 0, seq: '', unitRole: 'co', closed: false, status: r.status, narrative: r.narrative };
    return entryLacks(entry).length === 0;
  };
  return new Set(rows.filter(filled).map((r) => `${r.task_id}:${r.unit_id}`));
}
