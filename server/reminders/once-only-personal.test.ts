import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUnit, makeUser } from '../test/factories';
import { startServerProcess, type ServerProcess } from '../test/server-process';
import { startPlatformServer } from './platform-test-server';
import { makeNoticeWithPeriod } from './test-support';

/**
 * Once-only for messages to the person (issue 18), as once-only.test.ts does for the robots: two
 * real `duban serve` processes with the scheduler on, one database, a reminder day. Each reminder
 * reaches its named person once through the local WeCom-style endpoint; nobody reads it, and after
 * the unread delay (six seconds) exactly one SMS per reminder goes out through the local gateway.
 */
const UNITS = ['区发改局', '区财政局', '区交通运输局'];

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('messages to the person with two app processes on one database', () => {
  let db: TestDb;
  let platform: Awaited<ReturnType<typeof startPlatformServer>>;
  let a: ServerProcess | undefined, b: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    platform = await startPlatformServer({
      corpId: 'ww-once',
      corpSecret: 'once-secret',
      agentId: 1000009,
      appKey: 'unused',
      appSecret: 'unused',
      smsToken: 'once-sms-token',
      wecomUsers: UNITS.map((_, i) => `staff${i}`),
      dingtalkUsers: [],
    });
    const { DUBAN_DINGTALK_APP_KEY: _k, DUBAN_DINGTALK_APP_SECRET: _s, DUBAN_DINGTALK_AGENT_ID: _a, ...wecomAndSms } = platform.env;
    db = await createTestDb({ DUBAN_TODAY: '2024-06-28' });
    const orgId = (await makeOrg(db.ctx)).id;
    const unitIds: number[] = [];
    for (const [i, name] of UNITS.entries()) {
      const unitId = (await makeUnit(db.ctx, orgId, { name })).id;
      unitIds.push(unitId);
      const u = await makeUser(db.ctx, orgId, 'unit_staff', { unitId });
      await db.ctx.db.updateTable('users').set({ phone: `1390000000${i}` }).where('id', '=', u.id).execute();
      await db.ctx.db
        .insertInto('user_platform_identities')
        .values({ org_id: orgId, user_id: u.id, platform: 'wecom', external_id: `staff${i}` })
        .execute();
    }
    await makeNoticeWithPeriod(db.ctx, orgId, {
      deadline: '2024-07-01',
      tasks: unitIds.map((id) => ({ unitIds: [id], leaderIds: [] })),
    });
    env = {
      DUBAN_DEMO: 'off',
      DUBAN_SCHEDULER: 'on',
      DUBAN_LOG_LEVEL: 'info',
      DUBAN_TODAY: '2024-06-28',
      DUBAN_DATA_DIR: db.config.dataDir,
      DUBAN_CHANNEL_HOSTS: '127.0.0.1',
      DUBAN_SMS_UNREAD_MINUTES: '0.1',
      ...wecomAndSms,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await platform?.close();
    await db?.close();
  });

  const sent = async (channel: 'wecom_app' | 'sms') =>
    (await db.ctx.db.selectFrom('deliveries').select('status').where('channel', '=', channel).execute()).filter(
      (d) => d.status === 'sent',
    ).length;

  it('sends each reminder once to the person and, unread after the delay, one SMS each', async () => {
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    await until('the app messages sent', async () => (await sent('wecom_app')) === UNITS.length, 30_000);
    // The sender runs every 20 s; the unread delay is six seconds.
    await until('the SMS sent', async () => (await sent('sms')) === UNITS.length, 150_000);
    await new Promise((r) => setTimeout(r, 25_000)); // another pass of both senders
    const messages = platform.calls.filter((c) => c.path === '/cgi-bin/message/send').map((c) => String(c.body.touser));
    expect(messages.sort()).toEqual(UNITS.map((_, i) => `staff${i}`));
    const sms = platform.calls.filter((c) => c.path === '/sms').map((c) => JSON.stringify(c.body.phones));
    expect(sms.sort()).toEqual(UNITS.map((_, i) => JSON.stringify([`1390000000${i}`])));
    const rows = await db.ctx.db.selectFrom('deliveries').select(['reminder_id', 'channel']).execute();
    expect(rows.filter((r) => r.channel === 'sms').length).toBe(UNITS.length);
    expect(new Set(rows.filter((r) => r.channel === 'sms').map((r) => r.reminder_id)).size).toBe(UNITS.length);
    expect(a.output() + b.output()).not.toMatch(/reminder (sweep|sender) failed/);
  }, 240_000);
});
