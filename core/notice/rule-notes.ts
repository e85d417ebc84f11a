// A note that applies a rule to every task instead of repeating it on each line:
// 「以下各项均由各街道（乡镇）配合，不再单独列出」「以上任务，区财政局均为配合单位」. Its units are added
// to the tasks it covers (配合 → co-units; 牵头 → the lead where a task prints none) and its line
// counts as explained.
//
// Scope (decided): 以下/下列 cover the tasks after the note to the end of the annex — or, when the
// note sits right under a 一、 heading before its first task, that heading's tasks only; 以上/上述
// cover every task before the note in the annex (such notes close a list).

import { looksLikeUnits } from './role-phrases';
import type { RawTask } from './table';

export interface RuleNote {
  scope: 'after' | 'before';
  role: 'lead' | 'co';
  units: string;
  line: number;
}

const START = /^(以下|下列|以上|上述)/u;
// 「…均由X配合」 / 「…，X均为配合单位」 (bounded, anchored on the verbs).
const BY = /(?:均|都|一律)由([^，,。；;]{1,60}?)(配合|协助|协办|参与|牵头)/du;
const AS = /(?:^|[，,])([^，,。；;]{1,60}?)(?:均|都|一律)(?:为|作为|是)(配合单位|协办单位|参与单位|配合|牵头单位|牵头)/du;

/**
 * The rule a line states, or null when it states none. `view` is the simplified, width-folded text
 * (matchView) of `printed`, same length: the units are cut from the printed text.
 */
export function readRuleNote(view: string, line: number, printed = view): RuleNote | null {
  const start = START.exec(view);
  if (!start || view.length > 160) return null;
  const scope = start[1] === '以下' || start[1] === '下列' ? 'after' : 'before';
  const by = BY.exec(view);
  const m = by ?? AS.exec(view.slice(start[0].length));
  const span = m?.indices?.[1];
  if (!m?.[2] || !span) return null;
  const offset = by ? 0 : start[0].length;
  const units = printed
    .slice(span[0] + offset, span[1] + offset)
    .replace(/^(?:任务|工作|事项|各项)/u, '')
    .trim();
  if (!looksLikeUnits(units)) return null;
  return { scope, role: m[2].startsWith('牵头') ? 'lead' : 'co', units, line };
}

/** A note placed in the reading: after `at` tasks, under heading block `block` (0 = none yet). */
export interface PlacedRuleNote extends RuleNote {
  at: number;
  block: number;
  /** True when no task of its block came before it (it sits right under its heading). */
  headsBlock: boolean;
}

/** More notes than this in one annex are not rules but a hostile or broken text: the rest are ignored. */
export const MAX_RULE_NOTES = 10;

/** Adds the notes' units to the tasks they cover; `blocks[i]` is task i's heading block. */
export function applyRuleNotes(tasks: RawTask[], blocks: number[], notes: PlacedRuleNote[]): void {
  for (const n of notes.slice(0, MAX_RULE_NOTES)) {
    tasks.forEach((t, i) => {
      const covered =
        n.scope === 'before' ? i < n.at : i >= n.at && (!n.headsBlock || n.block === 0 || blocks[i] === n.block);
      if (!covered) return;
      if (n.role === 'lead' && t.leadUnitsRaw === '') t.leadUnitsRaw = n.units;
      else if (!t.coUnitsRaw.includes(n.units) && !t.leadUnitsRaw.includes(n.units)) {
        t.coUnitsRaw = t.coUnitsRaw === '' ? n.units : `${t.coUnitsRaw} ${n.units}`;
      }
    });
  }
}
