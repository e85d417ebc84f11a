import { PROGRESS_STATUS_LABELS } from '../reporting/states';
import { gradeOf, QUALITY_RATING_LABELS, type AssessmentScheme, type Grade } from './scheme';
import type { AssessmentInput, BreakdownLine, RankedScore, ScoreEntry, ScoreIndicator, ScorePeriod, ScoreReport, ScoreTask, ScoreUnit, UnitScore } from './types';

/**
 * The year-end assessment (绩效考核), pure: each unit's score from the reports that reached the
 * office, with one breakdown line per report, task entry or indicator that moved it, so every
 * figure can be traced back to what the unit reported. Parts are sums of their (rounded) lines
 * and the total is the sum of the parts, so a reader adding them up gets the same figures.
 */
const ROLE_LABELS = { lead: '牵头', co: '配合' } as const;

export const round2 = (x: number) => Math.round((x + Math.sign(x) * 1e-9) * 100) / 100;
const pct = (x: number) => `${round2(x * 100)}%`;
const num = (x: number) => String(round2(x));
const sum = (xs: number[]) => round2(xs.reduce((a, b) => a + b, 0));

/** 以下/以内/不高于/不超过/低于: targets that are ceilings (a rate kept under a line). */
export function lowerIsBetter(qualifier: string | null): boolean {
  return qualifier !== null && /以下|以内|不高于|不超过|低于/.test(qualifier);
}

/** How far an actual goes towards its target, 0..1 (null actual: nothing reported, 0). */
export function achievement(i: ScoreIndicator, actual: number | null): number | null {
  if (i.target <= 0) return null; // no meaningful ratio; the task is judged on its status alone
  if (actual === null) return 0;
  if (lowerIsBetter(i.qualifier)) return actual <= i.target ? 1 : Math.min(1, i.target / actual);
  return Math.max(0, Math.min(1, actual / i.target));
}

function exceeds(i: ScoreIndicator, actual: number | null, by: number): boolean {
  if (actual === null || i.target <= 0) return false;
  return lowerIsBetter(i.qualifier) ? actual <= i.target * (1 - by) : actual >= i.target * (1 + by);
}

const taskName = (t: Pick<ScoreTask, 'annexNo' | 'seq'>) => `附件${t.annexNo} ${t.seq}`;

type Facts = {
  periodsOf: (unit: ScoreUnit) => ScorePeriod[];
  reportOf: (periodId: number, unitId: number) => ScoreReport | undefined;
  latestEntry: (unit: ScoreUnit, task: ScoreTask) => { entry: ScoreEntry; period: ScorePeriod } | null;
};

function facts(input: AssessmentInput): Facts {
  const periodById = new Map(input.periods.map((p) => [p.id, p]));
  const reports = new Map(input.reports.map((r) => [`${r.periodId}:${r.unitId}`, r]));
  // Only what is with the office counts: a returned report's entries are being corrected.
  const reached = new Map(input.reports.filter((r) => r.standing.inOffice).map((r) => [r.id, r]));
  const exempt = new Set((input.exempt ?? []).map((x) => `${x.periodId}:${x.unitId}`));
  const entriesOf = new Map<string, { entry: ScoreEntry; period: ScorePeriod }[]>();
  for (const e of input.entries) {
    const report = reached.get(e.reportId);
    const period = report && periodById.get(report.periodId);
    if (!report || !period) continue; // only what reached the office counts
    const key = `${report.unitId}:${e.taskId}`;
    entriesOf.set(key, [...(entriesOf.get(key) ?? []), { entry: e, period }]);
  }
  return {
    periodsOf: (unit) => {
      const notices = new Set(unit.tasks.map((t) => t.noticeId));
      return input.periods.filter((p) => p.due && notices.has(p.noticeId) && !exempt.has(`${p.id}:${unit.id}`)).sort((a, b) => a.noticeId - b.noticeId || a.order - b.order);
    },
    reportOf: (periodId, unitId) => reports.get(`${periodId}:${unitId}`),
    latestEntry: (unit, task) => {
      const list = entriesOf.get(`${unit.id}:${task.id}`) ?? [];
      return list.reduce<(typeof list)[number] | null>((best, x) => (!best || x.period.order > best.period.order ? x : best), null);
    },
  };
}

function notReachedText(report: ScoreReport | undefined): string {
  if (!report) return '未报送';
  return `未报送督查室（${report.standing.label}）`;
}

