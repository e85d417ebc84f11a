// The office's "对应到已有单位/领导" from the import preview: a name read from the notice that is not
// in the organisation's directory, mapped to one that is. Applied at import with the corrections,
// so every task naming it gets the existing unit or leader (and no new one is created). Pure.

import type { ParsedNotice, ParsedTask, Repair } from './types';

export interface NameMapping {
  /** The name as the preview listed it (a task's unit or leader name). */
  from: string;
  /** An existing unit's or leader's name in the organisation's directory. */
  to: string;
}

export interface NameMaps {
  units?: NameMapping[];
  leaders?: NameMapping[];
}

const RULE = 'mapped by the office in the import preview';

function renamed(list: string[], map: Map<string, string>): string[] {
  return [...new Set(list.map((n) => map.get(n) ?? n))];
}

function mapTask(task: ParsedTask, units: Map<string, string>, leaders: Map<string, string>): ParsedTask {
  const repairs: Repair[] = [];
  const record = (field: 'units' | 'leaders', before: string[], after: string[]) =>
    repairs.push({ field, raw: before.join('、'), result: after, rule: RULE, uncertain: false, line: task.line });
  let next = task;
  if (task.units.some((u) => units.has(u))) {
    const after = renamed(task.units, units);
    record('units', task.units, after);
    const seen = new Set<string>();
    const unitRefs = task.unitRefs
      .map((r) => ({ ...r, name: units.get(r.name) ?? r.name }))
      .filter((r) => !seen.has(r.name) && seen.add(r.name));
    next = { ...next, units: after, unitRefs };
  }
  if (task.leaders.some((l) => leaders.has(l))) {
    const after = renamed(task.leaders, leaders);
    record('leaders', task.leaders, after);
    next = { ...next, leaders: after };
  }
  if (repairs.length === 0) return task;
  // The office settled the mapped names: the parser's "not in the directory" doubts about them are
  // answered. The task stays uncertain while another doubt remains (or one the parser did not record
  // as a repair: uncertainFields beyond units and leaders).
  const answered = (r: Repair) =>
    (r.field === 'units' && units.has(String(r.result))) || (r.field === 'leaders' && leaders.has(String(r.result)));
  const repairsAfter = next.repairs.map((r) => (r.uncertain && answered(r) ? { ...r, uncertain: false } : r));
  const otherFields = (next.uncertainFields ?? []).some((f) => f !== 'units' && f !== 'leaders');
  const uncertain = next.uncertain && (otherFields || repairsAfter.some((r) => r.uncertain));
  return { ...next, repairs: [...repairsAfter, ...repairs], uncertain };
}

/**
 * Every task's units and leaders with the office's mappings applied. The mapped names leave the
 * notice's directories, so the import's directory step
 * (server/import/ledger-writer.ts ensureDirectory) creates nothing for them and finds the existing one. Returns a new notice; the input is unchanged.
 */
export function applyNameMaps(parsed: ParsedNotice, maps: NameMaps | undefined): ParsedNotice {
  const units = new Map((maps?.units ?? []).filter((m) => m.from !== m.to).map((m) => [m.from, m.to]));
  const leaders = new Map((maps?.leaders ?? []).filter((m) => m.from !== m.to).map((m) => [m.from, m.to]));
  if (units.size === 0 && leaders.size === 0) return parsed;
  const annexes = parsed.annexes.map((a) => ({ ...a, tasks: a.tasks.map((t) => mapTask(t, units, leaders)) }));
  const unitDirectory = parsed.directories.units.filter((e) => !units.has(e.name));
  const leaderDirectory = parsed.directories.leaders.filter((e) => !leaders.has(e.name));
  return {
    ...parsed,
    annexes,
    directories: { units: unitDirectory, leaders: leaderDirectory },
    stats: { ...parsed.stats, uncertainTasks: annexes.flatMap((a) => a.tasks).filter((t) => t.uncertain).length },
  };
}
