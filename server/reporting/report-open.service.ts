import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import type { Period } from './periods.repository';
import { findReportFor, linksAmong, unitTasks, type Report, type UnitTask } from './reports.repository';

/**
 * The same work handed down twice (linked tasks) is reported once: of each group of linked tasks
 * the unit is responsible for, the first in printed order carries the report.
 */
export async function tasksToReport(ctx: AppContext, unitId: number, noticeId: number): Promise<UnitTask[]> {
  const tasks = await unitTasks(ctx.db, unitId, noticeId);
  const links = await linksAmong(ctx.db, tasks.map((t) => t.taskId));
  const order = new Map(tasks.map((t, i) => [t.taskId, i]));
  const coveredBy = new Map<number, number>();
  for (const { task_id: a, linked_task_id: b } of links) {
    const [first, second] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
    if (!coveredBy.has(second)) coveredBy.set(second, coveredBy.get(first) ?? first);
  }
  return tasks.filter((t) => !coveredBy.has(t.taskId));
}

/**
 * The unit's report for a period, created on first use with one entry per task it reports on.
 * Only an open period accepts a new report; two clerks opening it at once get the same one.
 */
export async function openReport(ctx: AppContext, actor: Actor, period: Period, unitId: number): Promise<Report> {
  const existing = await findReportFor(ctx.db, period.id, unitId);
  if (existing) return existing;
  if (period.status !== 'open') throw new AppError('PERIOD_NOT_OPEN');
  const tasks = await tasksToReport(ctx, unitId, period.notice_id);
  if (tasks.length === 0) throw new AppError('REPORT_NOT_RESPONSIBLE', { zh: '本单位在该通知中没有责任事项', en: 'the unit has no tasks in this notice' });
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
