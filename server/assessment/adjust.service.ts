import { round2 } from '../../core/assessment/score';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { findRun, latestRunId, type RunRow } from './assessment.repository';
import { rerank } from './run.service';

/**
 * The office's changes to a run's outcome, each with a reason and audited in its own transaction:
 * score adjustments (调整, on the latest run only) and vetoes (一票否决, per unit and year, applied
 * to the year's latest run at once and to every later run).
 */

/** Serialises changes to one run: a no-op write takes the row lock (PostgreSQL) or the write lock (SQLite) first. */
async function lockRun(trx: Db, runId: number) {
  await trx.updateTable('assessment_runs').set((eb) => ({ run_by_name: eb.ref('run_by_name') })).where('id', '=', runId).execute();
}

function scoreOf(trx: Db, runId: number, unitId: number) {
  return trx.selectFrom('assessment_scores').select(['adjustment', 'final', 'rank', 'grade', 'vetoed']).where('run_id', '=', runId).where('unit_id', '=', unitId).executeTakeFirst();
}

export async function adjustScore(ctx: AppContext, actor: Actor, run: RunRow, input: { unitId: number; delta: number; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('REASON_REQUIRED', { zh: '调整分数须写明理由', en: 'an adjustment needs a reason' });
  await inTransaction(ctx, async (trx) => {
    await lockRun(trx, run.id);
    if ((await latestRunId(trx, run.org_id, run.year)) !== run.id) throw new AppError('ASSESSMENT_RUN_SUPERSEDED');
    const before = await scoreOf(trx, run.id, input.unitId);
    if (!before) throw new AppError('ASSESSMENT_UNIT_NOT_ASSESSED');
    const delta = round2(input.delta);
    await trx.insertInto('assessment_adjustments').values({ org_id: run.org_id, run_id: run.id, unit_id: input.unitId, delta, reason, by_name: actor.name, created_at: ctx.clock.now().toISOString() }).execute();
    await trx
      .updateTable('assessment_scores')
      .set({ adjustment: round2(before.adjustment + delta) })
      .where('run_id', '=', run.id)
      .where('unit_id', '=', input.unitId)
      .execute();
    await rerank(trx, run);
    const after = (await scoreOf(trx, run.id, input.unitId))!;
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: run.org_id,
      action: 'assessment.adjust',
      entity: 'assessment_run',
      entityId: run.id,
      before: { unitId: input.unitId, adjustment: before.adjustment, final: before.final, rank: before.rank, grade: before.grade },
      after: { unitId: input.unitId, delta, reason, adjustment: after.adjustment, final: after.final, rank: after.rank, grade: after.grade },
    });
  });
}

/** Applies a veto change to the year's latest run, if the unit is in it. */
async function applyToLatest(trx: Db, orgId: number, year: number, unitId: number, veto: { reason: string } | null) {
  const id = await latestRunId(trx, orgId, year);
  if (id === null) return null;
  await lockRun(trx, id);
  const run = (await findRun(trx, id))!;
  const updated = await trx
    .updateTable('assessment_scores')
    .set({ vetoed: veto ? 1 : 0, veto_reason: veto?.reason ?? null })
    .where('run_id', '=', id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return null;
  await rerank(trx, run);
  return id;
}

export async function vetoUnit(ctx: AppContext, actor: Actor, orgId: number, year: number, input: { unitId: number; reason: string }): Promise<void> {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('REASON_REQUIRED', { zh: '一票否决须写明理由', en: 'a veto needs a reason' });
  await inTransaction(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('assessment_vetoes')
      .values({ org_id: orgId, year, unit_id: input.unitId, reason, by_name: actor.name, created_at: ctx.clock.now().toISOString() })
      .onConflict((oc) => oc.columns(['org_id', 'year', 'unit_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('ASSESSMENT_ALREADY_VETOED');
    const runId = await applyToLatest(trx, orgId, year, input.unitId, { reason });
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'assessment.veto', entity: 'assessment_veto', entityId: inserted.id, after: { year, unitId: input.unitId, reason, runId } });
  });
}

export async function revokeVeto(ctx: AppContext, actor: Actor, orgId: number, year: number, unitId: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const veto = await trx.selectFrom('assessment_vetoes').selectAll().where('org_id', '=', orgId).where('year', '=', year).where('unit_id', '=', unitId).executeTakeFirst();
    if (!veto) throw new AppError('ASSESSMENT_NOT_VETOED');
    await trx.deleteFrom('assessment_vetoes').where('id', '=', veto.id).execute();
    const runId = await applyToLatest(trx, orgId, year, unitId, null);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'assessment.veto_revoke',
      entity: 'assessment_veto',
      entityId: veto.id,
      before: { year, unitId, reason: veto.reason, byName: veto.by_name },
      after: { runId },
    });
  });
}
