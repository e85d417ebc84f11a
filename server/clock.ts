import { beijingDate, onFixedDate } from '../core/calendar/business-time';
import type { Config } from './config/config';

/**
 * The business clock: what "today" and "now" are for deadlines, lateness and reminders. Technical
 * timestamps (sessions, audit entries) always use the real time; business time can be fixed by
 * DUBAN_TODAY so a notice from another year can be worked as if it were current.
 */
export type Clock = {
  /** Today's date, YYYY-MM-DD (Beijing time: the offices' working day). */
  today(): string;
  /** Now: the fixed date at the current time of day, or the real instant. */
  now(): Date;
};

export { beijingDate };

export function createClock(config: Pick<Config, 'today'>): Clock {
  const fixed = config.today;
  if (!fixed) return { today: () => beijingDate(new Date()), now: () => new Date() };
  return {
    today: () => fixed,
    // Keep the time of day moving (Beijing time) on the fixed date.
    now: () => onFixedDate(fixed, new Date()),
  };
}