/** 报送: each due period's share, less the late days; a report that never reached the office earns nothing. */
function reportingLines(unit: ScoreUnit, f: Facts, s: AssessmentScheme): BreakdownLine[] {
  const periods = f.periodsOf(unit);
  if (periods.length === 0) {
    return [{ part: 'reporting', points: s.weights.reporting, max: s.weights.reporting, text: '尚无到期的报送期，不扣分', source: { kind: 'cap' } }];
  }
  const share = s.weights.reporting / periods.length;
  return periods.map((p) => {
    const report = f.reportOf(p.id, unit.id);
    const source = { kind: 'report' as const, periodId: p.id, periodLabel: p.label, reportId: report?.id ?? null };
    if (!report || !report.standing.reached) {
      return { part: 'reporting', points: 0, max: round2(share), text: `${p.label}报告${notReachedText(report)}，不得分`, source };
    }
    // Lateness is the first arrival's (a report returned for changes keeps it), in the calendar's days.
    const late = report.standing.lateDays ?? 0;
    const returned = report.standing.kind === 'returned' || report.standing.kind === 'resubmitted' ? '（经退回修改）' : '';
    if (late <= 0) return { part: 'reporting', points: round2(share), max: round2(share), text: `${p.label}报告按时报送${returned}`, source };
    const deduction = Math.min(share, late * s.reporting.lateDeductionPerDay);
    return {
      part: 'reporting',
      points: round2(share - deduction),
      max: round2(share),
      text: `${p.label}报告${report.standing.timelinessLabel}${returned}，每${report.standing.timelinessLabel.includes('工作日') ? '个工作日' : '天'}扣${num(s.reporting.lateDeductionPerDay)}分，扣${num(deduction)}分${deduction >= share ? '（扣完为止）' : ''}`,
      source,
    };
  });
}

/** 质量: the office's rating of each due period's report; an unrated one counts as the scheme says. */
function qualityLines(unit: ScoreUnit, f: Facts, s: AssessmentScheme): BreakdownLine[] {
  const periods = f.periodsOf(unit);
  const unratedLabel = `${QUALITY_RATING_LABELS[s.quality.unrated]}（${pct(s.quality.ratingPoints[s.quality.unrated])}）`;
  if (periods.length === 0) {
    const points = round2(s.weights.quality * s.quality.ratingPoints[s.quality.unrated]);
    return [{ part: 'quality', points, max: s.weights.quality, text: `尚无到期的报送期，按${unratedLabel}计`, source: { kind: 'cap' } }];
  }
  const share = s.weights.quality / periods.length;
  return periods.map((p) => {
    const report = f.reportOf(p.id, unit.id);
    const source = { kind: 'report' as const, periodId: p.id, periodLabel: p.label, reportId: report?.id ?? null };
    if (!report || !report.standing.reached) {
      return { part: 'quality', points: 0, max: round2(share), text: `${p.label}报告${notReachedText(report)}，不计质量分`, source };
    }
    const rating = report.qualityRating ?? s.quality.unrated;
    const share_ = s.quality.ratingPoints[rating];
    const text = report.qualityRating
      ? `${p.label}报告质量评价：${QUALITY_RATING_LABELS[rating]}（${pct(share_)}）`
      : `${p.label}报告未评价，按${unratedLabel}计`;
    return { part: 'quality', points: round2(share * share_), max: round2(share), text, source };
  });
}

/**
 * 完成: per task, the status the unit last reported (blended with indicator achievement when the
 * task has indicators), in a weighted average where lead entries weigh more than co-operating ones.
 */
function completionLines(unit: ScoreUnit, f: Facts, s: AssessmentScheme): BreakdownLine[] {
  const c = s.completion;
  const weightOf = (t: ScoreTask) => c.roleWeights[t.role];
  const totalWeight = unit.tasks.reduce((a, t) => a + weightOf(t), 0);
  if (totalWeight <= 0) return [];
  return unit.tasks.map((task) => {
    const w = weightOf(task);
    const max = round2((s.weights.completion * w) / totalWeight);
    const latest = f.latestEntry(unit, task);
    const role = ROLE_LABELS[task.role];
    if (!latest) {
      return {
        part: 'completion',
        points: 0,
        max,
        text: `${taskName(task)}（${role}，权重${num(w)}）：未报送进展，计0分`,
        source: { kind: 'task', taskId: task.id, annexNo: task.annexNo, seq: task.seq, role: task.role, periodLabel: null, reportId: null, progressId: null },
      };
    }
    const { entry, period } = latest;
    const statusShare = c.statusPoints[entry.status];
    const actualOf = new Map(entry.actuals.map((a) => [a.indicatorId, a.value]));
    const shares = task.indicators.map((i) => achievement(i, actualOf.get(i.id) ?? null)).filter((x): x is number => x !== null);
    const indicatorAvg = shares.length ? shares.reduce((a, b) => a + b, 0) / shares.length : null;
    const score = indicatorAvg === null ? statusShare : (1 - c.indicatorShare) * statusShare + c.indicatorShare * indicatorAvg;
    const how =
      indicatorAvg === null
        ? `${PROGRESS_STATUS_LABELS[entry.status]}（${pct(statusShare)}）`
        : `${PROGRESS_STATUS_LABELS[entry.status]}（${pct(statusShare)}），指标完成率${pct(indicatorAvg)}，综合${pct(score)}`;
    return {
      part: 'completion',
      points: round2((s.weights.completion * w * score) / totalWeight),
      max,
      text: `${taskName(task)}（${role}，权重${num(w)}）${period.label}：${how}`,
      source: { kind: 'task', taskId: task.id, annexNo: task.annexNo, seq: task.seq, role: task.role, periodLabel: period.label, reportId: entry.reportId, progressId: entry.progressId },
    };
  });
}

