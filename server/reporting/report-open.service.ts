import { periodAsksAbout, periodDeadline } from '../../core/reporting/standing';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { calendarOf } from '../calendar/calendar.service';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import type { Period } from './periods.repository';
import { findReportFor, linksAmong, previousEntries, unitTasks, type Report, type UnitTask } from './reports.repository';
import { periodDates } from './standings';

/** What decides which of a unit's tasks a period asks about. */
export type ReportingPeriod = Pick<Period, 'org_id' | 'notice_id' | 'position' | 'deadline' | 'extended_deadline'>;

/**
 * The same work handed down twice (linked tasks) is reported once: of each group of linked tasks
 * the unit is responsible for, the first in printed order carries the report.
 */
async function reportedOnce(db: Db, tasks: UnitTask[]): Promise<UnitTask[]> {
  const links = await linksAmong(db, tasks.map((t) => t.taskId));
  const order = new Map(tasks.map((t, i) => [t.taskId, i]));
  const coveredBy = new Map<number, number>();
  for (const { task_id: a, linked_task_id: b } of links) {
    const [first, second] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
    if (!coveredBy.has(second)) coveredBy.set(second, coveredBy.get(first) ?? first);
  }
  return tasks.filter((t) => !coveredBy.has(t.taskId));
}

/**
 * The entries a unit's report for a period is opened with: the tasks the period asks the unit
 * about (core/reporting/standing.ts periodAsksAbout — not a task closed (销号) in an earlier
 * period, nor one handed down after the deadline), each group of linked tasks once. The rule
 * comes first, so a task linked to a closed one is reported in its place while it is open itself.
 */
export async function tasksToReport(db: Db, unitId: number, period: ReportingPeriod): Promise<UnitTask[]> {
  const [tasks, calendar] = await Promise.all([unitTasks(db, unitId, period.notice_id), calendarOf(db, period.org_id)]);
  const arrivals = tasks.length
    ? await db
        .selectFrom('handdowns')
        .select(['lower_task_id', 'arrived_on'])
        .where('lower_task_id', 'in', tasks.map((t) => t.taskId))
        .where('arrived_on', 'is not', null)
        .execute()
    : [];
  const arrivedOn = new Map(arrivals.map((a) => [a.lower_task_id, a.arrived_on]));
  const deadline = periodDeadline(periodDates(period), calendar);
  return reportedOnce(
    db,
    tasks.filter((t) => periodAsksAbout({ closedAfterPosition: t.closedAfterPosition, arrivedOn: arrivedOn.get(t.taskId) ?? null }, period, deadline)),
  );
}

/**
 * Every task of a notice a unit answers for over the year, each group of linked tasks once,
 * closed (销号) or not: what the assessment scores (a closed task by its closing entry).
 */
export async function tasksOfUnit(db: Db, unitId: number, noticeId: number): Promise<UnitTask[]> {
  return reportedOnce(db, await unitTasks(db, unitId, noticeId));
}

/**
 * The unit's report for a period, created on first use with one entry per task it reports on.
 * Only an open period accepts a new report; two clerks opening it at once get the same one.
 */
export async function openReport(ctx: AppContext, actor: Actor, period: Period, unitId: number): Promise<Report> {
  const existing = await findReportFor(ctx.db, period.id, unitId);
  if (existing) return existing;
  if (period.status !== 'open') throw new AppError('PERIOD_NOT_OPEN');
  const tasks = await tasksToReport(ctx.db, unitId, period);
  if (tasks.length === 0) throw await nothingToReport(ctx.db, unitId, period);
  const now = new Date().toISOString();
  await inTransaction(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('unit_reports')
      .values({ org_id: period.org_id, period_id: period.id, unit_id: unitId, updated_at: now })
      .onConflict((oc) => oc.columns(['period_id', 'unit_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return; // another clerk created it a moment ago
    await trx
      .insertInto('task_progress')
      .values(
        tasks.map((t) => ({
          org_id: period.org_id,
          report_id: inserted.id,
          task_id: t.taskId,
          unit_role: t.role,
          task_version: t.version,
          updated_at: now,
        })),
      )
      .execute();
    // Each entry starts from the unit's last status on the task (上期): the clerk changes what moved.
    const previous = await previousEntries(trx, { id: inserted.id, period_id: period.id, unit_id: unitId });
    for (const [taskId, prev] of previous) {
      await trx.updateTable('task_progress').set({ status: prev.status }).where('report_id', '=', inserted.id).where('task_id', '=', taskId).execute();
    }
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: period.org_id,
      action: 'report.create',
      entity: 'unit_report',
      entityId: inserted.id,
      after: { periodId: period.id, unitId, tasks: tasks.length },
    });
  });
  return (await findReportFor(ctx.db, period.id, unitId))!;
}

/** Why a unit has no report to open for a period: no task in the notice, or none the period asks about (本期免报). */
export async function nothingToReport(db: Db, unitId: number, period: ReportingPeriod): Promise<AppError> {
  if ((await unitTasks(db, unitId, period.notice_id)).length === 0) {
    return new AppError('REPORT_NOT_RESPONSIBLE', { zh: '本单位在该通知中没有责任事项', en: 'the unit has no tasks in this notice' });
  }
  return new AppError('REPORT_EXEMPT', {
    zh: '本单位本期没有需要报送的事项（事项已销号，或在截止日期后才下达），本期免报',
    en: 'the period asks the unit about none of its tasks (closed, or handed down after the deadline): it is exempt',
    complete: true,
  });
}
