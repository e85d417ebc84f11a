import { chineseMonthDay } from '../notice/due-date';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../reporting/states';

/**
 * Status lights (红黄绿灯, DESIGN.md): a task is
 * - blue when completed and the office accepted it;
 * - red when its report is overdue, the unit says it is delayed, or its progress trails the
 *   time-proportional schedule (序时进度) by the red gap or more;
 * - yellow when the unit says it is at risk or it trails by the yellow gap or more;
 * - green when it keeps pace;
 * - grey when nothing is known yet (no report, nothing due).
 * Where the office set milestones (时间节点) on a task, "keeping pace" means meeting the milestones
 * due by the date the latest report speaks for, instead of the straight-line schedule (序时进度):
 * an indicator milestone trailing by the yellow/red gap (a share of the indicator's target) turns
 * it yellow/red, a state milestone missed (not started, not completed by its date) red.
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
  /**
   * The task's milestones (时间节点), if the office set any: then progress is held against those
   * due by the date the latest report speaks for, not against the straight-line schedule.
   */
  milestones?: MilestoneInput[];
  /** Reports past their deadline that have not reached the office (core/reporting/standing.ts): the period and by how many days. */
  overdue: { periodLabel: string; days: number; dayUnit?: string }[];
};

/** The states a milestone may expect the work in by its date. */
export const MILESTONE_STATES = ['started', 'completed'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];
export const MILESTONE_STATE_LABELS: Record<MilestoneState, string> = { started: '已启动', completed: '已完成' };

/** What a milestone expects by its date: a state of the work, or an indicator's value. */
export type MilestoneExpectation =
  | { kind: 'state'; state: MilestoneState }
  | {
      kind: 'indicator';
      /** The indicator, its whole-year target and the latest reported actual (null when not reported). */
      name: string;
      unit: string;
      target: number;
      actual: number | null;
      /** The value expected by the milestone's date. */
      value: number;
      lowerIsBetter?: boolean;
    };

/** A milestone (时间节点) of the task: by dueOn, what is expected. id is carried through to the result. */
export type MilestoneInput = { id?: number; dueOn: string; description: string; expect: MilestoneExpectation };

/**
 * How a milestone stands: 'pending' (not due yet), 'awaiting' (due, but after the date the latest
 * report speaks for: the next report tells), 'met', 'behind' (an indicator trailing by the yellow
 * gap), 'missed' (a state not reached, or an indicator trailing by the red gap), 'unknown' (due,
 * but nothing reported to judge it by).
 */
export type MilestoneVerdict = 'pending' | 'awaiting' | 'met' | 'behind' | 'missed' | 'unknown';

export const MILESTONE_VERDICT_LABELS: Record<MilestoneVerdict, string> = {
  pending: '未到期',
  awaiting: '已到期，待下次报送核对',
  met: '已达到',
  behind: '未达到（滞后）',
  missed: '未达到',
  unknown: '无法核对',
};

export type MilestoneResult = { id?: number; dueOn: string; verdict: MilestoneVerdict; reason: string | null };

export type LightResult = {
  light: Light;
  reasons: string[];
  schedule: number;
  progress: number | null;
  /** Each milestone's verdict, in date order, when the task has milestones. */
  milestones?: MilestoneResult[];
};

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
    reasons.push(`${o.periodLabel}报告已逾期${o.days}${o.dayUnit ?? '天'}未报送`);
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
  if (input.milestones?.length) {
    // Milestones stand in for the straight-line schedule.
    const judged = judgeMilestones(input, asOf, t);
    for (const r of judged.reasons) reasons.push(r);
    if (judged.light) worse(judged.light);
    if (state.light === 'grey') reasons.push('尚无报送记录');
    return { light: state.light, reasons, schedule, progress, milestones: judged.results };
  }
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

/** "时间节点6月30日（完成招标）": how a milestone is named in a light's reasons. */
function milestoneHead(m: MilestoneInput, year: number): string {
  return `时间节点${chineseMonthDay(m.dueOn, year)}（${m.description}）`;
}

