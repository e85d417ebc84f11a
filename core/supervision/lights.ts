import type { ProgressStatus } from '../reporting/states';

/**
 * Status lights (红黄绿灯, DESIGN.md): a task is
 * - blue when completed and the office accepted it;
 * - red when its report is overdue, the unit says it is delayed, or its progress trails the
 *   time-proportional schedule (序时进度) by the red gap or more;
 * - yellow when the unit says it is at risk or it trails by the yellow gap or more;
 * - green when it keeps pace;
 * - grey when nothing is known yet (no report, nothing due).
 * Each light carries its reasons in words a person reads ("红灯：第二季度报告已逾期5天").
 * Thresholds are settings passed in, never constants here.
 */
export type Light = 'blue' | 'green' | 'yellow' | 'red' | 'grey';

export const LIGHT_LABELS: Record<Light, string> = { blue: '蓝灯', green: '绿灯', yellow: '黄灯', red: '红灯', grey: '未评价' };

export type LightThresholds = {
  /** Trailing the schedule by this share of the target or more turns a task yellow (e.g. 0.1). */
  yellowGap: number;
  /** … and by this share or more, red (e.g. 0.25). */
  redGap: number;
};

export const DEFAULT_THRESHOLDS: LightThresholds = { yellowGap: 0.1, redGap: 0.25 };

export type LightInput = {
  today: string; // YYYY-MM-DD
  /** The task's year runs from yearStart to dueDate (the notice's year, or the task's own due date). */
  yearStart: string;
  dueDate: string;
  /**
   * The latest progress entry the unit reported, if any. periodEnd is the date the report speaks
   * for (its period's deadline): the schedule is taken there, not today, since a Q1 report says
   * where the work stood at the end of Q1 (DESIGN.md: the share of the year elapsed at the
   * period's end). A report that is now overdue shows through `overdue` instead.
   */
  latest: { periodLabel: string; periodEnd?: string; status: ProgressStatus; accepted: boolean } | null;
  /** Indicators with target and the latest reported actual (null when not reported). */
  indicators: { name: string; target: number; unit: string; actual: number | null; lowerIsBetter?: boolean }[];
  /** Reports past their deadline and not submitted: the period and by how many days. */
  overdue: { periodLabel: string; days: number }[];
};

export type LightResult = { light: Light; reasons: string[]; schedule: number; progress: number | null };

const DAY = 86_400_000;
const pct = (x: number) => `${Math.round(x * 100)}%`;
// One formatter for all: toLocaleString builds a new one per call, a sixth of a roll-up's time.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const num = (x: number) => numberFormat.format(x);

/** Share of the task's year elapsed on a date, between 0 and 1. */
export function scheduleShare(today: string, yearStart: string, dueDate: string): number {
  const start = Date.parse(`${yearStart}T00:00:00Z`);
  const end = Date.parse(`${dueDate}T00:00:00Z`) + DAY; // the due day itself counts
  const now = Date.parse(`${today}T00:00:00Z`) + DAY;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

/**
 * How far each indicator trails what is due by now; the one trailing most speaks for the task.
 * A count or amount (个, 亿元, 万户) is due in proportion to the year elapsed; a rate or share (%,
 * e.g. GDP growth 6%) is due in full at any time, since it is measured, not accumulated.
 */
function indicatorGap(indicators: LightInput['indicators'], schedule: number): { gap: number; share: number; reason: string } | null {
  let worst: { gap: number; share: number; reason: string } | null = null;
  for (const i of indicators) {
    if (i.actual === null || i.target <= 0) continue;
    const share = i.lowerIsBetter ? Math.min(1, i.target / Math.max(i.actual, Number.EPSILON)) : Math.min(1, i.actual / i.target);
    const isRate = i.unit === '%';
    const due = isRate ? 1 : schedule;
    const gap = due - share;
    const reason = isRate
      ? `${i.name}${num(i.actual)}%，目标${num(i.target)}%`
      : `${i.name}完成${num(i.actual)}${i.unit}，目标${num(i.target)}${i.unit}（${pct(share)}），序时进度${pct(schedule)}`;
    if (!worst || gap > worst.gap) worst = { gap, share, reason };
  }
  return worst;
}

/** How far along a status alone says the task is, against the schedule. */
function statusProgress(status: ProgressStatus, schedule: number): number {
  switch (status) {
    case 'completed':
      return 1;
    case 'not_started':
      return 0;
    default:
      return schedule; // on_track, at_risk, delayed: the words decide (below), not a number
  }
}

export function computeLight(input: LightInput, t: LightThresholds = DEFAULT_THRESHOLDS): LightResult {
  const latest = input.latest;
  const asOf = latest?.periodEnd && latest.periodEnd < input.today ? latest.periodEnd : input.today;
  const schedule = scheduleShare(asOf, input.yearStart, input.dueDate);
  const reasons: string[] = [];

  if (latest?.status === 'completed' && latest.accepted) {
    return { light: 'blue', reasons: [`${latest.periodLabel}报告：已完成，督查室已审核通过`], schedule, progress: 1 };
  }

  // The light only ever gets worse as the rules below find reasons.
  const state: { light: Light } = { light: 'grey' };
  const rank: Record<Light, number> = { grey: 0, blue: 1, green: 2, yellow: 3, red: 4 };
  const worse = (to: Light) => {
    if (rank[to] > rank[state.light]) state.light = to;
  };

  for (const o of input.overdue) {
    worse('red');
    reasons.push(`${o.periodLabel}报告已逾期${o.days}天未报送`);
  }
  if (latest?.status === 'delayed') {
    worse('red');
    reasons.push(`${latest.periodLabel}报告：单位报告进度滞后`);
  }
  if (latest?.status === 'at_risk') {
    worse('yellow');
    reasons.push(`${latest.periodLabel}报告：单位报告存在风险`);
  }

  const fromIndicators = indicatorGap(input.indicators, schedule);
  const statusShare = latest ? statusProgress(latest.status, schedule) : null;
  const progress = fromIndicators?.share ?? statusShare;
  const gap = fromIndicators ? fromIndicators.gap : statusShare !== null ? schedule - statusShare : null;
  if (gap !== null) {
    const where = fromIndicators ? fromIndicators.reason : `进度“${latest?.status === 'not_started' ? '未启动' : '已完成'}”，序时进度${pct(schedule)}`;
    if (gap >= t.redGap) {
      worse('red');
      reasons.push(`${where}，落后${pct(gap)}`);
    } else if (gap >= t.yellowGap) {
      worse('yellow');
      reasons.push(`${where}，落后${pct(gap)}`);
    } else {
      worse('green');
      if (fromIndicators) reasons.push(`${where}，符合进度`);
    }
  }
  if (state.light === 'green' && reasons.length === 0 && latest) reasons.push(`${latest.periodLabel}报告：按序时推进`);
  if (state.light === 'grey') reasons.push('尚无报送记录');
  return { light: state.light, reasons, schedule, progress };
}
