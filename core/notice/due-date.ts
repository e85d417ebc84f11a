// A task's due date from the deadline a notice prints (完成时限 / 完成时间), and where it came from.
// Pure: no I/O. The parser, the importer's corrections, the ledger and the web app read it here.

import type { AnnexKind } from './types';

/**
 * Where a task's due date (tasks.due_date) came from:
 * - 'printed': read from the deadline the notice prints (`12月`, `6月底前`, `9月30日前` …);
 * - 'annual': the annex prints no deadline, but it is the year's own tasks (附件1, kind
 *   `district-gwr`: 当年工作任务), so each is due by 31 December of the notice's year;
 * - 'office': set by the office on the task's page;
 * - 'open-ended': the notice prints a deadline that names no date (`长期`, `持续推进`): no due date.
 */
export type DueDateSource = 'printed' | 'annual' | 'office' | 'open-ended';

export const DUE_DATE_SOURCES = ['printed', 'annual', 'office', 'open-ended'] as const satisfies readonly DueDateSource[];

/** What a printed deadline says: a day, no day at all (ongoing work), or something not understood. */
export type DeadlineReading = { kind: 'date'; date: string } | { kind: 'open-ended' } | { kind: 'unknown' };

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "12", "１２", "十二", "十", "三" → the number; anything else null. */
function numberOf(text: string): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (CN_DIGITS[text] !== undefined) return CN_DIGITS[text];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/u.exec(text);
  if (m) return (m[1] ? CN_DIGITS[m[1]]! : 1) * 10 + (m[2] ? CN_DIGITS[m[2]]! : 0);
  return null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const endOfMonth = (y: number, m: number) => iso(y, m, lastDay(y, m));

/** Ongoing work: the deadline column says the task has no end (长期, 持续推进, 常态化 …). */
const OPEN_ENDED = /^(长期|持续|常态|常年|每年|逐年|分年度|分阶段|按年度)/u;

/** Words around the date that do not change it: 于/在/截至 before; 前/之前/以前/完成/内/止 after. */
function bare(text: string): string {
  let s = text
    .replace(/[\s\u3000]+/gu, '')
    .replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。．.，,；;]+$/u, '');
  s = s.replace(/^(于|在|截至|截止到?|到|至|力争|确保)/u, '');
  // 年内 and 上半年内 keep their meaning once 内 goes: "within the year" is by its end.
  for (;;) {
    const next = s.replace(/(之前|以前|前|完成|完工|建成|内|止|为止|以内)$/u, '');
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Reads a printed deadline in the notice's year. Understood (in the notice's year unless a year is
 * printed; 次年/明年 is the year after):
 * `12月`, `12 月`, `2024年12月`, `12月底`, `12月底前`, `12月末` → the month's last day;
 * `年内`, `年底前`, `年底`, `全年` → 12-31; `上半年` → 06-30, `下半年` → 12-31;
 * `一季度`/`第三季度`/`三季度末` → the quarter's last day; `9月30日前`, `9月30日` → that day;
 * `3-6月`, `3月至6月` → the later month's last day; `2025年` / `2025年底` → 2025-12-31.
 * `长期`, `持续推进`, `常态化` … name no date: 'open-ended'. Anything else: 'unknown' (no due date;
 * the office sets one on the task's page).
 */
export function readDeadline(deadline: string, year: number | null): DeadlineReading {
  const s = bare(deadline);
  if (s === '') return { kind: 'unknown' };
  if (OPEN_ENDED.test(s)) return { kind: 'open-ended' };
  // Written as figures: 2024-09-30, 2024.9.30, 2024/09 (an office's typing, a hand-down's ISO date).
  const figures = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?$/u.exec(s);
  if (figures) return readDeadline(`${figures[1]}年${figures[2]}月${figures[3] ? `${figures[3]}日` : ''}`, year);

  // An optional year in front: 2025年…, 次年…/明年…/翌年…, 当年…/本年…/今年….
  const y = /^(?:(\d{4})年度?|(次年|明年|翌年|下一年)|(当年|本年|今年))/u.exec(s);
  let rest = s;
  let theYear = year;
  if (y) {
    rest = s.slice(y[0].length);
    if (y[1]) theYear = Number(y[1]);
    else if (y[2]) theYear = year === null ? null : year + 1;
  }
  if (theYear === null || theYear < 1900 || theYear > 2200) return { kind: 'unknown' };
  const date = (m: number, d?: number): DeadlineReading => {
    if (m < 1 || m > 12) return { kind: 'unknown' };
    if (d === undefined) return { kind: 'date', date: endOfMonth(theYear, m) };
    if (d < 1 || d > lastDay(theYear, m)) return { kind: 'unknown' };
    return { kind: 'date', date: iso(theYear, m, d) };
  };

  // The whole year: 年内 (内 already gone) / 年底 / 年末 / 全年 / 年度, or a bare printed year.
  if (/^(年|年底|年末|全年|年度|年度内|底|末)?$/u.test(rest) && (y || rest !== '')) return date(12);
  if (/^上半年(底|末)?$/u.test(rest)) return date(6);
  if (/^下半年(底|末)?$/u.test(rest)) return date(12);
  const quarter = /^第?([1-4一二三四])季度(末|底)?$/u.exec(rest);
  if (quarter) return date(numberOf(quarter[1]!)! * 3);
  const day = /^(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})[日号]$/u.exec(rest);
  if (day) {
    const m = numberOf(day[1]!);
    const d = numberOf(day[2]!);
    return m === null || d === null ? { kind: 'unknown' } : date(m, d);
  }
  const month = /^(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月?[-－—–~～至到])?(\d{1,2}|[一二三四五六七八九十]{1,3})月份?(底|末|末前|下旬)?$/u.exec(rest);
  if (month) {
    const m = numberOf(month[2]!);
    const from = month[1] ? numberOf(month[1]) : null;
    if (m === null || (from !== null && from > m)) return { kind: 'unknown' };
    return date(m);
  }
  return { kind: 'unknown' };
}

