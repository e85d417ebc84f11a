import { PROGRESS_STATUS_LABELS, type ProgressStatus } from './states';

/**
 * What changed in an entry since the unit's last one (上期), and what looks wrong in it — for the
 * head's summary (只看变化) and the office's review (issue 15). One rule, read by both screens.
 */
export type ReviewIndicator = { id: number; name: string; target: number; unit: string; actual: number | null };
export type ReviewEntry = {
  status: ProgressStatus;
  narrative: string;
  indicators: ReviewIndicator[];
  previous: { status: ProgressStatus; narrative: string; actuals: { indicatorId: number; value: number | null }[] } | null;
};

/** A figure above this share of its target is flagged for checking (a typo 3000 for 300, a wrong unit). */
export const OUTLIER_SHARE = 1.5;

export type EntryChanges = {
  /** The status moved: from → to (null when the entry has no 上期). */
  status: { from: ProgressStatus; to: ProgressStatus } | null;
  /** The unit's words are last period's, unchanged. */
  sameText: boolean;
  /** Indicators whose figure moved since last period. */
  moved: { id: number; name: string; unit: string; from: number | null; to: number | null }[];
  /** Turned 滞后 or 存在风险 this period (from another status last period). */
  worsened: boolean;
  /** Anything at all differs from 上期 (or there is no 上期). */
  changed: boolean;
};

const BAD: readonly ProgressStatus[] = ['delayed', 'at_risk'];

export function entryChanges(e: ReviewEntry): EntryChanges {
  const p = e.previous;
  // Nothing to compare with (a first report): nothing "became" anything.
  if (!p) return { status: null, sameText: false, moved: [], worsened: false, changed: true };
  const before = new Map(p.actuals.map((a) => [a.indicatorId, a.value]));
  const moved = e.indicators
    .filter((i) => (before.get(i.id) ?? null) !== i.actual)
    .map((i) => ({ id: i.id, name: i.name, unit: i.unit, from: before.get(i.id) ?? null, to: i.actual }));
  const status = p.status !== e.status ? { from: p.status, to: e.status } : null;
  const sameText = p.narrative.trim() === e.narrative.trim() && e.narrative.trim() !== '';
  return { status, sameText, moved, worsened: status !== null && BAD.includes(e.status) && !BAD.includes(p.status), changed: status !== null || !sameText || moved.length > 0 };
}

export type Outlier = { indicatorId: number; text: string };

/**
 * Figures the office should check: an actual above 150% of its target, and a cumulative figure lower
 * than last period's (counts and amounts accumulate over the year; rates in % may go down).
 */
export function entryOutliers(e: ReviewEntry): Outlier[] {
  const before = new Map((e.previous?.actuals ?? []).map((a) => [a.indicatorId, a.value]));
  const out: Outlier[] = [];
  for (const i of e.indicators) {
    if (i.actual === null) continue;
    if (i.target > 0 && i.actual > i.target * OUTLIER_SHARE) {
      out.push({ indicatorId: i.id, text: `${i.name}实际完成${i.actual}${i.unit}，为目标的${Math.round((i.actual / i.target) * 100)}%，请核实` });
    }
    const prev = before.get(i.id);
    if (i.unit !== '%' && prev != null && i.actual < prev) {
      out.push({ indicatorId: i.id, text: `${i.name}本期${i.actual}${i.unit}，低于上期${prev}${i.unit}（累计值不应下降），请核实` });
    }
  }
  return out;
}

/** The status change in words: 滞后 → 按序时推进. */
export const describeStatusChange = (c: NonNullable<EntryChanges['status']>) => `${PROGRESS_STATUS_LABELS[c.from]} → ${PROGRESS_STATUS_LABELS[c.to]}`;
