import { z } from 'zod';
import {
  bulkUrgeBody,
  bulkUrgeResultSchema,
  channelSettingsBody,
  channelSettingsSchema,
  channelSettingsViewSchema,
  reminderListSchema,
  reminderScheduleSchema,
  urgeBody,
  urgeResultSchema,
  urgeTallySchema,
} from '../../../core/api/reminders';
import { channelSettingsView, mergeChannelSettings } from '../../channels/channel-settings';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { listRecentReminders } from '../../reminders/reminders.repository';
import { urgeUnit } from '../../reminders/urge.service';
import { urgeTallies, urgeUnits } from '../../reminders/urge-bulk.service';
import { findPeriod } from '../../reporting/periods.repository';
import { withEditVersion, withVersion } from '../../../core/api/common';
import { getSetting, getVersionedSetting, putSetting } from '../../settings/settings.service';
import { flat } from '../settings/settings.routes';

const scheduleView = withVersion(z.object({ daysBefore: z.array(z.number()), urgeAfterDays: z.array(z.number()) }));

export const reminderRoutes: Routes = (app, ctx) => {
  app.get('/api/reminders', {
    config: { access: 'reminder.read' },
    schema: {
      tags: ['reminders'],
      summary: 'Recent reminders and urges with each channel’s delivery status, failures first',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: reminderListSchema },
    },
    handler: async (request) => ({
      items: await listRecentReminders(ctx.db, actorOf(request).orgId, request.query.limit),
    }),
  });

  app.post('/api/periods/:id/units/:unitId/urge', {
    config: { access: 'reminder.urge', recordScoped: true },
    schema: {
      tags: ['reminders'],
      summary: 'Urge a unit by hand (催办): urge record, in-app notice and every configured channel',
      params: z.object({ id: z.coerce.number().int().positive(), unitId: z.coerce.number().int().positive() }),
      body: urgeBody,
      response: { 200: urgeResultSchema },
    },
    handler: async (request) => {
      const period = await findPeriod(ctx.db, request.params.id);
      if (!period) throw new AppError('NOT_FOUND');
      request.authorize('reminder.urge', { orgId: period.org_id });
      const r = await urgeUnit(ctx, actorOf(request), period, request.params.unitId, request.body.message);
      return { urgeId: r.urgeId, notified: r.notified, deliveries: r.deliveries };
    },
  });

  app.post('/api/periods/:id/urges', {
    config: { access: 'reminder.urge', recordScoped: true },
    schema: {
      tags: ['reminders'],
      summary:
        'Urge several units at once (批量催办): one urge per unit, units that reported or are exempt skipped and listed; a repeated request (same requestKey) urges nobody twice',
      params: z.object({ id: z.coerce.number().int().positive() }),
      body: bulkUrgeBody,
      response: { 200: bulkUrgeResultSchema },
    },
    handler: async (request) => {
      const period = await findPeriod(ctx.db, request.params.id);
      if (!period) throw new AppError('NOT_FOUND');
      request.authorize('reminder.urge', { orgId: period.org_id });
      return urgeUnits(ctx, actorOf(request), period, request.body);
    },
  });

  app.get('/api/periods/:id/urges', {
    config: { access: 'reminder.read', recordScoped: true },
    schema: {
      tags: ['reminders'],
      summary: 'How many times each unit was urged in the period (by hand and automatically) and the last business day',
      params: z.object({ id: z.coerce.number().int().positive() }),
      response: { 200: urgeTallySchema },
    },
    handler: async (request) => {
      const period = await findPeriod(ctx.db, request.params.id);
      if (!period) throw new AppError('NOT_FOUND');
      request.authorize('reminder.read', { orgId: period.org_id });
      return { units: await urgeTallies(ctx, period) };
    },
  });

  app.get('/api/settings/reminder-schedule', {
    config: { access: 'reminder.settings' },
    schema: {
      tags: ['settings'],
      summary: 'Days before the deadline to remind and after it to urge',
      response: { 200: scheduleView },
    },
    handler: async (request) => flat(await getVersionedSetting(ctx.db, actorOf(request).orgId, 'reminderSchedule')),
  });

  app.put('/api/settings/reminder-schedule', {
    config: { access: 'reminder.settings' },
    schema: {
      tags: ['settings'],
      summary: 'Change the reminder schedule (audited; refused if someone else saved since the version sent)',
      body: withEditVersion(reminderScheduleSchema),
      response: { 200: scheduleView },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...value } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'reminderSchedule', value, { loadedVersion: version });
      return flat(await getVersionedSetting(ctx.db, actor.orgId, 'reminderSchedule'));
    },
  });

  app.get('/api/settings/channels', {
    config: { access: 'reminder.settings' },
    schema: {
      tags: ['settings'],
      summary: 'The outgoing channels (secrets masked)',
      response: { 200: withVersion(channelSettingsViewSchema) },
    },
    handler: async (request) => channelsView(await getVersionedSetting(ctx.db, actorOf(request).orgId, 'channels')),
  });

  app.put('/api/settings/channels', {
    config: { access: 'reminder.settings' },
    schema: {
      tags: ['settings'],
      summary:
        'Configure e-mail (SMTP), WeCom and DingTalk robots; a secret left out keeps the stored one (audited, masked; refused if someone else saved since the version sent)',
      body: withEditVersion(channelSettingsBody),
      response: { 200: withVersion(channelSettingsViewSchema) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...body } = request.body;
      const merged = mergeChannelSettings(await getSetting(ctx.db, actor.orgId, 'channels'), body);
      const parsed = channelSettingsSchema.safeParse(merged);
      if (!parsed.success) {
        const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError('VALIDATION_FAILED', { zh: detail, en: detail });
      }
      await putSetting(ctx, actor, actor.orgId, 'channels', parsed.data, { loadedVersion: version });
      return channelsView(await getVersionedSetting(ctx.db, actor.orgId, 'channels'));
    },
  });
};

/** The channels as the office sees them (secrets masked), with the version its form sends back. */
function channelsView(setting: Awaited<ReturnType<typeof getVersionedSetting<'channels'>>>) {
  return { ...channelSettingsView(setting.value), version: setting.version };
}
