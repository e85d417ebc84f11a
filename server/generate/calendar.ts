import { DEMO_TODAY } from '../config/config';

/**
 * The generated world's business calendar. Its last year is the demo's (2024) and its "today" the
 * demo's business date (2024-06-25, a week before the second quarter's deadline), so the app run
 * with DUBAN_TODAY=2024-06-25 finds the second quarter open and the first one closed. Every time
 * stored by the generator is derived from these dates (never the wall clock), which is what makes
 * two runs identical.
 */
export const GENERATED_TODAY = DEMO_TODAY;
export const FINAL_YEAR = Number(GENERATED_TODAY.slice(0, 4));

const DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The UTC instant (ISO string, as the services store it) of a Beijing wall time on a date. */
export function beijingInstant(date: string, minutesOfDay: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS + minutesOfDay * 60_000).toISOString();
}

/** A working-hours instant (09:00–17:59 Beijing) on a date, from a roll. */
export function officeHours(date: string, r: number): string {
  return beijingInstant(date, 9 * 60 + Math.floor(r * 9 * 60));
}

/** Adds minutes to an ISO instant. */
export function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/** The years generated: `count` years ending with FINAL_YEAR, oldest first. */
export function generatedYears(count: number): number[] {
  return Array.from({ length: count }, (_, i) => FINAL_YEAR - count + 1 + i);
}
