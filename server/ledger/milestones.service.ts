import type { z } from 'zod';
import type { milestoneBody, milestonePatch } from '../../core/api/milestones';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { deleteMilestone, findMilestone, findTaskIndicator, insertMilestone, updateMilestone, type MilestoneValues } from './milestones.repository';

/** The task a milestone belongs to, as the route loaded and authorised it. */
export type MilestoneTask = { id: number; orgId: number };
type Body = z.infer<typeof milestoneBody>;

/** What the audit log keeps of a milestone: its date, words and expectation, by name as well as id. */
type Snapshot = { taskId: number; dueOn: string; description: string; expect: string; indicatorId: number | null; value: number | null };

/** The body as columns; an indicator must be one of the task's own. */
async function valuesOf(trx: Db, task: MilestoneTask, body: Body): Promise<{ values: MilestoneValues; snapshot: Snapshot }> {
  const e = body.expect;
  if (e.kind === 'state') {
    return {
      values: { due_on: body.dueOn, description: body.description, expect_kind: 'state', expect_state: e.state, indicator_id: null, expect_value: null },
      snapshot: { taskId: task.id, dueOn: body.dueOn, description: body.description, expect: e.state === 'started' ? '已启动' : '已完成', indicatorId: null, value: null },
    };
  }
  const indicator = await findTaskIndicator(trx, task.orgId, task.id, e.indicatorId);
  if (!indicator) {
    throw new AppError('VALIDATION_FAILED', { zh: '指标不属于该事项', en: 'the indicator is not one of the task’s', fields: { 'expect.indicatorId': '指标不属于该事项' } });
  }
  return {
    values: { due_on: body.dueOn, description: body.description, expect_kind: 'indicator', expect_state: null, indicator_id: indicator.id, expect_value: e.value },
    snapshot: { taskId: task.id, dueOn: body.dueOn, description: body.description, expect: `${indicator.name}达到${e.value}${indicator.unit}`, indicatorId: indicator.id, value: e.value },
  };
}

function snapshotOf(row: NonNullable<Awaited<ReturnType<typeof findMilestone>>>): Snapshot {
  return {
    taskId: row.task_id,
    dueOn: row.due_on,
    description: row.description,
    expect: row.expect_kind === 'state' ? (row.expect_state === 'started' ? '已启动' : '已完成') : `指标达到${row.expect_value ?? ''}`,
    indicatorId: row.indicator_id,
    value: row.expect_value,
  };
}

/** The office adds a milestone to a task (audited in the same transaction). */
export async function createMilestone(ctx: AppContext, actor: Actor, task: MilestoneTask, body: Body): Promise<number> {
  return inTransaction(ctx, async (trx) => {
    const { values, snapshot } = await valuesOf(trx, task, body);
    const id = await insertMilestone(trx, task.orgId, task.id, values, actor.name);
    await appendAudit(trx, ctx.engine, { actor, orgId: task.orgId, action: 'milestone.create', entity: 'milestone', entityId: id, after: snapshot });
    return id;
  });
}

/** The office edits a milestone; an edit over someone else's newer edit is refused (optimistic version). */
export async function editMilestone(ctx: AppContext, actor: Actor, task: MilestoneTask, milestoneId: number, patch: z.infer<typeof milestonePatch>): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const current = await findMilestone(trx, task.orgId, task.id, milestoneId);
    if (!current) throw new AppError('NOT_FOUND', { zh: '时间节点不存在', en: 'no such milestone' });
    const { values, snapshot } = await valuesOf(trx, task, patch);
    if (!(await updateMilestone(trx, task.orgId, milestoneId, patch.version, values, actor.name))) {
      throw new AppError('EDIT_CONFLICT', { zh: '该时间节点已被他人修改', en: 'the milestone changed meanwhile', current: { version: current.version, ...snapshotOf(current) } });
    }
    await appendAudit(trx, ctx.engine, { actor, orgId: task.orgId, action: 'milestone.update', entity: 'milestone', entityId: milestoneId, before: snapshotOf(current), after: snapshot });
  });
}

/** The office deletes a milestone (audited with what it was). */
export async function removeMilestone(ctx: AppContext, actor: Actor, task: MilestoneTask, milestoneId: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const current = await findMilestone(trx, task.orgId, task.id, milestoneId);
    if (!current) throw new AppError('NOT_FOUND', { zh: '时间节点不存在', en: 'no such milestone' });
    await deleteMilestone(trx, task.orgId, milestoneId);
    await appendAudit(trx, ctx.engine, { actor, orgId: task.orgId, action: 'milestone.delete', entity: 'milestone', entityId: milestoneId, before: snapshotOf(current) });
  });
}
