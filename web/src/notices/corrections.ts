// The office's corrections in the preview, kept in the browser until the import is confirmed.
// Keys are the server's own (core/notice/task-key.ts): "annexNo/seq", and for a sequence printed
// twice within an annex the n-th occurrence gets "#n", so a correction lands on the row the clerk
// saw even when the notice's numbering repeats.
import { taskKeys } from '../../../core/notice/task-key';
import type { ParsedAnnex, ParsedNotice, ParsedTask, TaskCorrection, TaskRow } from './types';

export type Corrections = Record<string, TaskCorrection>;

export function annexRows(annex: ParsedAnnex, corrections: Corrections): TaskRow[] {
  return taskKeys(annex.no, annex.tasks).map(([key, task]) => ({ key, annex, task, correction: corrections[key] }));
}

/** What the task will be once imported: the parsed values with the office's correction on top. */
export function effective(row: TaskRow): Pick<ParsedTask, 'leaders' | 'units' | 'standard' | 'deadline'> {
  const c = row.correction;
  return {
    leaders: c?.leaders ?? row.task.leaders,
    units: c?.units ?? row.task.units,
    standard: c?.standard ?? row.task.standard,
    deadline: c?.deadline !== undefined ? c.deadline : row.task.deadline,
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
    differs(c.deadline, t.deadline)
  );
}

/** A row still waiting for a person: flagged by the parser and neither corrected nor confirmed. */
export function isPending(row: TaskRow): boolean {
  return row.task.uncertain && !row.correction;
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

export function countPreview(parsed: ParsedNotice, corrections: Corrections): PreviewCounts {
  const rows = parsed.annexes.flatMap((a) => annexRows(a, corrections));
  return {
    annexes: parsed.annexes.length,
    tasks: rows.length,
    repairs: parsed.stats.repairs,
    uncertain: rows.filter((r) => r.task.uncertain).length,
    pending: rows.filter(isPending).length,
    corrected: Object.keys(corrections).length,
  };
}
