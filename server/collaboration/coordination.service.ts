import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { peopleOfTasks } from '../ledger/tasks.repository';
import { notifyLeaders, notifyOffice, notifyUnits } from '../notifications/notify';

/**
 * 提请协调: a responsible unit raises a problem that needs other departments; it goes to the
 * task's leader in charge, who assigns it to a unit, comments and closes it. The office sees all.
 */
export function findRequest(db: Db, id: number) {
  return db.selectFrom('coordination_requests').selectAll().where('id', '=', id).executeTakeFirst();
}
export type CoordinationRequest = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

/** Who takes part in a request: may read and comment. */
export function isParticipant(actor: Actor, r: CoordinationRequest): boolean {
  if (actor.role === 'office') return true;
  if (actor.role === 'leader') return actor.leaderId === r.leader_id;
  return actor.unitId === r.unit_id || (r.assigned_unit_id !== null && actor.unitId === r.assigned_unit_id);
}

const link = (id: number) => `/coordination/${id}`;

export async function raiseRequest(
  ctx: AppContext,
  actor: Actor & { orgId: number },
  taskId: number,
  input: { problem: string; departments: string; leaderId?: number },
) {
  const people = await peopleOfTasks(ctx.db, [taskId]);
  if (!people.units.some((u) => u.id === actor.unitId)) throw new AppError('REPORT_NOT_RESPONSIBLE');
  const leaderId = input.leaderId ?? people.leaders[0]?.id;
  if (!leaderId || !people.leaders.some((l) => l.id === leaderId)) {
    throw new AppError('VALIDATION_FAILED', { zh: '请选择该事项的分管区领导', en: 'choose one of the task’s leaders' });
  }
  return inTransaction(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('coordination_requests')
      .values({
        org_id: actor.orgId,
        task_id: taskId,
        unit_id: actor.unitId!,
        leader_id: leaderId,
        raised_by: actor.userId!,
        raised_by_name: actor.name,
        problem: input.problem,
        departments: input.departments,
        // When it was raised is a business time; updated_at is technical.
        created_at: ctx.clock.now().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const note = { kind: 'coordination', title: '新的提请协调事项', body: input.problem.slice(0, 120), link: link(id) };
    await notifyLeaders(trx, actor.orgId, [leaderId], note);
    await notifyOffice(trx, actor.orgId, note);
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'coordination.raise', entity: 'coordination', entityId: id, after: { taskId, ...input, leaderId } });
    return id;
  });
}

async function addComment(trx: Db, actor: Actor, r: CoordinationRequest, body: string, at: Date) {
  await trx
    .insertInto('coordination_comments')
    .values({ org_id: r.org_id, request_id: r.id, author_id: actor.userId!, author_name: actor.name, body, created_at: at.toISOString() })
    .execute();
}

export async function commentOnRequest(ctx: AppContext, actor: Actor, r: CoordinationRequest, body: string) {
  if (!isParticipant(actor, r)) throw new AppError('FORBIDDEN_NOT_ADDRESSEE');
  if (r.status === 'closed') throw new AppError('COORDINATION_CLOSED');
  await inTransaction(ctx, async (trx) => {
    await addComment(trx, actor, r, body, ctx.clock.now());
    const note = { kind: 'coordination', title: `${actor.name}对协调事项发表了意见`, body: body.slice(0, 120), link: link(r.id) };
    await notifyUnits(trx, r.org_id, [r.unit_id, ...(r.assigned_unit_id ? [r.assigned_unit_id] : [])], note);
    if (actor.role !== 'leader') await notifyLeaders(trx, r.org_id, [r.leader_id], note);
    await appendAudit(trx, ctx.engine, { actor, orgId: r.org_id, action: 'coordination.comment', entity: 'coordination', entityId: r.id, after: { body } });
  });
}

export async function handleRequest(
  ctx: AppContext,
  actor: Actor,
  r: CoordinationRequest,
  action: { kind: 'assign'; unitId: number; comment?: string } | { kind: 'close'; resolution: string },
) {
  if (actor.leaderId !== r.leader_id) throw new AppError('FORBIDDEN_NOT_ADDRESSEE');
  if (r.status === 'closed') throw new AppError('COORDINATION_CLOSED');
  await inTransaction(ctx, async (trx) => {
    // Assigned and closed when, in the work: the business clock (updated_at stays technical).
    const at = ctx.clock.now();
    const now = new Date().toISOString();
    if (action.kind === 'assign') {
      const unit = await trx.selectFrom('units').select('id').where('id', '=', action.unitId).where('org_id', '=', r.org_id).executeTakeFirst();
      if (!unit) throw new AppError('VALIDATION_FAILED', { zh: '承办单位不在本机构名录中', en: 'unknown unit' });
      await trx.updateTable('coordination_requests').set({ status: 'assigned', assigned_unit_id: unit.id, updated_at: now }).where('id', '=', r.id).execute();
      if (action.comment) await addComment(trx, actor, r, action.comment, at);
      await notifyUnits(trx, r.org_id, [unit.id, r.unit_id], { kind: 'coordination', title: `${actor.name}交办了协调事项`, body: action.comment ?? '', link: link(r.id) });
    } else {
      if (!action.resolution.trim()) throw new AppError('REASON_REQUIRED', { zh: '请填写办结意见', en: 'give the resolution' });
      await trx.updateTable('coordination_requests').set({ status: 'closed', resolution: action.resolution.trim(), closed_at: at.toISOString(), updated_at: now }).where('id', '=', r.id).execute();
      await notifyUnits(trx, r.org_id, [r.unit_id, ...(r.assigned_unit_id ? [r.assigned_unit_id] : [])], {
        kind: 'coordination',
        title: '协调事项已办结',
        body: action.resolution.slice(0, 120),
        link: link(r.id),
      });
    }
    await appendAudit(trx, ctx.engine, { actor, orgId: r.org_id, action: `coordination.${action.kind}`, entity: 'coordination', entityId: r.id, before: { status: r.status }, after: action });
  });
}
