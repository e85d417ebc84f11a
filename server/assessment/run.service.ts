import { assessmentSchemeSchema } from '../../core/assessment/schema';
import type { AssessmentScheme } from '../../core/assessment/scheme';
import { rankScores, scoreUnits } from '../../core/assessment/score';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { findPeriod, type Period } from '../reporting/periods.repository';
import { noticesOfYear, periodsOfNotices, runScores, type RunRow } from './assessment.repository';
import { gatherInput, type RunScope } from './gather';
import { getScheme } from './scheme.service';

export type RunRequest = { year: number } | { periodId: number };

/** What a run covers: the year's notices and periods, or one period (of a notice of that year). */
async function scopeOf(ctx: AppContext, orgId: number, req: RunRequest): Promise<RunScope & { periodLabel: string | null }> {
  const asOf = ctx.clock.today();
  if ('periodId' in req) {
    const period = await findPeriod(ctx.db, req.periodId);
    if (!period || period.org_id !== orgId) throw new AppError('NOT_FOUND');
    if (period.status === 'planned') throw new AppError('ASSESSMENT_PERIOD_NOT_OPENED');
    const notice = await ctx.db.selectFrom('notices').select('year').where('id', '=', period.notice_id).executeTakeFirstOrThrow();
    return { orgId, year: notice.year, noticeIds: [period.notice_id], periods: [period], onlyPeriodId: period.id, periodLabel: period.label, asOf };
  }
  const notices = await noticesOfYear(ctx.db, orgId, req.year);
  if (notices.length === 0) throw new AppError('ASSESSMENT_NOTHING_TO_ASSESS', { zh: `${req.year}年度尚未导入责任分解通知`, en: `no notice of ${req.year}` });
  const periods: Period[] = await periodsOfNotices(ctx.db, notices.map((n) => n.id));
  return { orgId, year: req.year, noticeIds: notices.map((n) => n.id), periods, onlyPeriodId: null, periodLabel: null, asOf };
}

/**
 * Runs the assessment: reads the reports as they are now, scores every responsible unit with the
 * year's scheme and stores the result as a snapshot (scheme included), audited. Later report
 * changes do not move it; running again makes a new run, and the latest is the one shown.
 */
export async function runAssessment(ctx: AppContext, actor: Actor, orgId: number, req: RunRequest): Promise<number> {
  const scope = await scopeOf(ctx, orgId, req);
  const { scheme } = await getScheme(ctx.db, orgId, scope.year);
  const input = await gatherInput(ctx, scope);
  const scores = scoreUnits(input, scheme);
  if (scores.length === 0) throw new AppError('ASSESSMENT_NOTHING_TO_ASSESS', { zh: '通知中没有责任单位', en: 'the notices name no responsible unit' });
  return inTransaction(ctx, async (trx) => {
    const run = await trx
      .insertInto('assessment_runs')
      .values({
        org_id: orgId,
        year: scope.year,
        period_id: scope.onlyPeriodId,
        period_label: scope.periodLabel,
        scheme_json: JSON.stringify(scheme),
        as_of: scope.asOf,
        run_by_name: actor.name,
        // Business time, like the reports' own dates: "run on" reads against the same calendar as "as of".
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('assessment_scores')
      .values(
        scores.map((s) => ({
          run_id: run.id,
          org_id: orgId,
          unit_id: s.unitId,
          unit_name: s.unitName,
          reporting: s.reporting,
          completion: s.completion,
          quality: s.quality,
          bonus: s.bonus,
          computed: s.computed,
          breakdown_json: JSON.stringify(s.lines),
          adjustment: 0,
          final: s.final,
          rank: s.rank,
          grade: s.grade,
          vetoed: s.vetoed ? 1 : 0,
          veto_reason: s.vetoReason,
        })),
      )
      .execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'assessment.run',
      entity: 'assessment_run',
      entityId: run.id,
      after: {
        year: scope.year,
        periodId: scope.onlyPeriodId,
        asOf: scope.asOf,
        ranking: scores.map((s) => ({ rank: s.rank, unit: s.unitName, computed: s.computed, final: s.final, grade: s.grade })),
      },
    });
    return run.id;
  });
}

export function runScheme(run: Pick<RunRow, 'scheme_json'>): AssessmentScheme {
  return assessmentSchemeSchema.parse(JSON.parse(run.scheme_json));
}

/**
 * Recomputes final scores, ranks and grades of a run after an adjustment or a veto changed one
 * unit, with the grade lines of the run's own scheme. Call inside the change's transaction.
 */
export async function rerank(trx: Db, run: RunRow): Promise<void> {
  const rows = await runScores(trx, run.id);
  const ranked = rankScores(
    rows.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, computed: r.computed, adjustment: r.adjustment, vetoed: r.vetoed === 1 })),
    runScheme(run).grades,
  );
  for (const r of ranked) {
    await trx.updateTable('assessment_scores').set({ final: r.final, rank: r.rank, grade: r.grade }).where('run_id', '=', run.id).where('unit_id', '=', r.unitId).execute();
  }
}
