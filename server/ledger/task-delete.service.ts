import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { peopleOfTasks } from './tasks.repository';
import { laterUnsentEntries, removeEntries } from './task-closure.repository';
import { annexTasks, renumberAnnex } from './task-positions';

type TaskRef = { id: number; org_id: number; seq: string; standard: string };

const count = async (q: { executeTakeFirst: () => Promise<{ n: string | number | bigint } | undefined> }) => Number((await q.executeTakeFirst())?.n ?? 0);

/** Records besides reports that keep a task from being deleted. */
export async function recordsOfTask(db: Db, taskId: number) {
  const n = (table: 'coordination_requests' | 'target_adjustments' | 'instructions') =>
    count(db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('task_id', '=', taskId));
  const [coordination, adjustments, instructions, handdowns] = await Promise.all([
    n('coordination_requests'),
    n('target_adjustments'),
    n('instructions'),
    count(db.selectFrom('handdowns').select((eb) => eb.fn.countAll().as('n')).where((eb) => eb.or([eb('upper_task_id', '=', taskId), eb('lower_task_id', '=', taskId)]))),
  ]);
  return { coordination, adjustments, instructions, handdowns };
}

/**
 * A task's report entries that are not a report: blank entries of reports still with the unit,
 * never sent (a unit opened its draft after the task was added — what 销号 also clears away).
 * Every other entry means the task was reported on.
 */
async function entriesOf(db: Db, taskId: number) {
  const task = await db.selectFrom('tasks').select('notice_id').where('id', '=', taskId).executeTakeFirstOrThrow();
  const all = Number((await db.selectFrom('task_progress').select((eb) => eb.fn.countAll().as('n')).where('task_id', '=', taskId).executeTakeFirstOrThrow()).n);
  const blank = (await laterUnsentEntries(db, taskId, task.notice_id, -1)).filter((e) => e.untouched);
  return { reported: all - blank.length, blank };
}

/** Which of these tasks (of the organisation) were reported on: the ledger offers 销号 for them, not 删除. */
export async function reportedTaskIds(db: Db, orgId: number, taskIds: number[]): Promise<number[]> {
  if (!taskIds.length) return [];
  const rows = await db.selectFrom('task_progress').select('task_id').distinct().where('org_id', '=', orgId).where('task_id', 'in', taskIds).execute();
  const out: number[] = [];
  for (const r of rows) if ((await entriesOf(db, r.task_id)).reported > 0) out.push(r.task_id);
  return out;
}

/**
 * 删除: the office deletes a task it added by mistake. A task any unit reported on (a report entry,
 * evidence) or that has coordination, adjustments, instructions or hand-downs is never deleted: the
 * refusal says why and offers 销号. The deletion and its audit entry (with what the task was) are one
 * transaction; the annex is renumbered.
 */
export async function deleteTask(ctx: AppContext, actor: Actor, task: TaskRef) {
  return inTransaction(ctx, async (trx) => {
    const records = await recordsOfTask(trx, task.id);
    const entries = await entriesOf(trx, task.id);
    if (entries.reported > 0) {
      throw new AppError('TASK_NOT_DELETABLE', {
        zh: `该事项已有 ${entries.reported} 条报送记录，不能删除。已完成的事项请在事项页点「销号」；如内容有误请「编辑」`,
        en: `the task has ${entries.reported} report entries; close it instead`,
        complete: true,
      });
    }
    const other = [
      [records.coordination, '提请协调'],
      [records.adjustments, '目标调整申请'],
      [records.instructions, '领导批示'],
      [records.handdowns, '上下级交办'],
    ].filter(([n]) => Number(n) > 0);
    if (other.length) {
      throw new AppError('TASK_NOT_DELETABLE', {
        zh: `该事项已有${other.map(([n, what]) => `${what} ${n} 条`).join('、')}，不能删除；可改为销号`,
        en: 'the task has coordination, adjustments, instructions or hand-downs',
        complete: true,
      });
    }
    const { annex_id: annexId } = await trx.selectFrom('tasks').select('annex_id').where('id', '=', task.id).executeTakeFirstOrThrow();
    // Blank entries of unsent drafts go with the task (and a draft left with none, as 销号 does).
    await removeEntries(trx, entries.blank);
    const people = await peopleOfTasks(trx, [task.id]);
    const indicators = await trx.selectFrom('indicators').select(['name', 'target', 'unit']).where('task_id', '=', task.id).orderBy('position').execute();
    for (const table of ['task_leaders', 'task_units', 'milestones', 'indicators', 'task_versions'] as const) {
      await trx.deleteFrom(table).where('task_id', '=', task.id).execute();
    }
    await trx.deleteFrom('task_links').where((eb) => eb.or([eb('task_id', '=', task.id), eb('linked_task_id', '=', task.id)])).execute();
    await trx.deleteFrom('tasks').where('id', '=', task.id).execute();
    await renumberAnnex(trx, annexId, (await annexTasks(trx, annexId)).map((t) => t.id));
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: task.org_id,
      action: 'task.delete',
      entity: 'task',
      entityId: task.id,
      before: {
        seq: task.seq,
        standard: task.standard,
        leaders: people.leaders.map((l) => l.name),
        units: people.units.map((u) => ({ name: u.name, role: u.role })),
        indicators: indicators.map((i) => `${i.name} ${i.target}${i.unit}`),
      },
    });
  });
}
