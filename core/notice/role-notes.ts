// Generic role endings: 「等有关部门」「各有关单位」「各县（市、区）政府」 name no unit a ledger can ask for a
// report, so they are taken out of the unit cells and kept as the task's notes (RawTask.notes).
// Applied to every strategy's tasks in parse.ts.
//
// The rule (decided):
// - generic — kept as a note: a trailing 等 / 等有关部门 / 等相关单位 after a unit (「财政部等」 → 财政部 +
//   note 「等」); 有关部门, 相关单位, 其他有关单位, 各有关单位, 各部门, 各成员单位; the governments of a
//   lower level named collectively — 各县（市、区）政府, 各市（州）, 各省（区、市）, 各地, 各区县, 各级政府:
//   in a city's or a province's notice they receive the work through their own notices (Duban's
//   hand-downs between levels), not as units of this ledger;
// - real recipients — kept as units: 各街道, 各乡镇, 各镇, 各街镇, 各街道（乡镇）, 各街道办事处 … The
//   streets and towns of a district report to its office directly, and the seed (and labelled.txt)
//   read 「各街道」 as a co-unit; that reading stays.
//
// Linear: one pass over each cell with a parenthesis-aware tokenizer; the patterns are anchored.

import type { RawTask } from './table';

const GENERIC_WHOLE: RegExp[] = [
  /^(?:省直|市直|区直|县直|省级|市级|区级|县级)?等?(?:其他|其它)?(?:有关|相关)(?:部门|单位|方面|地方|地区)?$/u,
  /^(?:省级|市级|区级|县级|省直|市直|区直|县直)?各(?:有关|相关)?(?:部门|单位|成员单位|方面)$/u,
  /^(?:其他|其它)(?:部门|单位)$/u,
  /^各(?:县|市|区|州|省|盟|旗)[(（][^()（）]{1,10}[)）](?:人民)?(?:政府)?$/u,
  /^各(?:地|地区|地方|县|区|市|县区|区县|县市区|市县|市州|省区市|级|级政府)(?:人民)?(?:政府|党委政府|党委和政府)?$/u,
  /^各(?:地级以上市|设区市|地级市|市州|县市区)(?:人民)?(?:政府)?$/u,
  /^等$/u,
];
const GENERIC_TAIL = /^(.{2,}?)(等(?:其他|其它)?(?:有关|相关)?(?:部门|单位|方面|地方)?)$/u;
const MAYBE_GENERIC = /等|有关|相关|其他|其它|各/u;

interface Token {
  text: string;
  /** The separator printed after it ('' at the end). */
  sep: string;
}

/** Splits a cell on 、，；/ and spaces, keeping 「各县（市、区）政府」 whole. */
function tokens(cell: string): Token[] {
  const out: Token[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i] as string;
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
    else if (depth === 0 && /[、，,；;/\s及]/u.test(c)) {
      if (i > from) out.push({ text: cell.slice(from, i), sep: c });
      else if (out.length > 0) (out[out.length - 1] as Token).sep += c;
      from = i + 1;
    }
  }
  if (from < cell.length) out.push({ text: cell.slice(from), sep: '' });
  return out;
}

/** The cell without its generic parts, and the parts taken out (as printed). */
export function separateGeneric(cell: string): { cell: string; notes: string[] } {
  if (!MAYBE_GENERIC.test(cell)) return { cell, notes: [] };
  const notes: string[] = [];
  const kept: Token[] = [];
  for (const tok of tokens(cell)) {
    const t = tok.text.trim();
    if (GENERIC_WHOLE.some((re) => re.test(t))) {
      notes.push(t);
      continue;
    }
    const tail = GENERIC_TAIL.exec(t);
    if (tail?.[1] && tail[2]) {
      notes.push(tail[2]);
      kept.push({ text: tail[1], sep: tok.sep });
      continue;
    }
    kept.push(tok);
  }
  if (notes.length === 0) return { cell, notes };
  return {
    cell: kept
      .map((k, i) => (i < kept.length - 1 ? `${k.text}${k.sep}` : k.text))
      .join('')
      .trim(),
    notes,
  };
}

export function separateRoleNotes(task: RawTask): RawTask {
  const lead = separateGeneric(task.leadUnitsRaw);
  const co = separateGeneric(task.coUnitsRaw);
  const found = [...lead.notes, ...co.notes];
  if (found.length === 0) return task;
  const notes = [...(task.notes ?? [])];
  for (const n of found) if (!notes.includes(n)) notes.push(n);
  return { ...task, leadUnitsRaw: lead.cell, coUnitsRaw: co.cell, notes };
}
