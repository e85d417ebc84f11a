// Choosing among the strategies' readings of one segment: the one that explains the most text
// with the fewest anomalies wins. A task counts the text it takes in (its standard and the role
// text it assigned); a task with no unit counts half, since a list of sentences is not yet a
// ledger; every anomaly costs a little, so a reading that explains the same text more cleanly wins.

import type { RawTask } from '../table';
import type { NoticeRow } from '../types';
import type { LayoutReading, LayoutStrategy, SegmentInfo } from './types';

const TEXT_CAP = 400; // one long paragraph read as a task must not outweigh many real tasks
const ANOMALY_COST = 15;

function taskScore(t: RawTask): number {
  const text = Math.min(t.standard.length, TEXT_CAP);
  // Printed milestones are text read too (a deadline taken from them is shorter than the steps).
  const milestones = t.milestones?.reduce((s, m) => s + m.length, 0) ?? 0;
  const roles = t.leadUnitsRaw.length + t.coUnitsRaw.length + t.leadersRaw.length + (t.deadline?.length ?? 0) + milestones;
  const hasUnit = t.leadUnitsRaw !== '' || t.coUnitsRaw !== '';
  return hasUnit ? text + roles : text / 2 + roles;
}

export function scoreReading(r: LayoutReading): number {
  const anomalies = r.anomalies.length + r.tasks.reduce((s, t) => s + t.anomalies.length, 0);
  return r.tasks.reduce((s, t) => s + taskScore(t), 0) - ANOMALY_COST * anomalies;
}

export interface SegmentReading {
  best: LayoutReading;
  /** Every reading with tasks, best first. */
  readings: { reading: LayoutReading; score: number }[];
}

/** A segment whose rows are mostly real table rows (three cells or more) is a table. */
const TABLE_SHARE = 0.6;

/**
 * The best reading of a segment. The strategies in `prose` read running text; on a segment that
 * is mostly table rows and that a table strategy already read, they are not tried — they would
 * only read cells as sentences, and they are most of the parse's time on a tabled notice.
 */
export function readSegmentBest(
  rows: NoticeRow[],
  segment: SegmentInfo,
  strategies: readonly LayoutStrategy[],
  prose: ReadonlySet<LayoutStrategy> = new Set(),
): SegmentReading {
  const readings: { reading: LayoutReading; score: number; order: number }[] = [];
  let firstEmpty: LayoutReading | null = null;
  const tabled = rows.filter((r) => r.cells.length >= 3).length >= TABLE_SHARE * rows.length;
  strategies.forEach((strategy, order) => {
    if (tabled && prose.has(strategy) && readings.length > 0) return;
    const reading = strategy(rows, segment);
    if (reading && reading.tasks.length > 0) readings.push({ reading, score: scoreReading(reading), order });
    else if (reading && firstEmpty === null) firstEmpty = reading;
  });
  readings.sort((a, b) => b.score - a.score || a.order - b.order);
  const first = readings[0];
  if (!first) {
    // Nothing read: the first strategy that recognised its layout (a table header with no rows)
    // tells the caller which error to give.
    return { best: firstEmpty ?? { layout: 'labelled', tasks: [], categories: [], anomalies: [] }, readings: [] };
  }
  return { best: first.reading, readings: readings.map(({ reading, score }) => ({ reading, score })) };
}
