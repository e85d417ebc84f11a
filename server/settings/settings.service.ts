import { z } from 'zod';
import { DEFAULT_THRESHOLDS } from '../../core/supervision/lights';
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
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;

export async function getSetting<K extends SettingKey>(db: Db, orgId: number, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('settings').select('value_json').where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
  if (!row) return SETTINGS[key].defaultValue as SettingValue<K>;
  const parsed = SETTINGS[key].schema.safeParse(JSON.parse(row.value_json));
  return (parsed.success ? parsed.data : SETTINGS[key].defaultValue) as SettingValue<K>;
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
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'setting.update', entity: 'setting', entityId: key, before, after: value });
  });
}
