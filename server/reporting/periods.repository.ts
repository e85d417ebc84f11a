import type { PeriodPlan } from '../../core/reporting/periods';
import type { Db } from '../db/connection';

export function insertPeriods(db: Db, orgId: number, noticeId: number, plans: (PeriodPlan & { pastAtImport: boolean })[]) {
  if (plans.length === 0) return Promise.resolve();
  const now = new Date().toISOString();
  return db
    .insertInto('periods')
    .values(
      plans.map((p) => ({
        org_id: orgId,
        notice_id: noticeId,
        position: p.position,
        kind: p.kind,
        label: p.label,
        deadline: p.deadline,
        past_at_import: p.pastAtImport ? 1 : 0,
        updated_at: now,
      })),
    )
    .execute();
}

export function listPeriods(db: Db, orgId: number) {
  return db
    .selectFrom('periods')
    .innerJoin('notices', 'notices.id', 'periods.notice_id')
    .selectAll('periods')
    .select(['notices.doc_number', 'notices.year'])
    .where('periods.org_id', '=', orgId)
    .orderBy('notices.id', 'desc')
    .orderBy('periods.position')
    .execute();
}

export function findPeriod(db: Db, id: number) {
  return db.selectFrom('periods').selectAll().where('id', '=', id).executeTakeFirst();
}

export type Period = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

/** The deadline in force: the extension when the office granted one. */
export function effectiveDeadline(p: Pick<Period, 'deadline' | 'extended_deadline'>): string {
  return p.extended_deadline ?? p.deadline;
}

/** Every unit responsible for a task of the period's notice, with its report for the period if any. */
export function periodReportRows(db: Db, period: Period) {
  return db
    .selectFrom('units')
    .leftJoin('unit_reports', (join) => join.onRef('unit_reports.unit_id', '=', 'units.id').on('unit_reports.period_id', '=', period.id))
    .select([
      'units.id as unit_id',
      'units.name as unit_name',
      'unit_reports.id as report_id',
      'unit_reports.state',
      'unit_reports.late_days',
      'unit_reports.approved_at',
    ])
    .where('units.id', 'in', (eb) =>
      eb
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .select('task_units.unit_id')
        .where('tasks.notice_id', '=', period.notice_id),
    )
    .orderBy('units.id')
    .execute();
}
