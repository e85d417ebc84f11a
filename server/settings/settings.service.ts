import { z } from 'zod';
import { channelSettingsSchema, DEFAULT_CHANNEL_SETTINGS, reminderScheduleSchema, type ChannelSettings } from '../../core/api/reminders';
import { calendarSettingsSchema } from '../../core/api/calendar';
import { periodScheduleSchema } from '../../core/api/reporting';
import { DEFAULT_PERIOD_SCHEDULE } from '../../core/reporting/period-schedule';
import { DEFAULT_CALENDAR_SETTINGS } from '../../core/calendar/work-calendar';
import { DEFAULT_EVIDENCE_REQUIREMENT, evidenceRequirementSchema } from '../../core/api/evidence';
import { DEFAULT_COMPLETENESS } from '../../core/reporting/completeness';
import { DEFAULT_THRESHOLDS } from '../../core/supervision/lights';
import { pasteMemorySchema } from '../../core/api/ledger-build';
import { EMPTY_PASTE_MEMORY } from '../../core/ledger/paste';
import { DEFAULT_REMINDER_SCHEDULE } from '../../core/supervision/reminders';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { sealChannelSecrets } from '../channels/channel-secrets';
import { channelHostProblems } from '../channels/channel-settings';
import { secretKey } from '../auth/secret-box';
import { AppError } from '../errors/app-error';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { staleVersion } from '../errors/stale-version';

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
  /** 已完成事项须上传佐证材料: submit refused while a completed item has no evidence (reporting/evidence-requirement.ts). */
  evidenceRequirement: { schema: evidenceRequirementSchema, defaultValue: DEFAULT_EVIDENCE_REQUIREMENT },
  /** What a report must hold before it goes to the head (core/reporting/completeness.ts). */
  reportCompleteness: { schema: z.object({ coUnitsMayLeaveBlank: z.boolean() }), defaultValue: DEFAULT_COMPLETENESS },
  /** 粘贴导入: which pasted column is which field, remembered for the whole office (core/ledger/paste.ts). */
  ledgerPasteMapping: { schema: pasteMemorySchema, defaultValue: EMPTY_PASTE_MEMORY },
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
  return (await getVersionedSetting(db, orgId, key)).value;
}

/**
 * The setting and its version (issue 17, finding 11): the office's forms send the version back with
 * a change, so a save over someone else's newer one is refused. 0 while nothing is stored.
 */
export async function getVersionedSetting<K extends SettingKey>(db: Db, orgId: number, key: K): Promise<{ value: SettingValue<K>; version: number }> {
  const row = await db.selectFrom('settings').select(['value_json', 'version']).where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
  if (!row) return { value: SETTINGS[key].defaultValue as SettingValue<K>, version: 0 };
  const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value_json));
  return { value: (parsed.success ? parsed.data : SETTINGS[key].defaultValue) as SettingValue<K>, version: row.version };
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

/**
 * How a save treats someone else's save since: an office form names the version it loaded and is
 * refused (STALE_VERSION) if another save came first; 'last-write-wins' is only for what the app
 * remembers by itself (the paste dialog's column mapping), which nobody edits as a record.
 */
export type SaveCondition = { loadedVersion: number } | 'last-write-wins';

export async function putSetting<K extends SettingKey>(ctx: AppContext, actor: Actor, orgId: number, key: K, value: SettingValue<K>, condition: SaveCondition) {
  let stored: unknown = value;
  if (key === 'channels') {
    // Outgoing hosts are the deployment's to allow, never the office's (channels/outbound-host.ts);
    // the secrets are stored sealed (channels/channel-secrets.ts).
    const problems = channelHostProblems(value as ChannelSettings, ctx.config);
    if (problems.length) {
      const detail = problems.join('；');
      throw new AppError('VALIDATION_FAILED', { zh: detail, en: 'an outgoing channel host is not allowed by this deployment (DUBAN_CHANNEL_HOSTS)' });
    }
    stored = sealChannelSecrets(secretKey(ctx.config), value as ChannelSettings);
  }
  await inTransaction(ctx, async (trx) => {
    const before = await getSetting(trx, orgId, key);
    const row = { value_json: JSON.stringify(stored), updated_by_name: actor.name, updated_at: new Date().toISOString() };
    if (condition === 'last-write-wins') {
      await trx
        .insertInto('settings')
        .values({ org_id: orgId, key, ...row })
        .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet((eb) => ({ ...row, version: eb('settings.version', '+', 1) })))
        .execute();
    } else if (!(await saveAtVersion(trx, orgId, key, row, condition.loadedVersion))) {
      throw staleVersion({ zh: `设置“${SETTING_LABELS[key]}”`, en: `the setting ${key}` });
    }
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'setting.update', entity: 'setting', entityId: key, before: auditView(key, before), after: auditView(key, value) });
  });
}

/** Writes the row only if it is still at the loaded version (0: none stored yet); false when someone saved first. */
async function saveAtVersion(trx: Db, orgId: number, key: SettingKey, row: { value_json: string; updated_by_name: string; updated_at: string }, loadedVersion: number) {
  const saved =
    loadedVersion === 0
      ? await trx
          .insertInto('settings')
          .values({ org_id: orgId, key, ...row })
          .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
          .returning('version')
          .executeTakeFirst()
      : await trx
          .updateTable('settings')
          .set((eb) => ({ ...row, version: eb('version', '+', 1) }))
          .where('org_id', '=', orgId)
          .where('key', '=', key)
          .where('version', '=', loadedVersion)
          .returning('version')
          .executeTakeFirst();
  return saved !== undefined;
}

/** The settings by the names the office's pages give them, for the refusal's message. */
const SETTING_LABELS: Record<SettingKey, string> = {
  lightThresholds: '红黄绿灯阈值',
  reminderSchedule: '提醒时间',
  channels: '通知渠道',
  periodSchedule: '报送期自动开启/关闭',
  workCalendar: '工作日历',
  evidenceRequirement: '佐证材料',
  reportCompleteness: '报告完整性',
  ledgerPasteMapping: '粘贴导入列对应',
};
