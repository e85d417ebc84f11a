import type { Db } from '../db/connection';

export function findReport(db: Db, id: number) {
  return db.selectFrom('unit_reports').selectAll().where('id', '=', id).executeTakeFirst();
}
export type Report = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export function findReportFor(db: Db, periodId: number, unitId: number) {
  return db.selectFrom('unit_reports').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).executeTakeFirst();
}

export type UnitTask = {
  taskId: number;
  version: number;
  role: 'lead' | 'co';
  annexNo: number;
  position: number;
  /** 销号: the position of the period after which the task is no longer asked for (null while open). */
  closedAfterPosition: number | null;
};

/** The tasks of a notice that a unit is responsible for, lead or co-operating, in printed order. */
export function unitTasks(db: Db, unitId: number, noticeId: number): Promise<UnitTask[]> {
  return db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .select(['tasks.id as taskId', 'tasks.version', 'task_units.role', 'annexes.no as annexNo', 'tasks.position', 'tasks.closed_after_position as closedAfterPosition'])
    .where('task_units.unit_id', '=', unitId)
    .where('tasks.notice_id', '=', noticeId)
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
}

/** Pairs of linked tasks (proposed or confirmed, not rejected) among the given tasks. */
export async function linksAmong(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_links')
    .select(['task_id', 'linked_task_id'])
    .where('status', '!=', 'rejected')
    .where('task_id', 'in', taskIds)
    .where('linked_task_id', 'in', taskIds)
    .execute();
}

/** The report's entries with their tasks, in printed order. */
export function reportItems(db: Db, reportId: number) {
  return db
    .selectFrom('task_progress')
    .innerJoin('tasks', 'tasks.id', 'task_progress.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .select([
      'task_progress.id as progressId',
      'task_progress.task_id',
      'annexes.no as annex_no',
      'tasks.seq',
      'tasks.standard',
      'tasks.version as current_task_version',
      'task_progress.unit_role',
      'task_progress.task_version',
      'task_progress.status',
      'task_progress.narrative',
      'task_progress.problems',
      'task_progress.next_steps',
      'task_progress.office_comment',
      'task_progress.version',
      'task_progress.updated_by_name',
      'task_progress.updated_at',
      'tasks.closed_on',
      'tasks.closed_after_position',
    ])
    .where('task_progress.report_id', '=', reportId)
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
}

export function indicatorsWithActuals(db: Db, reportId: number) {
  return db
    .selectFrom('task_progress')
    .innerJoin('indicators', 'indicators.task_id', 'task_progress.task_id')
    .leftJoin('indicator_actuals', (join) =>
      join.onRef('indicator_actuals.progress_id', '=', 'task_progress.id').onRef('indicator_actuals.indicator_id', '=', 'indicators.id'),
    )
    .select([
      'task_progress.id as progress_id',
      'indicators.id',
      'indicators.name',
      'indicators.target',
      'indicators.unit',
      'indicators.qualifier',
      'indicator_actuals.value as actual',
    ])
    .where('task_progress.report_id', '=', reportId)
    .orderBy('indicators.position')
    .execute();
}

/** The co-operating units' parts on the lead unit's tasks, in the same period. */
export function coUnitParts(db: Db, periodId: number, taskIds: number[], exceptUnitId: number) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select([
      'task_progress.task_id',
      'units.name as unit_name',
      'unit_reports.unit_id',
      'unit_reports.state as report_state',
      'task_progress.status',
      'task_progress.narrative',
      'task_progress.problems',
    ])
    .where('unit_reports.period_id', '=', periodId)
    .where('unit_reports.unit_id', '!=', exceptUnitId)
    .where('task_progress.task_id', 'in', taskIds)
    .where('task_progress.unit_role', '=', 'co')
    .execute();
}

/** What core/reporting/completeness.ts reads of a report's entries. */
export async function completenessEntries(db: Db, report: Pick<Report, 'id' | 'period_id'>) {
  const rows = await db
    .selectFrom('task_progress')
    .innerJoin('tasks', 'tasks.id', 'task_progress.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('periods', (j) => j.on('periods.id', '=', report.period_id))
    .select([
      'task_progress.task_id',
      'annexes.no as annex_no',
      'tasks.seq',
      'task_progress.unit_role',
      'task_progress.status',
      'task_progress.narrative',
      'tasks.closed_after_position',
      'periods.position as period_position',
    ])
    .where('task_progress.report_id', '=', report.id)
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    annexNo: r.annex_no,
    seq: r.seq,
    unitRole: r.unit_role,
    status: r.status,
    narrative: r.narrative,
    closed: r.closed_after_position !== null && r.period_position > r.closed_after_position,
  }));
}

/**
 * The unit's last word on each of the report's tasks before this period (上期): for each task, the
 * entry of the latest earlier period of the same notice that has 进展情况 written, with its
 * indicator figures. Two queries whatever the report's size.
 */
export async function previousEntries(db: Db, report: Pick<Report, 'id' | 'period_id' | 'unit_id'>) {
  const period = await db.selectFrom('periods').select(['notice_id', 'position']).where('id', '=', report.period_id).executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('task_progress as tp')
    .innerJoin('unit_reports as ur', 'ur.id', 'tp.report_id')
    .innerJoin('periods as p', 'p.id', 'ur.period_id')
    .select(['tp.id', 'tp.task_id', 'tp.status', 'tp.narrative', 'tp.problems', 'tp.next_steps', 'p.label as period_label', 'p.position'])
    .where('ur.unit_id', '=', report.unit_id)
    .where('p.notice_id', '=', period.notice_id)
    .where('p.position', '<', period.position)
    .where('tp.narrative', '!=', '')
    .where('tp.task_id', 'in', (eb) => eb.selectFrom('task_progress').select('task_id').where('report_id', '=', report.id))
    .orderBy('p.position', 'desc')
    .execute();
  const latest = new Map<number, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.task_id)) latest.set(r.task_id, r);
  const ids = [...latest.values()].map((r) => r.id);
  const actuals = ids.length
    ? await db.selectFrom('indicator_actuals').select(['progress_id', 'indicator_id', 'value']).where('progress_id', 'in', ids).execute()
    : [];
  return new Map(
    [...latest.values()].map((r) => [
      r.task_id,
      {
        progressId: r.id,
        periodLabel: r.period_label,
        status: r.status,
        narrative: r.narrative,
        problems: r.problems,
        nextSteps: r.next_steps,
        actuals: actuals.filter((a) => a.progress_id === r.id).map((a) => ({ indicatorId: a.indicator_id, value: a.value })),
      },
    ]),
  );
}
export type PreviousEntry = NonNullable<ReturnType<Awaited<ReturnType<typeof previousEntries>>['get']>>;
