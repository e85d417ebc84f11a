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

const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function createClock(config: Pick<Config, 'today'>): Clock {
  const fixed = config.today;
  if (!fixed) return { today: () => beijingDate(new Date()), now: () => new Date() };
  return {
    today: () => fixed,
    now: () => {
      // Keep the time of day moving (Beijing time) on the fixed date.
      const real = new Date(Date.now() + BEIJING_OFFSET_MS);
      const timeOfDay = real.getTime() - Date.parse(`${real.toISOString().slice(0, 10)}T00:00:00Z`);
      return new Date(Date.parse(`${fixed}T00:00:00Z`) - BEIJING_OFFSET_MS + timeOfDay);
    },
  };
}
