import { GRADE_LABELS } from '../../core/assessment/scheme';
import type { BreakdownLine } from '../../core/assessment/types';
import type { Db } from '../db/connection';
import { latestRunId, runAdjustments, runScores, type RunRow } from './assessment.repository';
import { runScheme } from './run.service';

/** A run as the API and the exports show it: the run, its scheme, every unit's score with breakdown and adjustments, in rank order. */
export async function presentRun(db: Db, run: RunRow) {
  const [scores, adjustments, latest] = await Promise.all([runScores(db, run.id), runAdjustments(db, run.id), latestRunId(db, run.org_id, run.year)]);
  return {
    run: {
      id: run.id,
      year: run.year,
      periodId: run.period_id,
      scopeLabel: run.period_label ?? `${run.year}年度`,
      asOf: run.as_of,
      runByName: run.run_by_name,
      createdAt: run.created_at,
      scheme: runScheme(run),
      isLatest: latest === run.id,
    },
    // Rank order; equal ranks by unit name, as the ranking itself orders them.
    scores: [...scores].sort((a, b) => a.rank - b.rank || a.unit_name.localeCompare(b.unit_name, 'zh-CN')).map((s) => ({
      unitId: s.unit_id,
      unitName: s.unit_name,
      reporting: s.reporting,
      completion: s.completion,
      quality: s.quality,
      bonus: s.bonus,
      computed: s.computed,
      adjustment: s.adjustment,
      final: s.final,
      rank: s.rank,
      grade: s.grade,
      gradeLabel: GRADE_LABELS[s.grade],
      vetoed: s.vetoed === 1,
      vetoReason: s.veto_reason,
      lines: JSON.parse(s.breakdown_json) as BreakdownLine[],
      adjustments: adjustments
        .filter((a) => a.unit_id === s.unit_id)
        .map((a) => ({ id: a.id, delta: a.delta, reason: a.reason, byName: a.by_name, createdAt: a.created_at })),
    })),
  };
}
export type RunView = Awaited<ReturnType<typeof presentRun>>;