/** 加分: every indicator beaten by the scheme's margin, in the unit's latest entry, up to the cap. */
function bonusLines(unit: ScoreUnit, f: Facts, s: AssessmentScheme): BreakdownLine[] {
  const b = s.bonus;
  if (b.perIndicator <= 0) return [];
  const lines: BreakdownLine[] = [];
  for (const task of unit.tasks) {
    const latest = f.latestEntry(unit, task);
    if (!latest) continue;
    const actualOf = new Map(latest.entry.actuals.map((a) => [a.indicatorId, a.value]));
    for (const i of task.indicators) {
      const actual = actualOf.get(i.id) ?? null;
      if (actual === null || !exceeds(i, actual, b.exceedBy)) continue;
      const w = s.completion.roleWeights[task.role];
      const points = round2(b.perIndicator * w);
      if (points <= 0) continue;
      const beyond = lowerIsBetter(i.qualifier) ? (i.target - actual) / i.target : (actual - i.target) / i.target;
      lines.push({
        part: 'bonus',
        points,
        max: null,
        text: `${taskName(task)}（${ROLE_LABELS[task.role]}）指标“${i.name}”${latest.period.label}实际${num(actual)}${i.unit}，目标${num(i.target)}${i.unit}，${lowerIsBetter(i.qualifier) ? '优于' : '超过'}目标${pct(beyond)}，加${num(points)}分`,
        source: {
          kind: 'indicator',
          indicatorId: i.id,
          name: i.name,
          taskId: task.id,
          annexNo: task.annexNo,
          seq: task.seq,
          periodLabel: latest.period.label,
          reportId: latest.entry.reportId,
          progressId: latest.entry.progressId,
        },
      });
    }
  }
  const total = sum(lines.map((l) => l.points));
  if (total > b.cap) {
    lines.push({ part: 'bonus', points: round2(b.cap - total), max: null, text: `加分合计${num(total)}分，超过上限${num(b.cap)}分，按${num(b.cap)}分计`, source: { kind: 'cap' } });
  }
  return lines;
}

/** Each unit's computed score with its breakdown, ranked (no adjustments yet). */
export function scoreUnits(input: AssessmentInput, scheme: AssessmentScheme): RankedScore[] {
  const f = facts(input);
  const vetoOf = new Map(input.vetoes.map((v) => [v.unitId, v.reason]));
  const scores: UnitScore[] = input.units
    .filter((u) => u.tasks.length > 0)
    .map((unit) => {
      const lines = [...reportingLines(unit, f, scheme), ...completionLines(unit, f, scheme), ...qualityLines(unit, f, scheme), ...bonusLines(unit, f, scheme)];
      const part = (p: BreakdownLine['part']) => sum(lines.filter((l) => l.part === p).map((l) => l.points));
      const [reporting, completion, quality, bonus] = [part('reporting'), part('completion'), part('quality'), part('bonus')];
      return {
        unitId: unit.id,
        unitName: unit.name,
        reporting,
        completion,
        quality,
        bonus,
        computed: sum([reporting, completion, quality, bonus]),
        lines,
        vetoed: vetoOf.has(unit.id),
        vetoReason: vetoOf.get(unit.id) ?? null,
      };
    });
  return rankScores(
    scores.map((sc) => ({ ...sc, adjustment: 0 })),
    scheme.grades,
  );
}

type Rankable = { unitId: number; unitName: string; computed: number; adjustment: number; vetoed: boolean };

/**
 * Final score (computed + adjustments, never below 0; 0 when vetoed), grade and rank. Equal scores
 * share a rank (1, 2, 2, 4); a vetoed unit (一票否决) is 不合格 and ranks after every other unit.
 */
export function rankScores<T extends Rankable>(rows: T[], grades: AssessmentScheme['grades']): (T & { final: number; rank: number; grade: Grade })[] {
  const withFinal = rows.map((r) => ({ ...r, final: r.vetoed ? 0 : Math.max(0, round2(r.computed + r.adjustment)) }));
  const order = [...withFinal].sort(
    (a, b) => Number(a.vetoed) - Number(b.vetoed) || b.final - a.final || a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId - b.unitId,
  );
  return order.map((r) => {
    const first = order.findIndex((x) => x.vetoed === r.vetoed && x.final === r.final);
    return { ...r, rank: first + 1, grade: gradeOf(r.final, grades, r.vetoed) };
  });
}
