import { z } from 'zod';
import type { CalendarSettings } from '../calendar/work-calendar';

/** The working-day calendar setting (core/calendar/work-calendar.ts) as the API and the settings table hold it. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效日期');

export const calendarDaySchema = z.object({
  date: isoDate,
  off: z.boolean(),
  name: z.string().trim().min(1, '请填写名称（如“国庆节”或“调休上班”）').max(40),
});

export const calendarSettingsSchema = z.object({
  basis: z.enum(['working', 'calendar']),
  shiftDeadlines: z.boolean(),
  days: z
    .array(calendarDaySchema)
    .max(2000)
    .refine((days) => new Set(days.map((d) => d.date)).size === days.length, '同一日期只能设置一次'),
}) satisfies z.ZodType<CalendarSettings>;

export const LATENESS_BASIS_LABELS = { working: '按工作日计算', calendar: '按自然日计算' } as const;

/** GET /api/settings/work-calendar: the setting, and the year's listed days with where each comes from (core/calendar/listed-days.ts). */
export const listedDaySchema = z.object({
  date: z.string(),
  off: z.boolean(),
  name: z.string(),
  source: z.enum(['shipped', 'office']),
  replaces: z.object({ off: z.boolean(), name: z.string() }).nullable(),
});

export const workCalendarViewSchema = z.object({
  settings: calendarSettingsSchema,
  /** What a save sends back with the settings (0 while the defaults apply). */
  version: z.number(),
  year: z.number().int(),
  /** The State Council's arrangement of `year` ships with Duban; if not, the office enters it from the notice. */
  yearShipped: z.boolean(),
  shippedYears: z.array(z.number().int()),
  /** The years the office's own days fall in. */
  officeYears: z.array(z.number().int()),
  days: z.array(listedDaySchema),
});

/**
 * PUT /api/settings/work-calendar: the setting's shape only; the route then checks it against
 * calendarSettingsSchema and names the offending dates (which date is invalid, which is listed twice).
 */
export const calendarSettingsBody = z.object({
  basis: z.enum(['working', 'calendar']),
  shiftDeadlines: z.boolean(),
  days: z.array(z.object({ date: z.string().max(40), off: z.boolean(), name: z.string().max(200) })).max(2000),
});
