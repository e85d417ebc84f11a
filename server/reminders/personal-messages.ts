import { sql } from 'kysely';
import { identitiesOfUsers } from '../auth/sso/platform-identities.repository';
import { ChannelError } from '../channels/outbound-host';
import { CHANNEL_REGISTRY, type ChannelSender, type SendConfig } from '../channels/registry';
import type { OutgoingMessage } from '../channels/webhooks';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { DEFAULT_CHANNEL_SETTINGS, type Channel } from '../../core/api/reminders';
import type { Delivery, PlannedDelivery } from './deliveries';

/**
 * Messages to the person (issue 18): WeCom 应用消息 and DingTalk 工作通知 to the named people of a
 * reminder or urge, each person addressed through the platform identity bound to their account,
 * and the SMS fallback for people who have not read it after DUBAN_SMS_UNREAD_MINUTES. Each person
 * has a delivery_recipients row: pending → sent → read, or failed (not bound, no phone, refused
 * by the platform). The outbox (deliveries.ts) still claims, retries and settles the delivery row.
 */
type PersonalSender = Extract<ChannelSender, { kind: 'personal' }>;

/** Read by DingTalk's getsendresult for this long after sending; later reads are not asked about. */
const READ_CHECK_DAYS = 3;

export async function enqueueRecipients(
  trx: Db,
  orgId: number,
  inserted: { id: number; channel: Channel }[],
  planned: PlannedDelivery[],
) {
  const now = new Date().toISOString();
  const values = inserted.flatMap((row, i) =>
    (planned[i]?.recipients ?? []).map((p) => ({
      org_id: orgId,
      delivery_id: row.id,
      user_id: p.userId,
      name: p.name,
      updated_at: now,
    })),
  );
  if (values.length) await trx.insertInto('delivery_recipients').values(values).execute();
}

const NOT_ADDRESSABLE: Record<PersonalSender['address'], string> = {
  wecom: '该账号未绑定企业微信成员，无法发送应用消息；请系统管理员在账号的平台身份中绑定',
  dingtalk: '该账号未绑定钉钉用户，无法发送工作通知；请系统管理员在账号的平台身份中绑定',
  phone: '该账号未登记手机号，无法发送短信；请在账号资料中填写手机号',
};

async function addressesOf(db: Db, address: PersonalSender['address'], userIds: number[]): Promise<Map<number, string>> {
  if (address !== 'phone') return identitiesOfUsers(db, address, userIds);
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'phone']).where('id', 'in', userIds).execute();
  return new Map(rows.filter((r) => r.phone && r.phone.trim()).map((r) => [r.id, r.phone!.trim()]));
}

/**
 * Sends one claimed delivery row to its still pending people. People without an address are
 * failed on their own; if nobody can be addressed the row fails (ChannelError) and is retried by
 * the outbox like any other failure.
 */
export async function sendToPeople(
  ctx: AppContext,
  row: Delivery,
  sender: PersonalSender,
  msg: OutgoingMessage,
  config: SendConfig,
): Promise<void> {
  const people = await ctx.db
    .selectFrom('delivery_recipients')
    .select(['id', 'user_id'])
    .where('delivery_id', '=', row.id)
    .where('status', '=', 'pending')
    .execute();
  if (people.length === 0) return;
  const addresses = await addressesOf(ctx.db, sender.address, people.map((p) => p.user_id));
  const stamp = () => new Date().toISOString();
  const unaddressed = people.filter((p) => !addresses.has(p.user_id));
  if (unaddressed.length) {
    await ctx.db
      .updateTable('delivery_recipients')
      .set({ status: 'failed', error: NOT_ADDRESSABLE[sender.address], updated_at: stamp() })
      .where('id', 'in', unaddressed.map((p) => p.id))
      .execute();
  }
  const addressed = people.filter((p) => addresses.has(p.user_id));
  if (addressed.length === 0) throw new ChannelError(`通知对象均无法送达：${NOT_ADDRESSABLE[sender.address]}`);
  const ids = [...new Set(addressed.map((p) => addresses.get(p.user_id)!))];
  const receipt = await sender.send(ids, msg, config);
  const failed = new Set(receipt.failed);
  for (const p of addressed) {
    const externalId = addresses.get(p.user_id)!;
    await ctx.db
      .updateTable('delivery_recipients')
      .set({
        external_id: externalId,
        status: failed.has(externalId) ? 'failed' : 'sent',
        error: failed.has(externalId) ? '平台未能送达此人（不在应用可见范围或账号无效）' : null,
        updated_at: stamp(),
      })
      .where('id', '=', p.id)
      .execute();
  }
  if (receipt.remoteId) await ctx.db.updateTable('deliveries').set({ remote_id: receipt.remoteId }).where('id', '=', row.id).execute();
}

