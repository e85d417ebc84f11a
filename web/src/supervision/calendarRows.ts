// The 工作日历 card's table: a year's listed days (core/calendar/listed-days.ts) folded into runs —
// 国庆节 10月1日至7日 is one row, not seven — and the edits of the office's own days the card makes
// before one 保存. Pure, so it is tested without a browser.
import dayjs from 'dayjs';
import type { CalendarDay } from '../../../core/calendar/cn-holidays';
import type { ListedDay } from '../../../core/calendar/listed-days';

export type CalendarRow = {
  key: string;
  /** First and last day of the run (the same for a single day). */
  from: string;
  to: string;
  dates: string[];
  off: boolean;
  name: string;
  source: ListedDay['source'];
  /** For the office's days on shipped dates: what the shipped arrangement said (the first such day). */
  replaces: ListedDay['replaces'];
};

const DAY = 86_400_000;
export const nextDate = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** Consecutive days with the same arrangement, name and source become one row. */
export function calendarRows(days: readonly ListedDay[]): CalendarRow[] {
  const rows: CalendarRow[] = [];
  for (const d of days) {
    const last = rows.at(-1);
    if (
      last &&
      last.source === d.source &&
      last.off === d.off &&
      last.name === d.name &&
      nextDate(last.to) === d.date
    ) {
      last.to = d.date;
      last.dates.push(d.date);
      last.replaces ??= d.replaces;
      continue;
    }
    rows.push({
      key: `${d.source}:${d.date}`,
      from: d.date,
      to: d.date,
      dates: [d.date],
      off: d.off,
      name: d.name,
      source: d.source,
      replaces: d.replaces,
    });
  }
  return rows;
}

/** Every date from `from` to `to`, both included (at most `limit`). */
export function datesBetween(from: string, to: string, limit = 366): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < limit; d = nextDate(d)) out.push(d);
  return out;
}

/** The office's days with `replacing` taken out and `added` put in, in date order. */
export function withDays(
  days: readonly CalendarDay[],
  replacing: readonly string[],
  added: readonly CalendarDay[],
): CalendarDay[] {
  const gone = new Set([...replacing, ...added.map((d) => d.date)]);
  return [...days.filter((d) => !gone.has(d.date)), ...added].sort((a, b) => a.date.localeCompare(b.date));
}

/** The office's own days in `dates` that are not the row being edited: entering them again would list a date twice. */
export function clashes(
  days: readonly CalendarDay[],
  dates: readonly string[],
  editing: readonly string[],
): CalendarDay[] {
  const wanted = new Set(dates);
  const mine = new Set(editing);
  return days.filter((d) => wanted.has(d.date) && !mine.has(d.date));
}

// How the card says a date (the zh-cn locale is set once in main.tsx): 10月1日, 星期五 / 周五, 放假 / 上班.
export const md = (date: string) => dayjs(date).format('M月D日');
export const weekday = (date: string) => dayjs(date).format('dddd');
export const shortWeekday = (date: string) => dayjs(date).format('ddd');
export const arrangement = (off: boolean) => (off ? '放假' : '上班');
