import type { ProgressStatus } from './states';

/**
 * Whether a report is complete enough to go to the unit's head (issue 15): every entry the period
 * asks about has a status and its 进展情况. One rule for the server (submit is refused) and the web
 * (the counter 已填 14/21, 「只看未填」, the outline). An entry of a task closed (销号) meanwhile is
 * not asked about. The office may let co-operating units leave their part blank (setting
 * `reportCompleteness.coUnitsMayLeaveBlank`): the lead unit answers for the task.
 */
export type CompletenessEntry = {
  taskId: number;
  annexNo: number;
  seq: string;
  unitRole: 'lead' | 'co';
  status: ProgressStatus | null;
  narrative: string;
  /** 销号 before this period: the entry is kept as written, nothing is asked. */
  closed: boolean;
};

export type CompletenessPolicy = { coUnitsMayLeaveBlank: boolean };

export const DEFAULT_COMPLETENESS: CompletenessPolicy = { coUnitsMayLeaveBlank: false };

/** What an entry still lacks, in the words the clerk reads; empty when it is filled. */
export function entryLacks(e: Pick<CompletenessEntry, 'status' | 'narrative'>): string[] {
  const lacks: string[] = [];
  if (!e.status) lacks.push('推进状态');
  if (!e.narrative.trim()) lacks.push('进展情况');
  return lacks;
}

/** Nothing written in the entry: what 沿用上期 may fill (it never overwrites words). */
export const entryBlank = (e: { narrative: string; problems: string; nextSteps: string }) => !e.narrative.trim() && !e.problems.trim() && !e.nextSteps.trim();

/** Whether the rule asks anything of the entry at all. */
export function entryAsked(e: CompletenessEntry, policy: CompletenessPolicy): boolean {
  if (e.closed) return false;
  return !(e.unitRole === 'co' && policy.coUnitsMayLeaveBlank);
}

export type Completeness = {
  /** Entries the rule asks about. */
  asked: number;
  /** Of those, filled. */
  filled: number;
  /** Entries still lacking something, in printed order, each with what it lacks. */
  missing: { taskId: number; label: string; lacks: string[] }[];
};

export const entryLabel = (e: Pick<CompletenessEntry, 'annexNo' | 'seq'>) => `附件${e.annexNo}第${e.seq}项`;

export function reportCompleteness(entries: readonly CompletenessEntry[], policy: CompletenessPolicy): Completeness {
  const asked = entries.filter((e) => entryAsked(e, policy));
  const missing = asked
    .map((e) => ({ taskId: e.taskId, label: entryLabel(e), lacks: entryLacks(e) }))
    .filter((m) => m.lacks.length > 0);
  return { asked: asked.length, filled: asked.length - missing.length, missing };
}

/** The refusal's message: which items lack what, the first few by name. */
export function describeMissing(missing: Completeness['missing'], shown = 8): string {
  const names = missing.slice(0, shown).map((m) => `${m.label}（未填${m.lacks.join('、')}）`);
  const more = missing.length > shown ? `等 ${missing.length} 项` : '';
  return `尚有 ${missing.length} 个事项未填写完整：${names.join('；')}${more}。请填写后再提交。`;
}
