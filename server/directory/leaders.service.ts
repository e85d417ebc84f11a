import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import * as leaders from './leaders.repository';
import { staleVersion } from '../errors/stale-version';

async function assertNameFree(trx: Db, orgId: number, name: string, exceptId?: number) {
  const taken = (await leaders.listLeaders(trx, orgId)).find((l) => l.name === name && l.id !== exceptId);
  if (taken) throw new AppError('CONFLICT_DUPLICATE', { zh: `领导“${name}”已存在`, en: `leader "${name}" exists` });
}

export async function createLeader(ctx: AppContext, actor: Actor, orgId: number, input: { name: string; title: string }) {
  return inTransaction(ctx, async (trx) => {
    await assertNameFree(trx, orgId, input.name);
    const id = await leaders.insertLeader(trx, orgId, input.name, input.title);
    const after = (await leaders.findLeader(trx, id))!;
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'leader.create', entity: 'leader', entityId: id, after });
    return after;
  });
}

export async function updateLeader(
  ctx: AppContext,
  actor: Actor,
  before: NonNullable<Awaited<ReturnType<typeof leaders.findLeader>>>,
  { version, ...patch }: { name?: string; title?: string; version: number },
) {
  return inTransaction(ctx, async (trx) => {
    if (!(await leaders.updateLeader(trx, before.id, patch, version))) {
      throw staleVersion({ zh: `领导“${before.name}”的信息`, en: `leader ${before.id}` });
    }
    if (patch.name && patch.name !== before.name) await assertNameFree(trx, before.org_id, patch.name, before.id);
    const after = (await leaders.findLeader(trx, before.id))!;
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: before.org_id,
      action: 'leader.update',
      entity: 'leader',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
