import type { ParsedNotice, ParsedTask } from '../../core/notice';
import { taskKeys } from '../../core/notice/task-key';
import type { StoredTask } from '../ledger/ledger.repository';

/** The fields of a task that a re-import can change, compared as a person reads them. */
const FIELDS = ['standard', 'upstreamNo', 'upstreamItem', 'deadline', 'category', 'leaders', 'units'] as const;
type Field = (typeof FIELDS)[number];
type Comparable = Record<Field, unknown>;

export type TaskChange = {
  key: string;
  annexNo: number;
  seq: string;
  taskId: number;
  fields: Partial<Record<Field, { before: unknown; after: unknown }>>;
};

export type NoticeDiff = {
  added: { key: string; annexNo: number; seq: string; standard: string }[];
  removed: { key: string; annexNo: number; seq: string; taskId: number; standard: string }[];
  changed: TaskChange[];
  unchanged: number;
};

function parsedComparable(t: ParsedTask): Comparable {
  return {
    standard: t.standard,
    upstreamNo: t.upstreamNo,
    upstreamItem: t.upstreamItem,
    deadline: t.deadline,
    category: t.category?.name ?? null,
    leaders: t.leaders,
    units: t.units,
  };
}

/**
 * Tasks are matched by annex and printed sequence (core/notice/task-key.ts); where a sequence
 * repeats within an annex (misprinted numbering) the n-th occurrence matches the n-th.
 */
export function diffNotice(parsed: ParsedNotice, stored: StoredTask[]): NoticeDiff {
  const storedByKey = new Map<string, StoredTask>();
  const byAnnex = new Map<number, StoredTask[]>();
  for (const s of stored) byAnnex.set(s.annexNo, [...(byAnnex.get(s.annexNo) ?? []), s]);
  for (const [annexNo, tasks] of byAnnex) for (const [k, t] of taskKeys(annexNo, tasks)) storedByKey.set(k, t);

  const diff: NoticeDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  const matched = new Set<string>();
  for (const annex of parsed.annexes) {
    for (const [key, task] of taskKeys(annex.no, annex.tasks)) {
      const old = storedByKey.get(key);
      if (!old) {
        diff.added.push({ key, annexNo: annex.no, seq: task.seq, standard: task.standard });
        continue;
      }
      matched.add(key);
      const after = parsedComparable(task);
      const fields: TaskChange['fields'] = {};
      for (const f of FIELDS) {
        if (JSON.stringify(old[f]) !== JSON.stringify(after[f])) fields[f] = { before: old[f], after: after[f] };
      }
      if (Object.keys(fields).length) diff.changed.push({ key, annexNo: annex.no, seq: task.seq, taskId: old.id, fields });
      else diff.unchanged++;
    }
  }
  for (const [key, old] of storedByKey) {
    if (!matched.has(key)) diff.removed.push({ key, annexNo: old.annexNo, seq: old.seq, taskId: old.id, standard: old.standard });
  }
  return diff;
}
