import { sql } from 'kysely';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { IdAllocator, insertRows } from './bulk';
import type { Dice } from './dice';
import type { DistrictProfile } from './profile';
import { planYear } from './report-plan';
import {
  ACTUAL_COLUMNS,
  ENTRY_COLUMNS,
  NOTIFICATION_COLUMNS,
  REPORT_COLUMNS,
  type Person,
  type PlanIndicator,
  type PlanTask,
  type PlanUnit,
} from './simulated-report';

/**
 * Writes a district-year's reports in one transaction: the importer's rows stamped with business
 * time, the periods opened and closed, every report, entry, actual and notification as planned
 * (report-plan.ts) in multi-row inserts, and one audit entry saying synthetic reports were
 * generated — instead of the hundreds of thousands of entries the services would have appended.
 */
export type YearCounts = { reports: number; entries: number; actuals: number; notifications: number };

/** What openReport would give each unit (report-open.service.ts tasksToReport), for all units at once. */
function tasksToReport(
  tasks: { id: number; version: number }[],
  taskUnits: { task_id: number; unit_id: number; role: 'lead' | 'co' }[],
  links: { task_id: number; linked_task_id: number }[],
) {
  const taskOrder = new Map(tasks.map((t, i) => [t.id, i]));
  const version = new Map(tasks.map((t) => [t.id, t.version]));
  const byUnit = new Map<number, PlanTask[]>();
  for (const tu of [...taskUnits].sort((a, b) => taskOrder.get(a.task_id)! - taskOrder.get(b.task_id)!)) {
    const list = byUnit.get(tu.unit_id) ?? [];
    list.push({ taskId: tu.task_id, version: version.get(tu.task_id)!, role: tu.role });
    byUnit.set(tu.unit_id, list);
  }
  for (const [unitId, list] of byUnit) {
    const order = new Map(list.map((t, i) => [t.taskId, i]));
    const coveredBy = new Map<number, number>();
    for (const { task_id: a, linked_task_id: b } of links) {
      if (!order.has(a) || !order.has(b)) continue;
      const [first, second] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
      if (!coveredBy.has(second)) coveredBy.set(second, coveredBy.get(first) ?? first);
    }
    byUnit.set(
      unitId,
      list.filter((t) => !coveredBy.has(t.taskId)),
    );
  }
  return byUnit;
}

/**
 * The importer stamps rows with the wall clock (and created_at with the database's now()); in the
 * generated world the notice was imported on a business date, so its rows say so.
 */
export async function stampImport(trx: Db, noticeId: number, at: string) {
  await sql`update notices set created_at = ${at}, updated_at = ${at} where id = ${noticeId}`.execute(trx);
  await sql`update notice_files set created_at = ${at} where notice_id = ${noticeId}`.execute(trx);
  await sql`update tasks set created_at = ${at}, updated_at = ${at} where notice_id = ${noticeId}`.execute(trx);
  await sql`update task_versions set created_at = ${at} where task_id in (select id from tasks where notice_id = ${noticeId})`.execute(
    trx,
  );
  await sql`update periods set updated_at = ${at} where notice_id = ${noticeId}`.execute(trx);
  // The schedule opens the first period at import: stamped like the import itself.
  await sql`update periods set opened_at = ${at} where notice_id = ${noticeId} and opened_at is not null`.execute(trx);
  await sql`update handdowns set created_at = ${at} where lower_task_id in (select id from tasks where notice_id = ${noticeId})`.execute(
    trx,
  );
}

export type DistrictYear = {
  dice: Dice;
  profile: DistrictProfile;
  district: number;
  year: number;
  orgId: number;
  noticeId: number;
  issuedDate: string;
  importedAt: string;
  office: Person;
  /** Clerk and head of each unit, by unit id. */
  people: Map<number, { name: string; clerk: Person; head: Person }>;
};

export async function writeDistrictYear(ctx: AppContext, actor: Actor, dy: DistrictYear): Promise<YearCounts> {
  return inTransaction(ctx, async (trx) => {
    await stampImport(trx, dy.noticeId, dy.importedAt);
    const [tasks, taskUnits, links, indicators, periods] = await Promise.all([
      trx
        .selectFrom('tasks')
        .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
        .select(['tasks.id', 'tasks.version'])
        .where('tasks.notice_id', '=', dy.noticeId)
        .orderBy('annexes.no')
        .orderBy('tasks.position')
        .execute(),
      trx
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role'])
        .where('tasks.notice_id', '=', dy.noticeId)
        .execute(),
      trx
        .selectFrom('task_links')
        .innerJoin('tasks', 'tasks.id', 'task_links.task_id')
        .select(['task_links.task_id', 'task_links.linked_task_id'])
        .where('tasks.notice_id', '=', dy.noticeId)
        .where('task_links.status', '!=', 'rejected')
        .orderBy('task_links.id')
        .execute(),
      trx
        .selectFrom('indicators')
        .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
        .select(['indicators.id', 'indicators.task_id', 'indicators.target', 'indicators.unit'])
        .where('tasks.notice_id', '=', dy.noticeId)
        .orderBy('indicators.task_id')
        .orderBy('indicators.position')
        .execute(),
      trx
        .selectFrom('periods')
        .select(['id', 'position', 'label', 'deadline'])
        .where('notice_id', '=', dy.noticeId)
        .orderBy('position')
        .execute(),
    ]);
    const byUnit = tasksToReport(tasks, taskUnits, links);
    const indicatorsOf = new Map<number, PlanIndicator[]>();
    for (const i of indicators) indicatorsOf.set(i.task_id, [...(indicatorsOf.get(i.task_id) ?? []), i]);
    const units: PlanUnit[] = [...byUnit.keys()]
      .sort((a, b) => a - b)
      .map((id) => {
        const p = dy.people.get(id);
        if (!p) throw new Error(`generator: unit ${id} of notice ${dy.noticeId} is not in the generated directory`);
        return { id, ...p };
      });
    const ids = await IdAllocator.load(trx, ['unit_reports', 'task_progress', 'indicator_actuals', 'notifications']);
    const plan = planYear({
      dice: dy.dice,
      profile: dy.profile,
      district: dy.district,
      year: dy.year,
      orgId: dy.orgId,
      office: dy.office,
      issuedDate: dy.issuedDate,
      units,
      tasksOf: (unitId) => byUnit.get(unitId) ?? [],
      indicatorsOf: (taskId) => indicatorsOf.get(taskId) ?? [],
      periods,
      ids,
    });
    for (const { id, ...patch } of plan.periods)
      await trx.updateTable('periods').set(patch).where('id', '=', id).execute();
    await insertRows(trx, ctx.engine, 'unit_reports', REPORT_COLUMNS, plan.reports);
    await insertRows(trx, ctx.engine, 'task_progress', ENTRY_COLUMNS, plan.entries);
    await insertRows(trx, ctx.engine, 'indicator_actuals', ACTUAL_COLUMNS, plan.actuals);
    await insertRows(trx, ctx.engine, 'notifications', NOTIFICATION_COLUMNS, plan.notifications);
    const counts = {
      reports: plan.reports.length,
      entries: plan.entries.length,
      actuals: plan.actuals.length,
      notifications: plan.notifications.length,
    };
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: dy.orgId,
      action: 'generate.reports',
      entity: 'notice',
      entityId: dy.noticeId,
      after: {
        synthetic: true,
        year: dy.year,
        periods: plan.periods.map((p) => ({ id: p.id, status: p.status })),
        ...counts,
      },
    });
    return counts;
  });
}
