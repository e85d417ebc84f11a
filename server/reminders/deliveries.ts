import { sql } from 'kysely';
import type { Channel, ChannelSettings } from '../../core/api/reminders';
import { enabledChannels, maskUrl } from '../channels/channel-settings';
import { openChannelSecrets } from '../channels/channel-secrets';
import { ChannelError } from '../channels/outbound-host';
import { CHANNEL_REGISTRY, senderOf, type SendConfig } from '../channels/registry';
import type { MessagingConfig } from '../config/messaging';
import { enqueueRecipients, sendToPeople } from './personal-messages';
import type { OutgoingMessage } from '../channels/webhooks';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import type { Selectable } from 'kysely';
import type { DeliveriesTable } from '../db/schema';
import { secretKey } from '../auth/secret-box';
import { getSetting } from '../settings/settings.service';
import type { Recipient } from './audience';

/**
 * The outbox of reminders and urges: one row per message and channel. Rows are written in the
 * transaction that records the reminder (so only the instance that recorded it enqueues them);
 * the sender claims due rows (PostgreSQL: FOR UPDATE SKIP LOCKED, so two instances never take
 * the same row; SQLite: one writer at a time), sends, and marks them sent, or schedules a retry
 * with backoff, or gives up as failed after MAX_ATTEMPTS. Delivery times are technical time.
 */
export const RETRY_BACKOFF_MINUTES = [1, 5, 30];
export const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;
/** A claimed row is someone's for this long; a sender that died mid-send frees it when it lapses. */
const LEASE_MS = 5 * 60_000;

export type Delivery = Selectable<DeliveriesTable>;
/** recipients: the named people of a message to the person (none for e-mail and the group robots). */
export type PlannedDelivery = { channel: Channel; target: string; recipients?: { userId: number; name: string }[] };

/**
 * The deliveries a message gets with these channel settings: e-mail only to people with an
 * address; a message to the person (WeCom 应用消息, DingTalk 工作通知) names every person, each
 * addressed through their platform identity when it is sent. The SMS is not planned here: it is
 * the fallback queued later for people who have not read (personal-messages.ts).
 */
export function deliveriesFor(settings: ChannelSettings, messaging: MessagingConfig, people: Recipient[]): PlannedDelivery[] {
  const out: PlannedDelivery[] = [];
  for (const channel of enabledChannels(settings, messaging)) {
    const sender = CHANNEL_REGISTRY[channel];
    if (sender.kind === 'personal') {
      if (sender.planned !== 'always' || people.length === 0) continue;
      out.push({
        channel,
        target: people.map((p) => p.name).join('、'),
        recipients: people.map((p) => ({ userId: p.userId, name: p.name })),
      });
    } else if (channel === 'email') {
      const to = [...new Set(people.map((p) => p.email).filter((e): e is string => !!e))];
      if (to.length) out.push({ channel, target: to.join(', ') });
    } else {
      out.push({
        channel,
        target: maskUrl(channel === 'wecom' ? settings.wecom.webhookUrl : settings.dingtalk.webhookUrl),
      });
    }
  }
  return out;
}

/** The text of the message on the outgoing channels. */
export function messageText(body: string, unitName: string, people: Recipient[]): string {
  const names = people.map((p) => p.name).join('、');
  return `${body}\n\n责任单位：${unitName}${names ? `\n通知对象：${names}` : ''}\n\n——区政府督查室（督办系统发送）`;
}

export async function enqueueDeliveries(
  trx: Db,
  orgId: number,
  link: { reminderId?: number | null; urgeId?: number | null },
  planned: PlannedDelivery[],
  msg: OutgoingMessage,
) {
  if (planned.length === 0) return;
  const now = new Date().toISOString();
  const rows = await trx
    .insertInto('deliveries')
    .values(
      planned.map((d) => ({
        org_id: orgId,
        reminder_id: link.reminderId ?? null,
        urge_id: link.urgeId ?? null,
        channel: d.channel,
        target: d.target,
        subject: msg.subject,
        body: msg.text,
        next_attempt_at: now,
        updated_at: now,
      })),
    )
    .returning(['id', 'channel'])
    .execute();
  await enqueueRecipients(trx, orgId, rows, planned);
}

/**
 * Takes up to `limit` due rows for this sender: attempts counted and a lease set, in one UPDATE.
 * PostgreSQL: the rows are picked FOR UPDATE SKIP LOCKED inside the transaction, so a concurrent
 * sender skips them instead of taking them too. SQLite: one statement is atomic and the database
 * has a single writer; no transaction is held open across an await (better-sqlite3 waits for a
 * lock synchronously, so a second connection in the same process must never wait on one).
 */
