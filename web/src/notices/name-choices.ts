// What the office decided, in the preview, about each unit and leader the notice names that the
// directory does not hold yet: 新增 (the import creates it) or 对应到已有单位/领导 (every task gets the
// existing one; the server applies it with core/notice/name-map.ts). Kept in the page until the import.
import type { ImportOptions } from '../../../core/api/notices';
import { annexRows, effective, type Corrections } from './corrections';
import type { NewName, NoticePreview, ParsedTask, Repair, TaskField } from './types';

export type NameChoice = { kind: 'new' } | { kind: 'map'; to: string };
export interface NameChoices {
  units: Record<string, NameChoice>;
  leaders: Record<string, NameChoice>;
}
export const NO_CHOICES: NameChoices = { units: {}, leaders: {} };

/**
 * unitMap / leaderMap for the import options: the mapped names only (new ones need nothing), and of
 * those only the names the tasks still carry (inUse) when given.
 */
export function nameMaps(
  choices: NameChoices,
  inUse?: { units: NewName[]; leaders: NewName[] },
): Pick<ImportOptions, 'unitMap' | 'leaderMap'> {
  const maps = (r: Record<string, NameChoice>, used: NewName[] | undefined) =>
    Object.entries(r).flatMap(([from, c]) =>
      c.kind === 'map' && (!used || used.some((n) => n.name === from)) ? [{ from, to: c.to }] : [],
    );
  const unitMap = maps(choices.units, inUse?.units);
  const leaderMap = maps(choices.leaders, inUse?.leaders);
  return { ...(unitMap.length ? { unitMap } : {}), ...(leaderMap.length ? { leaderMap } : {}) };
}

/**
 * The new names the tasks still carry once the office's corrections are applied: a name corrected
 * away in every task that had it (区卫建局 → 区卫生健康局) needs no decision any more.
 */
export function newNamesInUse(
  preview: NoticePreview,
  corrections: Corrections,
): { units: NewName[]; leaders: NewName[] } {
  const rows = preview.parsed.annexes.flatMap((a) => annexRows(a, corrections)).map(effective);
  const units = new Set(rows.flatMap((r) => r.units));
  const leaders = new Set(rows.flatMap((r) => r.leaders));
  return {
    units: preview.directory.units.filter((n) => units.has(n.name)),
    leaders: preview.directory.leaders.filter((n) => leaders.has(n.name)),
  };
}

/** New names (still in use) the office has not decided on yet. */
export function undecided(
  inUse: { units: NewName[]; leaders: NewName[] },
  choices: NameChoices,
): { units: number; leaders: number } {
  return {
    units: inUse.units.filter((n) => !choices.units[n.name]).length,
    leaders: inUse.leaders.filter((n) => !choices.leaders[n.name]).length,
  };
}

/** A repair saying a name is not in the directory (core/notice/units.ts, leaders.ts). */
const unknownName = (r: Repair) => r.rule.startsWith('unknown-unit') || r.rule.startsWith('unknown-leader');

function answered(r: Repair, choices: NameChoices): boolean {
  const name = String(r.result);
  return unknownName(r) && (r.field === 'units' ? choices.units[name] : choices.leaders[name]) !== undefined;
}

const REPAIR_TO_FIELD: Partial<Record<Repair['field'], TaskField>> = {
  leaders: 'leaders',
  units: 'units',
  standard: 'standard',
  row: 'standard',
  category: 'category',
  indicators: 'indicators',
};

/**
 * The cells of a task a person should check: those the parser named (uncertainFields) and those of
 * its doubtful repairs, less the new names the office has already decided on.
 */
export function uncertainCells(task: ParsedTask, choices: NameChoices): Set<TaskField> {
  const out = new Set<TaskField>(task.uncertainFields ?? []);
  for (const r of task.repairs) {
    const field = REPAIR_TO_FIELD[r.field];
    if (r.uncertain && field && !answered(r, choices)) out.add(field);
  }
  return out;
}

/** True when a task's every doubt was a new name the office has decided on. */
export function settledBy(choices: NameChoices): (task: ParsedTask) => boolean {
  return (task) => {
    if (!task.uncertain) return false;
    const doubts = task.repairs.filter((r) => r.uncertain);
    const fields = (task.uncertainFields ?? []).filter((f) => f !== 'units' && f !== 'leaders');
    return doubts.length > 0 && fields.length === 0 && doubts.every((r) => answered(r, choices));
  };
}
