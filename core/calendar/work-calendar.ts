import { SHIPPED_DAYS, type CalendarDay } from './cn-holidays';

/**
 * The working-day calendar that deadlines and lateness follow (DESIGN.md: public holidays and
 * adjusted workdays are data, editable per year). By default lateness and "N days before"
 * reminders count working days, and a deadline that falls on a day off moves to the next working
 * day (the notice's 10月1日 and 1月1日 are public holidays); the office can choose calendar days
 * and printed deadlines instead. Pure: the server builds one from the organisation's settings.
 */
export type LatenessBasis = 'working' | 'calendar';

export type CalendarSettings = {
  /** Count lateness and reminder days in working days (default) or calendar days. */
  basis: LatenessBasis;
  /** A deadline on a day off moves to the next working day. */
  shiftDeadlines: boolean;
  /** The office's own days (later years, local arrangements); they override the shipped ones. */
  days: CalendarDay[];
};

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = { basis: 'working', shiftDeadlines: true, days: [] };

export type { CalendarDay };

export type WorkCalendar = {
  basis: LatenessBasis;
  /** How a count of days reads: 个工作日 or 天. */
  dayUnit: string;
  isWorkingDay(date: string): boolean;
  /** The day's name when it is a listed holiday or adjusted workday (国庆节, 春节调休上班). */
  dayName(date: string): string | null;
  /** The deadline in force for a printed (or extended) one: the next working day when it falls on a day off and the setting says so. */
  effectiveDeadline(deadline: string): string;
  /** Days late on `date` for `deadline`: days after the deadline up to and including `date`, counted on the basis; 0 on or before it. */
  daysLate(deadline: string, date: string): number;
  /** Days left from `today` to `deadline` on the basis: 0 on the deadline day, negative (days late) after it. */
  daysUntil(today: string, deadline: string): number;
};

const DAY = 86_400_000;
// Working days are counted through a table of running totals over these years, built once per calendar.
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1);
const SPAN = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - EPOCH) / DAY);

const dayIndex = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - EPOCH) / DAY);
const dateOf = (index: number) => new Date(EPOCH + index * DAY).toISOString().slice(0, 10);

export function workCalendar(settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS): WorkCalendar {
  const listed = new Map<string, CalendarDay>();
  for (const d of SHIPPED_DAYS) listed.set(d.date, d);
  for (const d of settings.days) listed.set(d.date, d);

  const isWorkingDay = (date: string) => {
    const d = listed.get(date);
    if (d) return !d.off;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };

  // running[i] = working days from the epoch up to and including day i.
  let running: Int32Array | null = null;
  const workingDaysUpTo = (index: number): number => {
    if (!running) {
      running = new Int32Array(SPAN);
      let n = 0;
      for (let i = 0; i < SPAN; i++) {
        if (isWorkingDay(dateOf(i))) n++;
        running[i] = n;
      }
    }
    const clamped = Math.min(Math.max(index, 0), SPAN - 1);
    return running[clamped]!;
  };

  const calendarDays = (from: string, to: string) => dayIndex(to) - dayIndex(from);
  const workingDaysBetween = (from: string, to: string) => workingDaysUpTo(dayIndex(to)) - workingDaysUpTo(dayIndex(from));

  return {
    basis: settings.basis,
    dayUnit: settings.basis === 'working' ? '个工作日' : '天',
    isWorkingDay,
    dayName: (date) => listed.get(date)?.name ?? null,
    effectiveDeadline(deadline) {
      if (!settings.shiftDeadlines) return deadline;
      let i = dayIndex(deadline);
      for (let guard = 0; guard < 60 && !isWorkingDay(dateOf(i)); guard++) i++;
      return dateOf(i);
    },
    daysLate(deadline, date) {
      if (date <= deadline) return 0;
      return settings.basis === 'working' ? workingDaysBetween(deadline, date) : calendarDays(deadline, date);
    },
    daysUntil(today, deadline) {
      if (today > deadline) return -(settings.basis === 'working' ? workingDaysBetween(deadline, today) : calendarDays(deadline, today));
      return settings.basis === 'working' ? workingDaysBetween(today, deadline) : calendarDays(today, deadline);
    },
  };
}
