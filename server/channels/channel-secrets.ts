import type { ChannelSettings } from '../../core/api/reminders';
import { openSecret, sealSecret, secretKey } from '../auth/secret-box';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';

/**
 * The channel secrets — the SMTP password and the DingTalk signing secret — are stored sealed
 * like the TOTP seeds (auth/secret-box.ts: AES-256-GCM under DUBAN_SECRET_KEY or the data
 * directory's key file), so the settings row and every backup hold nothing usable of them
 * (issue 17 finding 8). They are opened only by the sender, just before a message goes out.
 *
 * Values stored before sealing existed are sealed by sealStoredChannelSecrets when a context
 * opens (the server, the CLI), not by a numbered migration: migrations see the database only,
 * never the key, which must stay out of the database. Until then openSecret reads a plain value
 * as it is, so nothing stops working in between.
 */
type Key = Buffer;

/** Sealed with this key (a plain value that happens to start like a sealed one does not open). */
function isSealed(key: Key, value: string): boolean {
  if (!value.startsWith('v1.')) return false;
  try {
    openSecret(key, value);
    return true;
  } catch {
    return false;
  }
}

const seal = (key: Key, v: string) => (v === '' || isSealed(key, v) ? v : sealSecret(key, v));

export function sealChannelSecrets(key: Key, s: ChannelSettings): ChannelSettings {
  return {
    ...s,
    email: { ...s.email, password: seal(key, s.email.password) },
    dingtalk: { ...s.dingtalk, secret: seal(key, s.dingtalk.secret) },
  };
}

export function openChannelSecrets(key: Key, s: ChannelSettings): ChannelSettings {
  return {
    ...s,
    email: { ...s.email, password: s.email.password && openSecret(key, s.email.password) },
    dingtalk: { ...s.dingtalk, secret: s.dingtalk.secret && openSecret(key, s.dingtalk.secret) },
  };
}

type Stored = { email?: { password?: unknown }; dingtalk?: { secret?: unknown } } | null;

/** Seals every stored channel secret still in plain text; returns how many organisations' rows changed. */
export async function sealStoredChannelSecrets(ctx: Pick<AppContext, 'db' | 'config'>): Promise<number> {
  const db: Db = ctx.db;
  const rows = await db.selectFrom('settings').select(['org_id', 'value_json']).where('key', '=', 'channels').execute();
  let changed = 0;
  for (const row of rows) {
    let value: Stored;
    try {
      value = JSON.parse(row.value_json) as Stored;
    } catch {
      continue;
    }
    const secrets = [value?.email, value?.dingtalk].flatMap((part) =>
      Object.entries(part ?? {}).filter(([k, v]) => (k === 'password' || k === 'secret') && typeof v === 'string' && v !== ''),
    );
    // The key (and its file) is needed only when there is a secret to look at.
    if (secrets.length === 0) continue;
    const key = secretKey(ctx.config);
    let plain = false;
    if (value?.email && typeof value.email.password === 'string' && value.email.password && !isSealed(key, value.email.password)) {
      value.email.password = sealSecret(key, value.email.password);
      plain = true;
    }
    if (value?.dingtalk && typeof value.dingtalk.secret === 'string' && value.dingtalk.secret && !isSealed(key, value.dingtalk.secret)) {
      value.dingtalk.secret = sealSecret(key, value.dingtalk.secret);
      plain = true;
    }
    if (!plain) continue;
    await db
      .updateTable('settings')
      .set({ value_json: JSON.stringify(value) })
      .where('org_id', '=', row.org_id)
      .where('key', '=', 'channels')
      // Only if nobody saved in between (a save seals by itself).
      .where('value_json', '=', row.value_json)
      .execute();
    changed++;
  }
  return changed;
}