/**
 * The milestones due by asOf (the date the latest report speaks for) against what was reported:
 * each one's verdict, the reasons in words, and the light they call for (the worst). Milestones
 * not yet due do not count; one due after asOf waits for the next report.
 */
function judgeMilestones(input: LightInput, asOf: string, t: LightThresholds): { light: Light | null; reasons: string[]; results: MilestoneResult[] } {
  const latest = input.latest;
  const year = Number(input.yearStart.slice(0, 4));
  const sorted = [...(input.milestones ?? [])].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  const results: MilestoneResult[] = [];
  const problems: string[] = [];
  let lastMet: string | null = null;
  const state: { light: Light | null } = { light: null };
  const rank: Record<Light, number> = { grey: 0, blue: 1, green: 2, yellow: 3, red: 4 };
  const worse = (to: Light) => {
    if (state.light === null || rank[to] > rank[state.light]) state.light = to;
  };
  for (const m of sorted) {
    const head = milestoneHead(m, year);
    const add = (verdict: MilestoneVerdict, reason: string | null) => results.push({ ...(m.id !== undefined ? { id: m.id } : {}), dueOn: m.dueOn, verdict, reason });
    if (m.dueOn > asOf) {
      add(m.dueOn > input.today ? 'pending' : 'awaiting', null);
      continue;
    }
    if (!latest) {
      add('unknown', `${head}：尚无报送记录，无法核对`);
      continue;
    }
    const e = m.expect;
    if (e.kind === 'state') {
      const said = PROGRESS_STATUS_LABELS[latest.status];
      const met = e.state === 'started' ? latest.status !== 'not_started' : latest.status === 'completed';
      const expected = e.state === 'started' ? '应已启动' : '应已完成';
      if (met) {
        worse('green');
        lastMet = `${head}：${expected}，单位报告${said}，符合节点要求`;
        add('met', lastMet);
      } else {
        worse('red');
        const reason = `${head}：${expected}，单位报告${said}`;
        problems.push(reason);
        add('missed', reason);
      }
      continue;
    }
    const expected = `${e.name}应达到${num(e.value)}${e.unit}`;
    if (e.actual === null) {
      // The unit reported, but not the number the milestone asks for: to be followed up.
      worse('yellow');
      const reason = `${head}：${expected}，单位尚未报告该指标`;
      problems.push(reason);
      add('unknown', reason);
      continue;
    }
    // How far the actual trails the expected value, as a share of the indicator's target.
    const scale = e.target > 0 ? e.target : Math.abs(e.value) > 0 ? Math.abs(e.value) : 1;
    const gap = (e.lowerIsBetter ? e.actual - e.value : e.value - e.actual) / scale;
    const said = `${expected}，单位报告${num(e.actual)}${e.unit}`;
    if (gap >= t.redGap || gap >= t.yellowGap) {
      worse(gap >= t.redGap ? 'red' : 'yellow');
      const reason = `${head}：${said}，落后目标的${pct(gap)}`;
      problems.push(reason);
      add(gap >= t.redGap ? 'missed' : 'behind', reason);
    } else {
      worse('green');
      lastMet = `${head}：${said}，符合节点要求`;
      add('met', lastMet);
    }
  }
  const reasons = [...problems];
  if (problems.length === 0 && lastMet) reasons.push(lastMet);
  if (latest && state.light === null) {
    // Nothing due by the report's date to hold the work against: a report without alarms keeps pace.
    worse('green');
    const next = sorted.find((m) => m.dueOn > asOf);
    if (next) {
      const head = milestoneHead(next, year);
      reasons.push(next.dueOn > input.today ? `尚无到期的时间节点（下一个：${head.slice('时间节点'.length)}）` : `${head}已到期，待下次报送核对`);
    }
  }
  return { light: state.light, reasons, results };
}