export async function claimDue(ctx: AppContext, now: Date, limit = 20): Promise<Delivery[]> {
  const at = now.toISOString();
  const claim = (db: Db) =>
    db
      .updateTable('deliveries')
      .set({
        attempts: sql<number>`attempts + 1`,
        next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
        updated_at: new Date().toISOString(),
      })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', at)
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit)
          .$if(ctx.engine === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      // The outer conditions again: on PostgreSQL a row another sender updated meanwhile is rechecked.
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .returningAll()
      .execute();
  if (ctx.engine === 'postgres') return ctx.db.transaction().execute((trx) => claim(trx));
  return claim(ctx.db);
}

async function deliver(ctx: AppContext, row: Delivery, settings: ChannelSettings, config: SendConfig) {
  const sender = senderOf(row.channel);
  if (!sender) throw new ChannelError('该通道不是本系统登记的外发通道，消息未发送；请联系系统管理员');
  if (!sender.enabled(settings, config.messaging))
    throw new ChannelError('该通道已关闭或设置不完整，请在“外发通道”设置中检查');
  const msg = { subject: row.subject, text: row.body };
  if (sender.kind === 'group') return sender.send({ target: row.target, msg }, settings, config);
  return sendToPeople(ctx, row, sender, msg, config);
}

/**
 * What the office sees of a failure (lastError): a ChannelError's category as it is; anything else
 * (a bug, an unexpected library error) only as a generic sentence, since its text may quote a reply.
 */
function failureText(e: unknown): string {
  return e instanceof ChannelError ? e.message : '发送失败（服务器内部错误），请稍后重试；多次失败请联系系统管理员';
}

export type SendOutcome = {
  id: number;
  channel: Channel;
  target: string;
  status: 'sent' | 'retry' | 'failed';
  attempts: number;
  error?: string;
};

async function settle(ctx: AppContext, row: Delivery, now: Date, error: string | null): Promise<SendOutcome> {
  const base = { id: row.id, channel: row.channel, target: row.target, attempts: row.attempts };
  const stamp = new Date().toISOString();
  if (error === null) {
    await ctx.db
      .updateTable('deliveries')
      .set({ status: 'sent', sent_at: stamp, last_error: null, updated_at: stamp })
      .where('id', '=', row.id)
      .execute();
    return { ...base, status: 'sent' };
  }
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  const next = new Date(now.getTime() + (RETRY_BACKOFF_MINUTES[row.attempts - 1] ?? 30) * 60_000).toISOString();
  await ctx.db
    .updateTable('deliveries')
    .set({
      status: giveUp ? 'failed' : 'pending',
      last_error: error.slice(0, 1000),
      next_attempt_at: giveUp ? stamp : next,
      updated_at: stamp,
    })
    .where('id', '=', row.id)
    .execute();
  return { ...base, status: giveUp ? 'failed' : 'retry', error };
}

/**
 * One sender pass: claims due rows and sends them, each channel on its own (a channel that hangs
 * or fails delays only its own rows). `now` is injectable so tests can step through the backoff.
 */
export async function sendDue(ctx: AppContext, opts: { now?: Date; maxRounds?: number } = {}): Promise<SendOutcome[]> {
  const now = opts.now ?? new Date();
  const outcomes: SendOutcome[] = [];
  const settingsCache = new Map<number, Promise<ChannelSettings>>();
  const settingsOf = (orgId: number) => {
    if (!settingsCache.has(orgId))
      settingsCache.set(
        orgId,
        getSetting(ctx.db, orgId, 'channels').then((s) => {
          try {
            return openChannelSecrets(secretKey(ctx.config), s);
          } catch {
            throw new ChannelError(
              '已保存的邮件密码或钉钉加签密钥无法用本服务器的密钥解开：请确认 DUBAN_SECRET_KEY（或数据目录的 secret.key）与保存时相同，或在“外发通道”设置中重新填写',
            );
          }
        }),
      );
    return settingsCache.get(orgId)!;
  };
  for (let round = 0; round < (opts.maxRounds ?? 10); round++) {
    const claimed = await claimDue(ctx, now);
    if (claimed.length === 0) break;
    const byChannel = new Map<Channel, Delivery[]>();
    for (const row of claimed) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
    await Promise.all(
      [...byChannel.values()].map(async (rows) => {
        for (const row of rows) {
          let error: string | null = null;
          if (row.attempts > MAX_ATTEMPTS) error = '发送中断：上次尝试时发送进程停止，已不再重试';
          else {
            try {
              await deliver(ctx, row, await settingsOf(row.org_id), ctx.config);
            } catch (e) {
              error = failureText(e);
            }
          }
          outcomes.push(await settle(ctx, row, now, error));
        }
      }),
    );
  }
  return outcomes;
}
