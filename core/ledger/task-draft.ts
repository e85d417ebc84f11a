// A task the office writes by hand (新增任务) or pastes from a spreadsheet (粘贴导入): what it says,
// what is wrong with it cell by cell, and the ParsedTask the importer's ledger writer stores. Pure:
// the server checks the same drafts again before it writes (one rule for the grid and the server).

import { extractIndicators } from '../notice/indicators';
import { readDeadline, taskDue } from '../notice/due-date';
import { splitLeaderCell } from '../notice/leaders';
import { resolveUnits, splitUnitCell } from '../notice/units';
import { matchKey } from '../notice/text';
import type { DirectoryEntry, ParsedTask, UnitRef } from '../notice/types';

/** The fields a task is written with; names, not ids, so units and leaders not yet in the directory can be named. */
export type TaskDraft = {
  /** 序号 as printed, e.g. (12) or 12; null: the next number of the annex. */
  seq: string | null;
  /** 类别 (目标名称): an existing category of the annex by name, or a new one; null: none. */
  category: string | null;
  standard: string;
  leaders: string[];
  leadUnits: string[];
  coUnits: string[];
  /** 完成时限 as printed (6月底前, 2025年9月30日, 长期); null: none (附件1: the year's end). */
  deadline: string | null;
  /** 指标 text (新增充电桩500个；改造老旧小区12个); null: read from the task text, as the importer does. */
  indicators: string | null;
};

export type DraftField = keyof TaskDraft;
export type DraftError = { field: DraftField; message: string };

/** A units cell as typed or pasted: 区发改局、区财政局 or one per line. */
export const splitUnits = (cell: string): string[] => splitUnitCell(cell).map((u) => (u.note ? `${u.name}（${u.note}）` : u.name));
export const splitLeaders = (cell: string): string[] => splitLeaderCell(cell);

/** What is wrong with a draft, field by field, in words the office can act on. Empty: it can be written. */
export function checkDraft(draft: TaskDraft, year: number): DraftError[] {
  const errors: DraftError[] = [];
  if (draft.standard.trim() === '') errors.push({ field: 'standard', message: '任务内容为空：请填写工作标准（任务内容）' });
  if (draft.standard.length > 5000) errors.push({ field: 'standard', message: '任务内容超过 5000 字' });
  if (draft.leadUnits.length === 0) errors.push({ field: 'leadUnits', message: '没有牵头单位：请至少填写一个牵头（责任）单位' });
  if (draft.deadline !== null && draft.deadline.trim() !== '' && readDeadline(draft.deadline, year).kind === 'unknown') {
    errors.push({ field: 'deadline', message: `无法识别完成时限「${draft.deadline}」：请写成 6月底前、2025年9月30日、年底前 或 长期` });
  }
  if (draft.indicators !== null && draft.indicators.trim() !== '' && extractIndicators(draft.indicators).length === 0) {
    errors.push({ field: 'indicators', message: `未识别出指标「${draft.indicators}」：请写成 名称+数值+单位，如 新增充电桩500个` });
  }
  if (draft.seq !== null && draft.seq.length > 20) errors.push({ field: 'seq', message: '序号过长（最多 20 个字符）' });
  if (draft.category !== null && draft.category.length > 100) errors.push({ field: 'category', message: '类别名称过长（最多 100 个字）' });
  return errors;
}

/** The next 序号 of an annex: one more than the largest number printed, in the style of the last one ((12) or 12). */
export function nextSeq(existing: string[]): string {
  const numbers = existing.map((s) => Number(/\d+/.exec(s)?.[0] ?? 0));
  const next = Math.max(0, ...numbers) + 1;
  const last = existing[existing.length - 1];
  if (last === undefined || !/\d+/.test(last)) return `(${next})`;
  return last.replace(/\d+/, String(next));
}

/**
 * The draft as the task the importer's ledger writer stores: units resolved against the
 * organisation's directory (names and aliases, as the import resolves them), leaders by name,
 * the due date read from the deadline in the notice's year, indicators from their cell or the text.
 */
/**
 * The directory with each unit's name also known without its level prefix (区交通运输局 as
 * 交通运输局), as people type it — the spelling the importer's directory groups as sure — unless
 * that short name belongs to another unit.
 */
export function withShortNames(directory: DirectoryEntry[]): DirectoryEntry[] {
  const short = (name: string) => (/^[区市县省]/u.test(name) && name.length > 3 ? name.slice(1) : null);
  const taken = new Map<string, number>();
  for (const e of directory) for (const s of [e.name, ...e.aliases]) taken.set(matchKey(s), (taken.get(matchKey(s)) ?? 0) + 1);
  const shorts = new Map<string, number>();
  for (const e of directory) {
    const s = short(e.name);
    if (s) shorts.set(matchKey(s), (shorts.get(matchKey(s)) ?? 0) + 1);
  }
  return directory.map((e) => {
    const s = short(e.name);
    const free = s !== null && !taken.has(matchKey(s)) && shorts.get(matchKey(s)) === 1;
    return free ? { ...e, aliases: [...e.aliases, s] } : e;
  });
}

export function draftToParsedTask(
  draft: TaskDraft,
  at: { seq: string; year: number; annexKind: string; category: { no: number; name: string } | null },
  unitDirectory: DirectoryEntry[],
  leaderNames: string[],
): ParsedTask {
  const directory = withShortNames(unitDirectory);
  const lead = resolveUnits(draft.leadUnits.join('、'), '', directory).refs.map((r) => ({ ...r, role: 'lead' as const }));
  const co = resolveUnits(draft.coUnits.join('、'), '', directory).refs.map((r) => ({ ...r, role: 'co' as const }));
  const unitRefs: UnitRef[] = [];
  for (const r of [...lead, ...co]) if (!unitRefs.some((u) => u.name === r.name)) unitRefs.push(r);
  const known = new Map(leaderNames.map((n) => [matchKey(n), n]));
  const leaders = [...new Set(draft.leaders.flatMap(splitLeaderCell).map((n) => known.get(matchKey(n)) ?? n))];
  const standard = draft.standard.trim();
  const deadline = draft.deadline?.trim() ? draft.deadline.trim() : null;
  const due = taskDue(deadline, at.year, at.annexKind);
  const indicators = extractIndicators(draft.indicators?.trim() ? draft.indicators : standard);
  return {
    seq: at.seq,
    seqNo: Number(/\d+/.exec(at.seq)?.[0] ?? 0) || null,
    category: at.category ? { no: at.category.no, name: at.category.name } : null,
    section: null,
    upstreamNo: null,
    upstreamItem: null,
    standard,
    deadline,
    dueDate: due.dueDate,
    dueDateSource: due.dueDateSource,
    leaders,
    leadersPrinted: leaders.join('、'),
    units: unitRefs.map((u) => u.name),
    unitsPrinted: unitRefs.map((u) => u.printed),
    unitRefs,
    indicators,
    links: [],
    anomalies: [],
    repairs: [],
    uncertain: false,
    line: 0,
  };
}