/** The due date a printed deadline names, as YYYY-MM-DD; null when it names none or is not understood. */
export function dueDate(deadline: string | null, year: number | null): string | null {
  if (deadline === null) return null;
  const r = readDeadline(deadline, year);
  return r.kind === 'date' ? r.date : null;
}

/**
 * A task's due date and where it came from, from what the notice prints: the printed deadline
 * when there is one (an ongoing one gives no date, an unreadable one neither), else — for the
 * year's own tasks (annex kind `district-gwr`, which prints no deadline column) — the notice year's
 * last day.
 */
export function taskDue(
  deadline: string | null,
  year: number | null,
  annexKind: AnnexKind | string,
): { dueDate: string | null; dueDateSource: DueDateSource | null } {
  if (deadline !== null && deadline.trim() !== '') {
    const r = readDeadline(deadline, year);
    if (r.kind === 'date') return { dueDate: r.date, dueDateSource: 'printed' };
    if (r.kind === 'open-ended') return { dueDate: null, dueDateSource: 'open-ended' };
    return { dueDate: null, dueDateSource: null };
  }
  if (annexKind === 'district-gwr' && year !== null) return { dueDate: `${year}-12-31`, dueDateSource: 'annual' };
  return { dueDate: null, dueDateSource: null };
}

/** "2024-06-30" → "6月30日"; with the year when it is not the year given ("2025年1月15日"). */
export function chineseMonthDay(date: string, year?: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y !== year ? `${y}年` : ''}${m}月${d}日`;
}

/**
 * How a task's deadline reads on a page or in an export: the date (or a word where there is
 * none) and, in words, where it came from. Takes what the API sends for a task.
 */
export function describeDue(task: { deadline: string | null; dueDate: string | null; dueDateSource?: DueDateSource | string | null }): {
  /** The due date, or 不设截止日期 / — when there is none. */
  date: string;
  /** Where the date came from, or why there is none; null when the printed deadline says it all. */
  note: string | null;
} {
  const source = task.dueDateSource ?? null;
  const printed = task.deadline?.trim() ? task.deadline.trim() : null;
  if (task.dueDate) {
    if (source === 'annual') return { date: task.dueDate, note: '按当年任务，年底前完成（通知未列完成时限）' };
    if (source === 'office') return { date: task.dueDate, note: printed ? `督查室确定（通知原文：${printed}）` : '督查室确定' };
    return { date: task.dueDate, note: printed ? `通知原文：${printed}` : null };
  }
  if (source === 'open-ended' || (printed !== null && readDeadline(printed, null).kind === 'open-ended')) {
    return { date: '不设截止日期', note: printed ? `通知原文：${printed}` : null };
  }
  if (printed) return { date: '—', note: `通知原文“${printed}”未能识别为日期，请督查室确定截止日期` };
  return { date: '—', note: null };
}
