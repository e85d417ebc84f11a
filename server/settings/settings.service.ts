import { z } from 'zod';
import { channelSettingsSchema, DEFAULT_CHANNEL_SETTINGS, reminderScheduleSchema, type ChannelSettings } from '../../core/api/reminders';
import { calendarSettingsSchema } from '../../core/api/calendar';
import { periodScheduleSchema } from '../../core/api/reporting';
import { DEFAULT_PERIOD_SCHEDULE } from '../../core/reporting/period-schedule';
import { DEFAULT_CALENDAR_SETTINGS } from '../../core/calendar/work-calendar';
import { DEFAULT_THRESHOLDS } from '../../core/supervision/lights';
import { DEFAULT_REMINDER_SCHEDULE } from '../../core/supervision/reminders';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';

/**
 * Organisation settings the office changes in the app. Each key has a schema and a default that
 * works out of the box; a stored value that no longer fits its schema falls back to the default.
 */
export const SETTINGS = {
  lightThresholds: {
    schema: z
      .object({ yellowGap: z.number().min(0.01).max(1), redGap: z.number().min(0.01).max(1) })
      .refine((v) => v.redGap > v.yellowGap, { message: 'redGap must be larger than yellowGap' }),
    defaultValue: DEFAULT_THRESHOLDS,
  },
  /** Days before the deadline to remind, days after it to urge (催办). */
  reminderSchedule: { schema: reminderScheduleSchema, defaultValue: DEFAULT_REMINDER_SCHEDULE },
  /** The office's outgoing channels (SMTP, WeCom and DingTalk robots); holds secrets, audited masked. */
  channels: { schema: channelSettingsSchema, defaultValue: DEFAULT_CHANNEL_SETTINGS },
  /** When reporting periods open and close by themselves. */
  periodSchedule: { schema: periodScheduleSchema, defaultValue: DEFAULT_PERIOD_SCHEDULE },
  /** The working-day calendar: lateness basis, deadlines moved off days off, the office's own holidays. */
  workCalendar: { schema: calendarSettingsSchema, defaultValue: DEFAULT_CALENDAR_SETTINGS },
} as const;

/** What the audit log keeps of a setting: secrets reduced to whether they are set. */
function auditView(key: SettingKey, value: unknown): unknown {
  if (key !== 'channels') return value;
  const v = value as ChannelSettings;
  return {
    email: { ...v.email, password: v.email.password ? '(set)' : '' },
    wecom: { ...v.wecom, webhookUrl: v.wecom.webhookUrl ? '(set)' : '' },
    dingtalk: { ...v.dingtalk, webhookUrl: v.dingtalk.webhookUrl ? '(set)' : '', secret: v.dingtalk.secret ? '(set)' : '' },
  };
}

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: Db, orgId: number, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('settings').select('value_json').where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
  if (!row) return SETTINGS[key].defaultValue as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value_json));
  return (parsed.success ? parsed.data : SETTINGS[key].defaultValue) as SettingValue<K>;
}

/** The same setting of several organisations in one query (an upper level's roll-up over its districts). */
export async function getSettingOfOrgs<K extends SettingKey>(db: Db, orgIds: readonly number[], key: K): Promise<Map<number, SettingValue<K>>> {
  const rows = orgIds.length ? await db.selectFrom('settings').select(['org_id', 'value_json']).where('org_id', 'in', orgIds).where('key', '=', key).execute() : [];
  const stored = new Map(rows.map((r) => [r.org_id, r.value_json]));
  return new Map(
    orgIds.map((orgId) => {
      const json = stored.get(orgId);
      const parsed = json === undefined ? null : SETTINGS[key].schema.safeParse(JSON.parse(json));
      return [orgId, (parsed?.success ? parsed.data : SETTINGS[key].defaultValue) as SettingValue<K>];
    }),
  );
}

export async function putSetting<K extends SettingKey>(ctx: AppContext, actor: Actor, orgId: number, key: K, value: SettingValue<K>) {
  const before = await getSetting(ctx.db, orgId, key);
  await inTransaction(ctx, async (trx) => {
    const row = { value_json: JSON.stringify(value), updated_by_name: actor.name, updated_at: new Date().toISOString() };
    await trx
      .insertInto('settings')
      .values({ org_id: orgId, key, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'setting.update', entity: 'setting', entityId: key, before: auditView(key, before), after: auditView(key, value) });
  });
}
