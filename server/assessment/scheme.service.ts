import { assessmentSchemeSchema } from '../../core/assessment/schema';
import { DEFAULT_SCHEME, type AssessmentScheme } from '../../core/assessment/scheme';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { findSchemeRow } from './assessment.repository';

export type SchemeView = { year: number; scheme: AssessmentScheme; isDefault: boolean; updatedByName: string | null; updatedAt: string | null };

/** The scheme in force for a year: the office's, or the defaults when it saved none (or a stored one no longer fits). */
export async function getScheme(db: Db, orgId: number, year: number): Promise<SchemeView> {
  const row = await findSchemeRow(db, orgId, year);
  const parsed = row ? assessmentSchemeSchema.safeParse(JSON.parse(row.scheme_json)) : null;
  if (!row || !parsed?.success) return { year, scheme: DEFAULT_SCHEME, isDefault: true, updatedByName: null, updatedAt: null };
  return { year, scheme: parsed.data, isDefault: false, updatedByName: row.updated_by_name, updatedAt: row.updated_at };
}

/** Saves the year's scheme (audited with before and after). Runs already made keep their own copy. */
export async function putScheme(ctx: AppContext, actor: Actor, orgId: number, year: number, scheme: AssessmentScheme): Promise<SchemeView> {
  const before = await getScheme(ctx.db, orgId, year);
  await inTransaction(ctx, async (trx) => {
    const row = { scheme_json: JSON.stringify(scheme), updated_by_name: actor.name, updated_at: ctx.clock.now().toISOString() };
    await trx
      .insertInto('assessment_schemes')
      .values({ org_id: orgId, year, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'assessment.scheme',
      entity: 'assessment_scheme',
      entityId: year,
      before: before.isDefault ? { default: true, scheme: before.scheme } : before.scheme,
      after: scheme,
    });
  });
  return getScheme(ctx.db, orgId, year);
}
