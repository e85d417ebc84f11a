import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { putSetting } from '../settings/settings.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';
import { startServerProcess, type ServerProcess } from '../test/server-process';
import { openContext } from '../context';
import { enqueueDeliveries, sendDue } from './deliveries';
import { sweepReminders } from './sweep';
import { makeNoticeWithPeriod, startRobotServer, startSmtpServer } from './test-support';

/**
 * Once-only delivery with several instances: two real `duban serve` processes with the scheduler
 * on, on one database, the business clock on a reminder day. Both sweep at start; after they (and
 * a restart of one, and a sweep from this process) are done, every reminder went out exactly once
 * on every channel.
 */
const SECRET = 'once-only-secret';
const UNITS = ['区发改局', '区财政局', '区交通运输局'];

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('reminders with two app processes on one database', () => {
  let db: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robots: Awaited<ReturnType<typeof startRobotServer>>;
  let a: ServerProcess | undefined, b: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await createTestDb({ DUBAN_TODAY: '2024-06-28' });
    smtp = await startSmtpServer({ user: 'duban', pass: 'pw' });
    robots = await startRobotServer(SECRET);
    const org = await makeOrg(db.ctx);
    const leader = (await makeLeader(db.ctx, org.id, '丁力')).id;
    const unitIds: number[] = [];
    for (const [i, name] of UNITS.entries()) {
      const unitId = (await makeUnit(db.ctx, org.id, { name })).id;
      unitIds.push(unitId);
      const u = await makeUser(db.ctx, org.id, 'unit_staff', { unitId });
      await db.ctx.db
        .updateTable('users')
        .set({ email: `staff${i}@xz.gov.cn` })
        .where('id', '=', u.id)
        .execute();
    }
    await makeNoticeWithPeriod(db.ctx, org.id, {
      deadline: '2024-07-01',
      tasks: unitIds.map((id) => ({ unitIds: [id], leaderIds: [leader] })),
    });
    await putSetting(db.ctx, systemActor('test'), org.id, 'channels', {
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        username: 'duban',
        password: 'pw',
        from: 'duban@xz.gov.cn',
      },
      wecom: { enabled: true, webhookUrl: `${robots.url}/wecom?key=k1` },
      dingtalk: { enabled: true, webhookUrl: `${robots.url}/dingtalk?access_token=t1`, secret: SECRET },
    }, { loadedVersion: 0 });
    env = {
      DUBAN_DEMO: 'off',
      DUBAN_SCHEDULER: 'on',
      DUBAN_LOG_LEVEL: 'info',
      DUBAN_TODAY: '2024-06-28', // 3 days before the deadline
      DUBAN_DATA_DIR: db.config.dataDir,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await robots?.close();
    await db?.close();
  });

  const sentCount = async () =>
    (await db.ctx.db.selectFrom('deliveries').select('status').execute()).filter((d) => d.status === 'sent').length;

  const expectEachOnce = async () => {
    const reminders = await db.ctx.db.selectFrom('reminders').select(['id', 'key']).execute();
    expect(reminders.length).toBe(UNITS.length);
    const deliveries = await db.ctx.db.selectFrom('deliveries').select(['reminder_id', 'channel', 'status']).execute();
    expect(deliveries.length).toBe(UNITS.length * 3);
    for (const r of reminders) {
      expect(
        deliveries
          .filter((d) => d.reminder_id === r.id)
          .map((d) => d.channel)
          .sort(),
      ).toEqual(['dingtalk', 'email', 'wecom']);
    }
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    expect(smtp.mails.map((m) => m.to.join()).sort()).toEqual(UNITS.map((_, i) => `staff${i}@xz.gov.cn`));
    for (const path of ['/wecom', '/dingtalk']) {
      const calls = robots.accepted.filter((c) => c.path === path).map((c) => JSON.stringify(c.body));
      expect(calls.length).toBe(UNITS.length);
      for (const unit of UNITS) expect(calls.filter((c) => c.includes(`${unit}：`)).length).toBe(1);
    }
    expect(robots.refused).toEqual([]);
    const notes = await db.ctx.db.selectFrom('notifications').select('user_id').execute();
    expect(notes.length).toBe(UNITS.length);
  };

  it('delivers each reminder exactly once per channel, across instances and a restart', async () => {
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    await until('all deliveries sent', async () => (await sentCount()) === UNITS.length * 3);
    // Give both schedulers time to run their start-up sweep and a send pass or two.
    await new Promise((r) => setTimeout(r, 2_000));
    await expectEachOnce();
    // Both processes swept; between them they recorded each reminder once.
    const recordedBy = (out: string) =>
      [...out.matchAll(/reminder sweep 2024-06-28: (\d+) new of 3 planned/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(recordedBy(a.output()) + recordedBy(b.output())).toBe(UNITS.length);

    await a.stop();
    a = await startServerProcess(env);
    await new Promise((r) => setTimeout(r, 3_000));
    // A third sweeper (this process, as `duban remind` would) finds everything done.
    const again = await sweepReminders(db.ctx);
    expect(again).toMatchObject({
      today: '2024-06-28',
      planned: UNITS.length,
      recorded: [],
      alreadyDone: UNITS.length,
    });
    await expectEachOnce();
    expect(a.output() + b.output()).not.toMatch(/reminder (sweep|sender) failed/);
  }, 120_000);

  it('never lets two senders take the same delivery', async () => {
    const other = await openContext(db.config, { poolSize: 4 });
    try {
      const orgId = (await db.ctx.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
      const before = smtp.mails.length;
      for (let i = 0; i < 30; i++) {
        await enqueueDeliveries(db.ctx.db, orgId, {}, [{ channel: 'email', target: `race${i}@xz.gov.cn` }], {
          subject: `并发${i}`,
          text: '测试',
        });
      }
      const [x, y] = await Promise.all([sendDue(db.ctx), sendDue(other)]);
      expect([...x, ...y].filter((o) => o.status === 'sent').length).toBe(30);
      const subjects = smtp.mails.slice(before).map((m) => m.subject);
      expect(subjects.length).toBe(30);
      expect(new Set(subjects).size).toBe(30);
    } finally {
      await other.close();
    }
  }, 60_000);
});
