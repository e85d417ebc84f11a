import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { snapshotTask } from '../ledger/task-versions';
import { peopleOfTasks } from '../ledger/tasks.repository';
import { notifyOffice, notifyUnits } from '../notifications/notify';
import { proposeUpstreamChange } from '../levels/upstream.service';

/**
 * 目标调整: a responsible unit proposes a new standard text or a new indicator target with a
 * reason (e.g. the upper level changed its target); the office approves or rejects. An approved
 * adjustment changes the task, raises its version and keeps the old version.
 */
export function findAdjustment(db: Db, id: number) {
  return db.selectFrom('target_adjustments').selectAll().where('id', '=', id).executeTakeFirst();
}
export type Adjustment = NonNullable<Awaited<ReturnType<typeof findAdjustment>>>;

export async function proposeAdjustment(
  ctx: AppContext,
  actor: Actor & { orgId: number },
  taskId: number,
  input: { indicatorId?: number; afterText?: string; afterValue?: number; reason: string },
) {
  const people = await peopleOfTasks(ctx.db, [taskId]);
  if (!people.units.some((u) => u.id === actor.unitId)) throw new AppError('REPORT_NOT_RESPONSIBLE');
  if (!input.reason.trim()) throw new AppError('REASON_REQUIRED');
  const task = await ctx.db.selectFrom('tasks').select(['standard']).where('id', '=', taskId).executeTakeFirstOrThrow();
  let before: { text: string | null; value: number | null } = { text: task.standard, value: null };
  if (input.indicatorId !== undefined) {
    const ind = await ctx.db.selectFrom('indicators').select(['target']).where('id', '=', input.indicatorId).where('task_id', '=', taskId).executeTakeFirst();
    if (!ind) throw new AppError('VALIDATION_FAILED', { zh: '指标不属于该事项', en: 'indicator is not of this task' });
    if (input.afterValue === undefined) throw new AppError('ADJUSTMENT_EMPTY');
    before = { text: null, value: ind.target };
  } else if (!input.afterText?.trim()) {
    throw new AppError('ADJUSTMENT_EMPTY');
  }
  return inTransaction(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('target_adjustments')
      .values({
        org_id: actor.orgId,
        task_id: taskId,
        unit_id: actor.unitId!,
        proposed_by: actor.userId!,
        proposed_by_name: actor.name,
        indicator_id: input.indicatorId ?? null,
        before_text: before.text,
        after_text: input.indicatorId === undefined ? input.afterText!.trim() : null,
        before_value: before.value,
        after_value: input.indicatorId === undefined ? null : input.afterValue!,
        reason: input.reason.trim(),
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifyOffice(trx, actor.orgId, { kind: 'adjustment', title: '新的目标调整申请', body: input.reason.slice(0, 120), link: `/tasks/${taskId}` });
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'adjustment.propose', entity: 'target_adjustment', entityId: id, after: { taskId, ...input } });
    return id;
  });
}

export async function decideAdjustment(ctx: AppContext, actor: Actor, a: Adjustment, decision: 'approved' | 'rejected', note: string) {
  if (a.status !== 'proposed') throw new AppError('ADJUSTMENT_DECIDED');
  if (decision === 'rejected' && !note.trim()) throw new AppError('REASON_REQUIRED', { zh: '请填写不予调整的理由', en: 'give the reason for rejecting' });
  return inTransaction(ctx, async (trx) => {
    let resultingVersion: number | null = null;
    if (decision === 'approved') {
      if (a.indicator_id !== null) {
        await trx.updateTable('indicators').set({ target: a.after_value! }).where('id', '=', a.indicator_id).execute();
        await trx.updateTable('tasks').set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date().toISOString() })).where('id', '=', a.task_id).execute();
      } else {
        await trx
          .updateTable('tasks')
          .set((eb) => ({ standard: a.after_text!, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
          .where('id', '=', a.task_id)
          .execute();
      }
      // Accepting the upper level's new text also updates the upper text the task cites.
      if (a.source === 'upstream' && a.indicator_id === null && a.handdown_id !== null) {
        const h = await trx.selectFrom('handdowns').innerJoin('tasks', 'tasks.id', 'handdowns.upper_task_id').select('tasks.standard').where('handdowns.id', '=', a.handdown_id).executeTakeFirst();
        if (h) await trx.updateTable('tasks').set({ upstream_item: h.standard }).where('id', '=', a.task_id).execute();
      }
      await snapshotTask(trx, a.task_id, `${a.source === 'upstream' ? '上级目标调整' : '目标调整'}：${a.reason}`, actor.name);
      resultingVersion = (await trx.selectFrom('tasks').select('version').where('id', '=', a.task_id).executeTakeFirstOrThrow()).version;
    }
    await trx
      .updateTable('target_adjustments')
      .set({ status: decision, decided_by_name: actor.name, decision_note: note.trim() || null, decided_at: ctx.clock.now().toISOString(), resulting_version: resultingVersion })
      .where('id', '=', a.id)
      .execute();
    // An approved change of an item this organisation handed down travels on to the levels below.
    if (decision === 'approved') {
      const before = a.indicator_id !== null ? await trx.selectFrom('indicators').select(['name', 'unit']).where('id', '=', a.indicator_id).executeTakeFirst() : undefined;
      await proposeUpstreamChange(
        trx,
        ctx.engine,
        actor,
        a.task_id,
        a.indicator_id !== null && before
          ? { kind: 'indicator', name: before.name, unit: before.unit, before: a.before_value ?? 0, after: a.after_value!, reason: a.reason }
          : { kind: 'standard', before: a.before_text ?? '', after: a.after_text!, reason: a.reason },
      );
    }
    if (a.unit_id !== null) await notifyUnits(trx, a.org_id, [a.unit_id], {
      kind: 'adjustment',
      title: decision === 'approved' ? '目标调整申请已批准' : '目标调整申请未获批准',
      body: note,
      link: `/tasks/${a.task_id}`,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: a.org_id,
      action: `adjustment.${decision === 'approved' ? 'approve' : 'reject'}`,
      entity: 'target_adjustment',
      entityId: a.id,
      before: { status: a.status },
      after: { status: decision, note, resultingVersion },
    });
  });
}
