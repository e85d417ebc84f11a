import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../context';
import { createTestDb, testEngine, type TestDb } from '../test/db';
import { makeOrg, makeUnit, makeUser } from '../test/factories';
import { sendDue } from './deliveries';
import { escalateUnread, refreshReadStatus } from './personal-messages';
import { startPlatformServer } from './platform-test-server';
import { listRecentReminders } from './reminders.repository';
import { sweepReminders } from './sweep';
import { makeNoticeWithPeriod } from './test-support';

/**
 * Messages to the person (issue 18) through real local servers speaking the WeCom, DingTalk and
 * SMS-gateway endpoints: a reminder reaches each named person through their bound platform
 * identity; DingTalk's getsendresult tells who read it; after the unread delay one SMS goes to the
 * people who read it nowhere (also when two senders escalate at once); the office's list shows
 * sent / read / failed per person.
 */
const CREDS = {
  corpId: 'ww-test-corp',
  corpSecret: 'wecom-secret-0123',
  agentId: 1000002,
  appKey: 'ding-app-key',
  appSecret: 'ding-app-secret-0123',
  smsToken: 'sms-token-0123',
  wecomUsers: ['zhangsan', 'lisi'],
  dingtalkUsers: ['ding-zhang'],
};

describe('messages to the person: WeCom 应用消息, DingTalk 工作通知, SMS fallback', () => {
  let db: TestDb;
  let platform: Awaited<ReturnType<typeof startPlatformServer>>;
  let orgId: number;
  const people: Record<'zhang' | 'li' | 'wang', number> = { zhang: 0, li: 0, wang: 0 };

  const callsTo = (path: string) => platform.calls.filter((c) => c.path === path);

  beforeAll(async () => {
    platform = await startPlatformServer(CREDS);
    db = await createTestDb({ DUBAN_TODAY: '2024-06-28', DUBAN_SMS_UNREAD_MINUTES: '30', ...platform.env });
    orgId = (await makeOrg(db.ctx)).id;
    const unitId = (await makeUnit(db.ctx, orgId, { name: '区发改局' })).id;
    const names = { zhang: '张三', li: '李四', wang: '王五' } as const;
    const phones = { zhang: '13900000001', li: '13900000002', wang: '13900000003' } as const;
    for (const key of ['zhang', 'li', 'wang'] as const) {
      const u = await makeUser(db.ctx, orgId, 'unit_staff', { unitId });
      people[key] = u.id;
      await db.ctx.db.updateTable('users').set({ display_name: names[key], phone: phones[key] }).where('id', '=', u.id).execute();
    }
    // 张三 is bound on both platforms, 李四 on WeCom only, 王五 on neither.
    const bind = (userId: number, platformName: string, externalId: string) =>
      db.ctx.db.insertInto('user_platform_identities').values({ org_id: orgId, user_id: userId, platform: platformName, external_id: externalId }).execute();
    await bind(people.zhang, 'wecom', 'zhangsan');
    await bind(people.zhang, 'dingtalk', 'ding-zhang');
    await bind(people.li, 'wecom', 'lisi');
    await makeNoticeWithPeriod(db.ctx, orgId, { deadline: '2024-07-01', tasks: [{ unitIds: [unitId], leaderIds: [] }] });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    await platform?.close();
  });

  const recipientsOf = async (channel: string) => {
    const [item] = await listRecentReminders(db.ctx.db, orgId);
    const d = item!.deliveries.find((x) => x.channel === channel);
    return Object.fromEntries((d?.recipients ?? []).map((r) => [r.name, r.statusLabel]));
  };

  it('sends a WeCom 应用消息 and a DingTalk 工作通知 to the bound people, and fails the unbound one by one', async () => {
    const swept = await sweepReminders(db.ctx);
    expect(swept.recorded.length).toBe(1);
    const outcomes = await sendDue(db.ctx);
    expect(outcomes.map((o) => [o.channel, o.status]).sort()).toEqual([
      ['dingtalk_work', 'sent'],
      ['wecom_app', 'sent'],
    ]);
    const wecom = callsTo('/cgi-bin/message/send');
    expect(wecom.length).toBe(1);
    expect(wecom[0]!.body).toMatchObject({ touser: 'zhangsan|lisi', agentid: CREDS.agentId, msgtype: 'text' });
    expect(String((wecom[0]!.body.text as { content: string }).content)).toContain('区发改局');
    const ding = callsTo('/topapi/message/corpconversation/asyncsend_v2');
    expect(ding.length).toBe(1);
    expect(ding[0]!.body).toMatchObject({ agent_id: CREDS.agentId, userid_list: 'ding-zhang' });
    expect(await recipientsOf('wecom_app')).toEqual({ 张三: '已发送', 李四: '已发送', 王五: '失败' });
    expect(await recipientsOf('dingtalk_work')).toEqual({ 张三: '已发送', 李四: '失败', 王五: '失败' });
    // The access token was fetched once per platform and reused.
    expect(callsTo('/cgi-bin/gettoken').length).toBe(1);
    expect(callsTo('/gettoken').length).toBe(1);
  });

  it('records who read the 工作通知 as DingTalk getsendresult tells', async () => {
    expect(await refreshReadStatus(db.ctx)).toBe(0);
    platform.dingtalkRead.add('ding-zhang');
    expect(await refreshReadStatus(db.ctx)).toBe(1);
    expect(await recipientsOf('dingtalk_work')).toEqual({ 张三: '已读', 李四: '失败', 王五: '失败' });
  });

  it('sends one SMS, after the unread delay, to the people who read it nowhere — also with two senders at once', async () => {
    expect(await escalateUnread(db.ctx)).toEqual([]); // not 30 minutes yet
    const later = new Date(Date.now() + 31 * 60_000);
    const other = await openContext(db.config, { poolSize: 4 });
    try {
      // PostgreSQL: at the same time. SQLite: one after the other — better-sqlite3 waits for a lock
      // synchronously, so two connections of one process must not overlap (two processes may: once-only.test.ts).
      const [x, y] =
        testEngine === 'postgres'
          ? await Promise.all([escalateUnread(db.ctx, later), escalateUnread(other, later)])
          : [await escalateUnread(db.ctx, later), await escalateUnread(other, later)];
      expect([...x, ...y].length).toBe(1);
      expect(await escalateUnread(db.ctx, later)).toEqual([]);
      const sent = [...(await sendDue(db.ctx, { now: later })), ...(await sendDue(other, { now: later }))];
      expect(sent.filter((o) => o.channel === 'sms').map((o) => o.status)).toEqual(['sent']);
    } finally {
      await other.close();
    }
    const sms = callsTo('/sms');
    expect(sms.length).toBe(1);
    expect(sms[0]!.auth).toBe(`Bearer ${CREDS.smsToken}`);
    expect(sms[0]!.body).toMatchObject({
      phones: ['13900000002', '13900000003'],
      templateId: 'SMS_DUBAN_1',
      signature: '区督查室',
    });
    expect(await recipientsOf('sms')).toEqual({ 李四: '已发送', 王五: '已发送' });
  });
});
