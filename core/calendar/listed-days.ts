import { SHIPPED_DAYS, SHIPPED_YEARS } from './cn-holidays';
import type { CalendarSettings } from './work-calendar';

/**
 * The days of one year that the calendar lists (holidays and adjusted workdays), as the office's
 * settings page shows them: the State Council's shipped days and the office's own, each with where
 * it comes from. An office day on a shipped date replaces it (work-calendar.ts merges them the same
 * way) and says what it replaced. Pure: the server's GET and the web's unsaved draft both use it.
 */
export type CalendarDaySource = 'shipped' | 'office';

export type ListedDay = {
  date: string;
  off: boolean;
  name: string;
  source: CalendarDaySource;
  /** For an office day on a shipped date: what the shipped arrangement says for that day. */
  replaces: { off: boolean; name: string } | null;
};

export const CALENDAR_DAY_SOURCE_LABELS: Record<CalendarDaySource, string> = { shipped: '内置', office: '本室录入' };

/** Whether the State Council's arrangement of this year ships with Duban. */
export const isShippedYear = (year: number) => SHIPPED_YEARS.includes(year);

export function listedDaysOfYear(settings: Pick<CalendarSettings, 'days'>, year: number): ListedDay[] {
  const prefix = `${year}-`;
  const byDate = new Map<string, ListedDay>();
  for (const d of SHIPPED_DAYS) {
    if (d.date.startsWith(prefix))
      byDate.set(d.date, { date: d.date, off: d.off, name: d.name, source: 'shipped', replaces: null });
  }
  for (const d of settings.days) {
    if (!d.date.startsWith(prefix)) continue;
    const shipped = byDate.get(d.date);
    byDate.set(d.date, {
      date: d.date,
      off: d.off,
      name: d.name,
      source: 'office',
      replaces: shipped?.source === 'shipped' ? { off: shipped.off, name: shipped.name } : null,
    });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The years the office's own days fall in. */
export const officeYears = (settings: Pick<CalendarSettings, 'days'>): number[] =>
  [...new Set(settings.days.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
