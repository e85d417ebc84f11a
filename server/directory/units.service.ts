import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import * as units from './units.repository';
import { staleVersion } from '../errors/stale-version';

/** Units of an organisation are named uniquely, and each alias points at exactly one unit. */
async function assertNamesFree(trx: Db, orgId: number, names: string[], exceptUnitId?: number) {
  for (const name of names) {
    const owner = await units.findUnitByNameOrAlias(trx, orgId, name);
    if (owner !== undefined && owner !== exceptUnitId) {
      throw new AppError('CONFLICT_DUPLICATE', { zh: `“${name}”已被其他单位使用`, en: `"${name}" is taken` });
    }
  }
}

function cleanAliases(name: string, aliases: string[]) {
  return [...new Set(aliases)].filter((a) => a !== name);
}

export async function createUnit(ctx: AppContext, actor: Actor, orgId: number, input: { name: string; aliases: string[] }) {
  return inTransaction(ctx, async (trx) => {
    const aliases = cleanAliases(input.name, input.aliases);
    await assertNamesFree(trx, orgId, [input.name, ...aliases]);
    const id = await units.insertUnit(trx, orgId, input.name);
    await units.replaceUnitAliases(trx, orgId, id, aliases);
    const after = (await units.findUnit(trx, id))!;
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'unit.create', entity: 'unit', entityId: id, after });
    return after;
  });
}

export async function updateUnit(
  ctx: AppContext,
  actor: Actor,
  before: units.UnitWithAliases,
  patch: { name?: string; aliases?: string[]; version: number },
) {
  return inTransaction(ctx, async (trx) => {
    const name = patch.name ?? before.name;
    const aliases = cleanAliases(name, patch.aliases ?? before.aliases);
    // The version first: a save over someone else's newer one is refused before any other check.
    if (!(await units.updateUnitRow(trx, before.id, name, patch.version))) {
      throw staleVersion({ zh: `单位“${before.name}”`, en: `unit ${before.id}` });
    }
    await assertNamesFree(trx, before.org_id, [name, ...aliases], before.id);
    await units.replaceUnitAliases(trx, before.org_id, before.id, aliases);
    const after = (await units.findUnit(trx, before.id))!;
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: before.org_id,
      action: 'unit.update',
      entity: 'unit',
      entityId: before.id,
      before,
      after,
    });
    return after;
  });
}
