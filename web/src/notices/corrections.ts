// The office's corrections in the preview, kept in the browser until the import is confirmed.
// Keys are the server's own (core/notice/task-key.ts): "annexNo/seq", and for a sequence printed
// twice within an annex the n-th occurrence gets "#n", so a correction lands on the row the clerk
// saw even when the notice's numbering repeats.
import { extractIndicators } from '../../../core/notice/indicators';
import { taskKeys } from '../../../core/notice/task-key';
import type { Indicator, ParsedAnnex, ParsedNotice, ParsedTask, TaskCorrection, TaskRow } from './types';

export type Corrections = Record<string, TaskCorrection>;

/**
 * The rows of an annex. `settled` says which tasks the office answered otherwise (their only doubt was
 * a new unit or leader it accepted or mapped: name-choices.ts), so they no longer wait for a person.
 */
export function annexRows(annex: ParsedAnnex, corrections: Corrections, settled?: (task: ParsedTask) => boolean): TaskRow[] {
  return taskKeys(annex.no, annex.tasks).map(([key, task]) => ({
    key,
    annex,
    task,
    correction: corrections[key],
    ...(settled?.(task) ? { settled: true } : {}),
  }));
}

type IndicatorValues = NonNullable<TaskCorrection['indicators']>[number];

/**
 * The indicators the import reads from a standard before the office names them: the parsed ones, or
 * for a corrected standard the ones the server's own parser (core/notice/indicators.ts, the same
 * function) reads from the new text.
 */
export function baseIndicators(task: ParsedTask, standard: string | undefined): Indicator[] {
  return standard === undefined || standard === task.standard ? task.indicators : extractIndicators(standard);
}

/** The office's values over the indicators they name, keeping the printed span of each. */
function named(base: Indicator[], values: IndicatorValues[] | undefined): Indicator[] {
  if (!values || values.length !== base.length) return base;
  return base.map((b, n) => ({ ...values[n]!, qualifier: values[n]!.qualifier ?? null, text: b.text }));
}

const sameIndicators = (a: IndicatorValues[], b: IndicatorValues[]) =>
  JSON.stringify(a.map(({ name, value, unit, qualifier }) => [name, value, unit, qualifier ?? null])) ===
  JSON.stringify(b.map(({ name, value, unit, qualifier }) => [name, value, unit, qualifier ?? null]));

/** What the task will be once imported: the parsed values with the office's correction on top. */
export function effective(
  row: TaskRow,
): Pick<ParsedTask, 'leaders' | 'units' | 'standard' | 'deadline' | 'indicators'> {
  const c = row.correction;
  return {
    leaders: c?.leaders ?? row.task.leaders,
    units: c?.units ?? row.task.units,
    standard: c?.standard ?? row.task.standard,
    deadline: c?.deadline !== undefined ? c.deadline : row.task.deadline,
    indicators: named(baseIndicators(row.task, c?.standard), c?.indicators),
  };
}

/**
 * True when the correction changes something the parser read; false when the office confirmed the
 * row as it was parsed ("确认无误"), so the table can say 已更正 or 已确认.
 */
export function isChanged(row: TaskRow): boolean {
  const c = row.correction;
  if (!c) return false;
  const t = row.task;
  const differs = (a: unknown, b: unknown) => a !== undefined && JSON.stringify(a) !== JSON.stringify(b);
  return (
    differs(c.leaders, t.leaders) ||
    differs(c.units, t.units) ||
    differs(c.standard, t.standard) ||
    differs(c.deadline, t.deadline) ||
    (c.indicators !== undefined && !sameIndicators(c.indicators, baseIndicators(t, c.standard)))
  );
}

/** A row still waiting for a person: flagged by the parser and neither corrected nor confirmed. */
export function isPending(row: TaskRow): boolean {
  return row.task.uncertain && !row.correction && !row.settled;
}

/** "Confirm as is": a correction carrying the current values, which the server records as checked. */
export function confirmAsIs(row: TaskRow): TaskCorrection {
  const v = effective(row);
  return {
    key: row.key,
    leaders: v.leaders,
    // The server requires at least one unit when units are given; omit an empty list.
    ...(v.units.length > 0 ? { units: v.units } : {}),
  };
}

/** The fields of `next` that differ from the parsed task, so the server records only real changes. */
export function diffCorrection(row: TaskRow, next: Omit<TaskCorrection, 'key'>): TaskCorrection {
  const t = row.task;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out: TaskCorrection = { key: row.key };
  if (next.leaders && !same(next.leaders, t.leaders)) out.leaders = next.leaders;
  if (next.units && next.units.length > 0 && !same(next.units, t.units)) out.units = next.units;
  if (next.standard !== undefined && next.standard.trim() && next.standard !== t.standard) out.standard = next.standard;
  if (next.deadline !== undefined && (next.deadline ?? null) !== t.deadline) out.deadline = next.deadline;
  // Indicators only where the office renamed or retargeted one of those the (new) standard gives.
  if (next.indicators && !sameIndicators(next.indicators, baseIndicators(t, out.standard)))
    out.indicators = next.indicators;
  // Saving the dialog unchanged still means "a person looked at it": keep the leaders as a marker.
  if (Object.keys(out).length === 1) out.leaders = next.leaders ?? t.leaders;
  return out;
}

export interface PreviewCounts {
  annexes: number;
  tasks: number;
  repairs: number;
  /** Flagged by the parser. */
  uncertain: number;
  /** Flagged and not yet corrected or confirmed. */
  pending: number;
  corrected: number;
}

export function countPreview(parsed: ParsedNotice, corrections: Corrections, settled?: (task: ParsedTask) => boolean): PreviewCounts {
  const rows = parsed.annexes.flatMap((a) => annexRows(a, corrections, settled));
  return {
    annexes: parsed.annexes.length,
    tasks: rows.length,
    repairs: parsed.stats.repairs,
    uncertain: rows.filter((r) => r.task.uncertain).length,
    pending: rows.filter(isPending).length,
    corrected: Object.keys(corrections).length,
  };
}
