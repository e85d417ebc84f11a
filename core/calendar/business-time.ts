/**
 * The business clock's arithmetic, shared by the server (server/clock.ts) and the web (which shows
 * "3 分钟前" against the same "now" the server stamps with). Pure: the caller passes the instant.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The date in Beijing (the offices' working day) at an instant, YYYY-MM-DD. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant on a fixed business date at the real instant's Beijing time of day. */
export function onFixedDate(fixed: string, real: Date): Date {
  const timeOfDay = (((real.getTime() + BEIJING_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return new Date(Date.parse(`${fixed}T00:00:00Z`) - BEIJING_OFFSET_MS + timeOfDay);
}
