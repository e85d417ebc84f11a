import { z } from 'zod';
import { calendarSettingsBody, calendarSettingsSchema, workCalendarViewSchema } from '../../../core/api/calendar';
import { SHIPPED_YEARS } from '../../../core/calendar/cn-holidays';
import { isShippedYear, listedDaysOfYear, officeYears } from '../../../core/calendar/listed-days';
import type { CalendarSettings } from '../../../core/calendar/work-calendar';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { withEditVersion } from '../../../core/api/common';
import { getVersionedSetting, putSetting } from '../../settings/settings.service';

const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The setting and one year's listed days (the business year unless asked for another). */
async function view(ctx: AppContext, orgId: number, year: number | undefined) {
  const { value: settings, version } = await getVersionedSetting(ctx.db, orgId, 'workCalendar');
  const y = year ?? Number(ctx.clock.today().slice(0, 4));
  return {
    settings,
    version,
    year: y,
    yearShipped: isShippedYear(y),
    shippedYears: [...SHIPPED_YEARS],
    officeYears: officeYears(settings),
    days: listedDaysOfYear(settings, y),
  };
}

/**
 * The body against calendarSettingsSchema, each problem said with the date it is about
 * (「2027-02-30：不是有效日期」, 「2027-10-01：同一日期只能设置一次」), so the office knows which row to fix.
 */
function checked(body: z.infer<typeof calendarSettingsBody>): CalendarSettings {
  const parsed = calendarSettingsSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  const add = (where: string, why: string) => {
    fields[where] = fields[where] ? `${fields[where]}；${why}` : why;
  };
  const said = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [top, index, field] = issue.path;
    if (top === 'days' && typeof index === 'number') {
      // One problem per field is enough: a malformed date is not also "not a valid date".
      if (said.has(`${index}.${String(field)}`)) continue;
      said.add(`${index}.${String(field)}`);
      const day = body.days[index];
      const where = day?.date.trim() ? day.date : `第${index + 1}项`;
      const why = issue.code === 'too_big' && field === 'name' ? '名称不能超过40个字' : issue.message;
      add(where, why);
    } else if (top === 'days') {
      const seen = new Set<string>();
      const twice = new Set(body.days.map((d) => d.date).filter((d) => seen.has(d) || !seen.add(d)));
      for (const date of twice) add(date, '同一日期只能设置一次，请删去重复的一行');
      if (twice.size === 0) add('days', issue.message);
    } else {
      add(issue.path.join('.') || 'body', issue.message);
    }
  }
  const summary = Object.entries(fields)
    .map(([k, m]) => `${k}：${m}`)
    .join('；');
  throw new AppError('VALIDATION_FAILED', { zh: summary, en: summary, fields });
}

export const calendarRoutes: Routes = (app, ctx) => {
  app.get('/api/settings/work-calendar', {
    config: { access: 'settings.read' },
    schema: {
      tags: ['settings'],
      summary:
        'The working-day calendar: lateness basis, deadlines moved off days off, and one year’s holidays and adjusted workdays (shipped or the office’s own)',
      querystring: yearQuery,
      response: { 200: workCalendarViewSchema },
    },
    handler: async (request) => view(ctx, actorOf(request).orgId, request.query.year),
  });

  app.put('/api/settings/work-calendar', {
    config: { access: 'settings.write' },
    schema: {
      tags: ['settings'],
      summary:
        'Change the working-day calendar, the office’s own days included (audited; refused if someone else saved since the version sent); answers with the year asked for',
      querystring: yearQuery,
      body: withEditVersion(calendarSettingsBody),
      response: { 200: workCalendarViewSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...body } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'workCalendar', checked(body), { loadedVersion: version });
      return view(ctx, actor.orgId, request.query.year);
    },
  });
};
