import type { z } from 'zod';
import type { taskMoveBody } from '../../core/api/ledger-build';
import { nextSeq } from '../../core/ledger/task-draft';
import { taskDue } from '../../core/notice/due-date';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { findAnnex } from './task-create.service';
import { annexTasks, insertionIndex, renumberAnnex } from './task-positions';
import { snapshotTask } from './task-versions';

type TaskRef = { id: number; org_id: number; notice_id: number };

const where = async (trx: Db, taskId: number) =>
  trx
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .leftJoin('categories', 'categories.id', 'tasks.category_id')
    .select(['tasks.annex_id', 'tasks.category_id', 'tasks.seq', 'tasks.position', 'tasks.deadline', 'tasks.due_date_source', 'annexes.no as annex_no', 'categories.name as category_name'])
    .where('tasks.id', '=', taskId)
    .executeTakeFirstOrThrow();

/**
 * 上移/下移 and 移动到: the office reorders an annex or moves a task to another annex or category;
 * the annexes' positions are renumbered. The printed 序号 stays (reports and people cite it) except
 * in another annex, where the task takes that annex's next number. A move that changes the task's
 * annex or category makes a new version (the 版本记录 says why); a reorder within its category
 * changes no target and is audited only.
 */
export async function moveTask(ctx: AppContext, actor: Actor, task: TaskRef, body: z.infer<typeof taskMoveBody>) {
  return inTransaction(ctx, async (trx) => {
    const before = await where(trx, task.id);
    const order = await annexTasks(trx, before.annex_id);
    const index = order.findIndex((t) => t.id === task.id);
    let target = { annexId: before.annex_id, categoryId: before.category_id, seq: before.seq };
    let ids = order.map((t) => t.id);
    if ('direction' in body) {
      const j = body.direction === 'up' ? index - 1 : index + 1;
      const neighbour = order[j];
      if (!neighbour) throw new AppError('VALIDATION_FAILED', { zh: body.direction === 'up' ? '已是本附件第一项，不能再上移' : '已是本附件最后一项，不能再下移', en: 'nothing to move past' });
      if (neighbour.category_id === before.category_id) {
        ids[index] = neighbour.id;
        ids[j] = task.id;
      } else {
        // Past a category's edge: the task joins the neighbouring category, staying where it is in the annex.
        target = { ...target, categoryId: neighbour.category_id };
      }
    } else {
      const annex = await findAnnex(trx, { id: task.notice_id, org_id: task.org_id, year: 0 }, body.annexNo);
      if (body.categoryId !== null) {
        const category = await trx.selectFrom('categories').select('id').where('id', '=', body.categoryId).where('annex_id', '=', annex.id).executeTakeFirst();
        if (!category) throw new AppError('VALIDATION_FAILED', { zh: `附件${annex.no}中没有该类别`, en: 'the category is not in that annex', fields: { categoryId: '类别不在所选附件中' } });
      }
      const others = order.filter((t) => t.id !== task.id);
      if (annex.id === before.annex_id) {
        const at = insertionIndex(others, body.categoryId);
        ids = [...others.slice(0, at).map((t) => t.id), task.id, ...others.slice(at).map((t) => t.id)];
        target = { ...target, categoryId: body.categoryId };
      } else {
        const there = await annexTasks(trx, annex.id);
        target = { annexId: annex.id, categoryId: body.categoryId, seq: nextSeq(there.map((t) => t.seq)) };
        // Out of the old annex (a free position in the new one), then both annexes renumbered.
        await trx.updateTable('tasks').set({ annex_id: annex.id, position: -1 }).where('id', '=', task.id).execute();
        await renumberAnnex(trx, before.annex_id, others.map((t) => t.id));
        const at = insertionIndex(there, body.categoryId);
        ids = [...there.slice(0, at).map((t) => t.id), task.id, ...there.slice(at).map((t) => t.id)];
      }
    }
    const changed = target.annexId !== before.annex_id || target.categoryId !== before.category_id;
    if (changed) {
      const dest = await trx
        .selectFrom('annexes')
        .innerJoin('notices', 'notices.id', 'annexes.notice_id')
        .select(['annexes.kind', 'notices.year'])
        .where('annexes.id', '=', target.annexId)
        .executeTakeFirstOrThrow();
      // The due date follows the annex kind (附件1's tasks end with the year) unless the office set it.
      const due = before.due_date_source === 'office' ? {} : (({ dueDate, dueDateSource }) => ({ due_date: dueDate, due_date_source: dueDateSource }))(taskDue(before.deadline, dest.year, dest.kind));
      await trx
        .updateTable('tasks')
        .set((eb) => ({ annex_id: target.annexId, category_id: target.categoryId, seq: target.seq, ...due, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
        .where('id', '=', task.id)
        .execute();
    }
    await renumberAnnex(trx, target.annexId, ids);
    if (changed) await snapshotTask(trx, task.id, '督查室移动任务', actor.name);
    const after = await where(trx, task.id);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: task.org_id,
      action: 'task.move',
      entity: 'task',
      entityId: task.id,
      before: { annexNo: before.annex_no, category: before.category_name, seq: before.seq, position: before.position },
      after: { annexNo: after.annex_no, category: after.category_name, seq: after.seq, position: after.position },
    });
    return { annexNo: after.annex_no, seq: after.seq, position: after.position };
  });
}
