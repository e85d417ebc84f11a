import type { Selectable } from 'kysely';
import type { z } from 'zod';
import { taskDue } from '../../core/notice/due-date';
import type { taskPatch } from '../../core/api/tasks';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { TasksTable } from '../db/schema';
import { AppError } from '../errors/app-error';
import { snapshotTask } from './task-versions';
import { markLowerTargetSet } from '../levels/handdown.service';
import { proposeUpstreamChange } from '../levels/upstream.service';
import { rederiveIndicators } from './task-indicators';
import { peopleOfTasks } from './tasks.repository';

type Snapshot = { standard: string; deadline: string | null; dueDate: string | null; leaderIds: number[]; unitIds: number[] };

/**
 * The office edits a task of the ledger: text, deadline, leaders, units (first = lead). The
 * task's version goes up, so reports show which version they were made against; an edit over
 * someone else's newer edit is refused; before and after go to the audit log.
 */
export async function editTask(ctx: AppContext, actor: Actor, taskId: number, orgId: number, patch: z.infer<typeof taskPatch>) {
  return inTransaction(ctx, async (trx) => {
    const current = await trx.selectFrom('tasks').selectAll().where('id', '=', taskId).executeTakeFirstOrThrow();
    const people = await peopleOfTasks(trx, [taskId]);
    const before: Snapshot = {
      standard: current.standard,
      deadline: current.deadline,
      dueDate: current.due_date,
      leaderIds: people.leaders.map((l) => l.id),
      unitIds: people.units.map((u) => u.id),
    };
    for (const [ids, table] of [
      [patch.leaderIds, 'leaders'],
      [patch.unitIds, 'units'],
    ] as const) {
      if (!ids) continue;
      const found = await trx.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', 'in', ids.length ? ids : [-1]).execute();
      if (found.length !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', { zh: `${table === 'units' ? '单位' : '领导'}不在本机构名录中`, en: `unknown ${table}` });
    }
    const due = await nextDue(trx, current, patch);
    const moved = await trx
      .updateTable('tasks')
      .set((eb) => ({
        standard: patch.standard ?? current.standard,
        deadline: patch.deadline !== undefined ? patch.deadline : current.deadline,
        due_date: due.due_date,
        due_date_source: due.due_date_source,
        version: eb('version', '+', 1),
        updated_at: new Date().toISOString(),
      }))
      .where('id', '=', taskId)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      throw new AppError('EDIT_CONFLICT', { zh: '该事项已被他人修改', en: 'the task changed meanwhile', current: { version: current.version, ...before } });
    }
    if (patch.leaderIds) {
      await trx.deleteFrom('task_leaders').where('task_id', '=', taskId).execute();
      if (patch.leaderIds.length) {
        await trx
          .insertInto('task_leaders')
          .values(patch.leaderIds.map((leader_id, position) => ({ org_id: orgId, task_id: taskId, leader_id, position })))
          .execute();
      }
    }
    if (patch.unitIds) {
      const printed = new Map(people.units.map((u) => [u.id, u.name]));
      await trx.deleteFrom('task_units').where('task_id', '=', taskId).execute();
      await trx
        .insertInto('task_units')
        .values(
          [...new Set(patch.unitIds)].map((unit_id, position) => ({
            org_id: orgId,
            task_id: taskId,
            unit_id,
            role: position === 0 ? ('lead' as const) : ('co' as const),
            printed: printed.get(unit_id) ?? '',
            note: null,
            position,
          })),
        )
        .execute();
    }
    const after: Snapshot = {
      standard: patch.standard ?? before.standard,
      deadline: patch.deadline !== undefined ? patch.deadline : before.deadline,
      dueDate: due.due_date,
      leaderIds: patch.leaderIds ?? before.leaderIds,
      unitIds: patch.unitIds ? [...new Set(patch.unitIds)] : before.unitIds,
    };
    if (after.standard !== before.standard) await rederiveIndicators(trx, orgId, taskId, after.standard);
    await snapshotTask(trx, taskId, '督查室修改台账', actor.name);
    // Levels (issue 7): a handed-down task the lower office edits has its own target now; an item
    // this organisation handed down whose text changed reaches the levels below as proposals.
    await markLowerTargetSet(trx, taskId);
    if (after.standard !== before.standard) {
      await proposeUpstreamChange(trx, ctx.engine, actor, taskId, { kind: 'standard', before: before.standard, after: after.standard, reason: '上级修改了工作标准' });
    }
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'task.update', entity: 'task', entityId: taskId, before, after });
    return current.version + 1;
  });
}

/**
 * The due date after an edit, and where it came from: a date the office changes is the office's;
 * a new printed deadline is read again (core/notice/due-date.ts) unless the office set the date.
 */
async function nextDue(trx: Db, current: Selectable<TasksTable>, patch: z.infer<typeof taskPatch>) {
  if (patch.dueDate !== undefined && patch.dueDate !== current.due_date) {
    return { due_date: patch.dueDate, due_date_source: patch.dueDate === null ? null : 'office' };
  }
  if (patch.deadline !== undefined && patch.deadline !== current.deadline && current.due_date_source !== 'office') {
    const where = await trx
      .selectFrom('annexes')
      .innerJoin('notices', 'notices.id', 'annexes.notice_id')
      .select(['annexes.kind', 'notices.year'])
      .where('annexes.id', '=', current.annex_id)
      .executeTakeFirstOrThrow();
    const read = taskDue(patch.deadline, where.year, where.kind);
    return { due_date: read.dueDate, due_date_source: read.dueDateSource };
  }
  return { due_date: current.due_date, due_date_source: current.due_date_source };
}