/** Asks the platforms that tell (DingTalk getsendresult) who has read; records read and failed people. */
export async function refreshReadStatus(ctx: AppContext, now = new Date()): Promise<number> {
  const readable = (Object.keys(CHANNEL_REGISTRY) as Channel[]).filter((c) => {
    const s = CHANNEL_REGISTRY[c];
    // Messages to the person are turned on by the deployment's credentials, not the office's settings.
    return s.kind === 'personal' && !!s.readStatus && s.enabled(DEFAULT_CHANNEL_SETTINGS, ctx.config.messaging);
  });
  if (readable.length === 0) return 0;
  const since = new Date(now.getTime() - READ_CHECK_DAYS * 86_400_000).toISOString();
  const rows = await ctx.db
    .selectFrom('deliveries')
    .select(['id', 'channel', 'remote_id'])
    .where('channel', 'in', readable)
    .where('status', '=', 'sent')
    .where('remote_id', 'is not', null)
    .where('sent_at', '>=', since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('delivery_recipients as r')
          .select('r.id')
          .whereRef('r.delivery_id', '=', 'deliveries.id')
          .where('r.status', '=', 'sent'),
      ),
    )
    .execute();
  let changed = 0;
  for (const row of rows) {
    const sender = CHANNEL_REGISTRY[row.channel];
    if (sender.kind !== 'personal' || !sender.readStatus) continue;
    let status: { read: string[]; failed: string[] };
    try {
      status = await sender.readStatus(row.remote_id!, ctx.config);
    } catch {
      continue; // asked again at the next pass
    }
    const stamp = new Date().toISOString();
    if (status.read.length) {
      const r = await ctx.db
        .updateTable('delivery_recipients')
        .set({ status: 'read', read_at: stamp, updated_at: stamp })
        .where('delivery_id', '=', row.id)
        .where('status', '=', 'sent')
        .where('external_id', 'in', status.read)
        .executeTakeFirst();
      changed += Number(r.numUpdatedRows);
    }
    if (status.failed.length) {
      await ctx.db
        .updateTable('delivery_recipients')
        .set({ status: 'failed', error: '平台报告未能送达此人', updated_at: stamp })
        .where('delivery_id', '=', row.id)
        .where('status', '=', 'sent')
        .where('external_id', 'in', status.failed)
        .execute();
    }
  }
  return changed;
}

/**
 * Queues the SMS fallback: for each reminder or urge whose messages to the person were all
 * settled at least DUBAN_SMS_UNREAD_MINUTES ago, one SMS delivery to its people who have read on
 * no channel. Claimed in one transaction by setting escalated_at where it is still null, so two
 * processes (or two passes) never queue it twice; the SMS itself then goes through the outbox.
 */
export async function escalateUnread(ctx: AppContext, now = new Date()): Promise<number[]> {
  const sms = ctx.config.messaging.sms;
  if (!sms) return [];
  const cutoff = new Date(now.getTime() - sms.unreadMinutes * 60_000).toISOString();
  const appChannels = (Object.keys(CHANNEL_REGISTRY) as Channel[]).filter((c) => {
    const s = CHANNEL_REGISTRY[c];
    return s.kind === 'personal' && s.planned === 'always';
  });
  const candidates = await ctx.db
    .selectFrom('deliveries')
    .select(['id', 'org_id', 'reminder_id', 'urge_id', 'status', 'updated_at', 'subject', 'body'])
    .where('channel', 'in', appChannels)
    .where('escalated_at', 'is', null)
    .where('status', '!=', 'pending')
    .where('updated_at', '<=', cutoff)
    .orderBy('id')
    .limit(200)
    .execute();
  const queued: number[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = c.reminder_id !== null ? `r${c.reminder_id}` : c.urge_id !== null ? `u${c.urge_id}` : `d${c.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = await inTransaction(ctx, async (trx) => {
      const group = trx
        .selectFrom('deliveries')
        .select('id')
        .where('channel', 'in', appChannels)
        .$if(c.reminder_id !== null, (q) => q.where('reminder_id', '=', c.reminder_id))
        .$if(c.reminder_id === null && c.urge_id !== null, (q) => q.where('urge_id', '=', c.urge_id).where('reminder_id', 'is', null))
        .$if(c.reminder_id === null && c.urge_id === null, (q) => q.where('id', '=', c.id));
      const all = await group.select(['status', 'updated_at', 'escalated_at']).execute();
      // Wait until every message to the person of this notice is settled and old enough.
      if (all.some((d) => d.status === 'pending' || d.updated_at > cutoff)) return null;
      const stamp = new Date().toISOString();
      const claimed = await trx
        .updateTable('deliveries')
        .set({ escalated_at: stamp })
        .where('id', 'in', all.map((d) => d.id))
        .where('escalated_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== all.length) return null; // another process took it
      const people = await trx
        .selectFrom('delivery_recipients')
        .select(['user_id', 'name', sql<number>`max(case when status = 'read' then 1 else 0 end)`.as('read')])
        .where('delivery_id', 'in', all.map((d) => d.id))
        .groupBy(['user_id', 'name'])
        .orderBy('user_id')
        .execute();
      const unread = people.filter((p) => Number(p.read) === 0);
      if (unread.length === 0) return null;
      const row = await trx
        .insertInto('deliveries')
        .values({
          org_id: c.org_id,
          reminder_id: c.reminder_id,
          urge_id: c.urge_id,
          channel: 'sms',
          target: unread.map((p) => p.name).join('、'),
          subject: c.subject,
          body: c.body,
          next_attempt_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('delivery_recipients')
        .values(unread.map((p) => ({ org_id: c.org_id, delivery_id: row.id, user_id: p.user_id, name: p.name, updated_at: stamp })))
        .execute();
      return row.id;
    });
    if (id !== null) queued.push(id);
  }
  return queued;
}
