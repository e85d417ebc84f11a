import { beijingDate, onFixedDate } from '../../../core/calendar/business-time';
import type { Me } from '../api/types';

/**
 * The business clock as the server keeps it (server/clock.ts): the work's dates — imports,
 * decisions, notifications, reminders — are stamped on it, so "3 分钟前" is counted from its "now":
 * the fixed date (DUBAN_TODAY, the demo) at the current time of day, or the real instant.
 */
export function businessNow(clock: Me['businessClock'], real = new Date()): Date {
  return clock.fixed ? onFixedDate(clock.today, real) : real;
}

/** Whether the business date is not today's real date: then the header says which date the work is on. */
export function businessDateDiffers(clock: Me['businessClock'], real = new Date()): boolean {
  return clock.fixed && clock.today !== beijingDate(real);
}
