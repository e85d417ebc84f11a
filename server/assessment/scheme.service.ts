import { assessmentSchemeSchema } from '../../core/assessment/schema';
import { DEFAULT_SCHEME, type AssessmentScheme } from '../../core/assessment/scheme';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { staleVersion } from '../errors/stale-version';
import { findSchemeRow } from './assessment.repository';

export type SchemeView = {
  year: number;
  scheme: AssessmentScheme;
  isDefault: boolean;
  updatedByName: string | null;
  updatedAt: string | null;
  /** The stored row's version, 0 while none is saved: a save names the one it loaded. */
  version: number;
};

/** The scheme in force for a year: the office's, or the defaults when it saved none (or a stored one no longer fits). */
export async function getScheme(db: Db, orgId: number, year: number): Promise<SchemeView> {
  const row = await findSchemeRow(db, orgId, year);
  const parsed = row ? assessmentSchemeSchema.safeParse(JSON.parse(row.scheme_json)) : null;
  const version = row?.version ?? 0;
  if (!row || !parsed?.success) return { year, scheme: DEFAULT_SCHEME, isDefault: true, updatedByName: null, updatedAt: null, version };
  return { year, scheme: parsed.data, isDefault: false, updatedByName: row.updated_by_name, updatedAt: row.updated_at, version };
}

/**
 * Saves the year's scheme (audited with before and after) if it is still at the version the office
 * loaded (issue 17, finding 11): two people editing the scheme at once cannot silently overwrite
 * each other. Runs already made keep their own copy.
 */
export async function putScheme(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  year: number,
  scheme: AssessmentScheme,
  loadedVersion: number,
): Promise<SchemeView> {
  await inTransaction(ctx, async (trx) => {
    const before = await getScheme(trx, orgId, year);
    const row = { scheme_json: JSON.stringify(scheme), updated_by_name: actor.name, updated_at: ctx.clock.now().toISOString() };
    // Version 0 is "nothing saved yet": the first save inserts, and loses to another first save.
    const saved =
      loadedVersion === 0
        ? await trx
            .insertInto('assessment_schemes')
            .values({ org_id: orgId, year, ...row })
            .onConflict((oc) => oc.columns(['org_id', 'year']).doNothing())
            .returning('version')
            .executeTakeFirst()
        : await trx
            .updateTable('assessment_schemes')
            .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
            .where('org_id', '=', orgId)
            .where('year', '=', year)
            .where('version', '=', loadedVersion)
            .returning('version')
            .executeTakeFirst();
    if (!saved) {
      throw staleVersion({ zh: `${year}年度考核方案`, en: `the ${year} assessment scheme` });
    }
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
