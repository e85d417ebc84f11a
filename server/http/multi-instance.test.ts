import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL_SETTINGS } from '../../core/api/reminders';
import { systemActor } from '../audit/actor';
import { verifyAuditChain } from '../audit/audit.repository';
import { sha256 } from '../auth/tokens';
import { planReminders, type ReminderPlanItem } from '../reminders/sweep';
import { makeNoticeWithPeriod, startSmtpServer } from '../reminders/test-support';
import { putSetting } from '../settings/settings.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';
import { signInOver, type HttpClient } from '../test/http-client';
import { startServerProcess, type ServerProcess } from '../test/server-process';

/**
 * Scale-out (issue 8): two real `duban serve` processes on one database, as behind a load
 * balancer, with the scheduler on in both and the business clock on a reminder day. Sessions,
 * jobs and reports must behave as with one process. Reminder delivery on every channel, across a
 * restart and with racing senders, is covered in server/reminders/once-only.test.ts; here the
 * jobs are checked against what a single instance plans, per recipient (in the app and by e-mail).
 */
const TODAY = '2024-06-28'; // 3 days before the period's deadline: a "before_deadline" reminder day
const UNITS = 12;
const IDLE_MINUTES = 20; // not the default (30), so both processes must be reading the setting

type View = {
  report: { id: number; state: string; version: number; standing: { timeliness: string; lateDays: number | null } };
  items: { taskId: number; version: number; status: string; narrative: string }[];
};
type Failure = { error: { code: string } };
type Unit = { id: number; name: string; clerk: string; clerk2: string; head: string; clerkId: number; headId: number };

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What the sweeps logged as newly recorded (an empty sweep logs nothing). */
const recordedBy = (out: string) =>
  [...out.matchAll(new RegExp(`reminder sweep ${TODAY}: (\\d+) new of`, 'g'))].reduce((n, m) => n + Number(m[1]), 0);

describe('several app processes on one database', () => {
  let db: TestDb;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let a: ServerProcess, b: ServerProcess;
  let office: string;
  let periodId: number;
  let plan: ReminderPlanItem[];
  const units: Unit[] = [];

  beforeAll(async () => {
    db = await createTestDb({ DUBAN_TODAY: TODAY });
    smtp = await startSmtpServer({ user: 'duban', pass: 'pw' });
    const org = await makeOrg(db.ctx);
    office = (await makeUser(db.ctx, org.id, 'office')).username;
    const leader = (await makeLeader(db.ctx, org.id)).id;
    for (let i = 0; i < UNITS; i++) {
      const name = `扩容测试局${String(i + 1).padStart(2, '0')}`;
      const id = (await makeUnit(db.ctx, org.id, { name })).id;
      const clerk = await makeUser(db.ctx, org.id, 'unit_staff', { unitId: id });
      const clerk2 = await makeUser(db.ctx, org.id, 'unit_staff', { unitId: id });
      const head = await makeUser(db.ctx, org.id, 'unit_head', { unitId: id });
      units.push({
        id,
        name,
        clerk: clerk.username,
        clerk2: clerk2.username,
        head: head.username,
        clerkId: clerk.id,
        headId: head.id,
      });
      for (const u of [clerk, clerk2, head]) {
        await db.ctx.db
          .updateTable('users')
          .set({ email: `${u.username}@xz.gov.cn` })
          .where('id', '=', u.id)
          .execute();
      }
    }
    await putSetting(db.ctx, systemActor('test'), org.id, 'channels', {
      ...DEFAULT_CHANNEL_SETTINGS,
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        username: 'duban',
        password: 'pw',
        from: 'duban@xz.gov.cn',
      },
    }, { loadedVersion: 0 });
    // Each unit leads one task and co-operates on the next: two entries per report.
    ({ periodId } = await makeNoticeWithPeriod(db.ctx, org.id, {
      deadline: '2024-07-01',
      tasks: units.map((u, i) => ({ unitIds: [u.id, units[(i + 1) % UNITS]!.id], leaderIds: [leader] })),
    }));
    // What one instance would remind today, for comparison with what two of them did.
    plan = await planReminders(db.ctx);
    expect(plan.length).toBe(UNITS);

    const env = {
      DUBAN_DEMO: 'off',
      DUBAN_SCHEDULER: 'on',
      DUBAN_LOG_LEVEL: 'info', // the scheduler's sweep lines are info
      DUBAN_TODAY: TODAY,
      DUBAN_SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
      DUBAN_DATA_DIR: db.config.dataDir,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await db?.close();
  });

  const session = (c: HttpClient) => db.ctx.db.selectFrom('sessions').selectAll().where('id', '=', sha256(c.token));
  const setSession = (c: HttpClient, patch: { last_seen_at?: string; expires_at?: string }) =>
    db.ctx.db.updateTable('sessions').set(patch).where('id', '=', sha256(c.token)).execute();
  const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const me = (c: HttpClient, p: ServerProcess) => c.call<Failure>(p.url, 'GET', '/api/auth/me');
  // A 500 says nothing about its cause; the processes' error lines do. pino writes asynchronously,
  // so they may arrive a moment after the failed response.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await new Promise((r) => setTimeout(r, 500));
    const errors = (a.output() + b.output()).split('\n').filter((l) => /"level":(50|60)/.test(l));
    if (errors.length) console.error(`server errors:\n${errors.join('\n')}`);
  });

  it('signs in on one process and works on the other', async () => {
    const user = await signInOver(a.url, office);
    const created = await user.call(b.url, 'POST', '/api/units', { name: '区跨实例局' });
    expect(created.status).toBe(200);
    const listed = await user.call<{ items: { name: string }[] }>(a.url, 'GET', '/api/units');
    expect(listed.body.items.map((u) => u.name)).toContain('区跨实例局');

    // Signing out on B ends the session on A as well.
    expect((await user.call(b.url, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await me(user, a)).status).toBe(401);
  });

  it('applies the idle timeout and the absolute lifetime the same on every process', async () => {
    // The address the proxy forwards is the one recorded (the test connects from loopback).
    const s = await signInOver(a.url, office, { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect((await session(s).executeTakeFirstOrThrow()).ip).toBe('203.0.113.7');

    // Idle for one minute less than the limit: still signed in, and using it on B is activity A sees.
    await setSession(s, { last_seen_at: minutesAgo(IDLE_MINUTES - 1) });
    expect((await me(s, b)).status).toBe(200);
    expect(Date.parse((await session(s).executeTakeFirstOrThrow()).last_seen_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await me(s, a)).status).toBe(200);

    // Idle for one minute more: expired on whichever process sees it first, then gone for the other.
    const t = await signInOver(b.url, office);
    await setSession(s, { last_seen_at: minutesAgo(IDLE_MINUTES + 1) });
    await setSession(t, { last_seen_at: minutesAgo(IDLE_MINUTES + 1) });
    expect((await me(s, a)).body.error.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await me(t, b)).body.error.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await me(s, b)).body.error.code).toBe('AUTH_REQUIRED');
    expect((await me(t, a)).body.error.code).toBe('AUTH_REQUIRED');
    expect(await session(s).executeTakeFirst()).toBeUndefined();

    // The absolute lifetime: active a moment ago, but past its end.
    const u = await signInOver(a.url, office);
    await setSession(u, { expires_at: minutesAgo(1) });
    expect((await me(u, b)).body.error.code).toBe('AUTH_SESSION_EXPIRED');
    expect((await me(u, a)).body.error.code).toBe('AUTH_REQUIRED');
  });

  it('runs the reminder jobs in both processes as one instance would: each reminder once, each recipient told once', async () => {
    // Both schedulers sweep at start and send right after; between them they record exactly today's plan.
    const sent = async () =>
      (await db.ctx.db.selectFrom('deliveries').select('status').execute()).filter((d) => d.status === 'sent').length;
    await until('the start-up sweeps', () => recordedBy(a.output()) + recordedBy(b.output()) >= plan.length);
    await until('the e-mails', async () => (await sent()) >= plan.length);
    expect(recordedBy(a.output()) + recordedBy(b.output())).toBe(plan.length);
    const reminders = await db.ctx.db.selectFrom('reminders').select(['key', 'business_date']).orderBy('key').execute();
    expect(reminders.map((r) => r.key)).toEqual(plan.map((p) => p.key).sort());
    expect(new Set(reminders.map((r) => r.business_date))).toEqual(new Set([TODAY]));

    // The audience of a "before" reminder is the unit's clerks and head: three people, once each.
    const told = await db.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('kind', '=', 'reminder.before_deadline')
      .execute();
    const expected = plan.flatMap((p) => p.people.map((person) => `${person.userId} ${p.title}`)).sort();
    expect(expected.length).toBe(UNITS * 3);
    expect(told.map((n) => `${n.user_id} ${n.title}`).sort()).toEqual(expected);
    // One e-mail per reminder, to all three; so every address received exactly one.
    const deliveries = await db.ctx.db.selectFrom('deliveries').select(['reminder_id', 'channel', 'status']).execute();
    expect(deliveries.length).toBe(plan.length);
    expect(deliveries.every((d) => d.channel === 'email' && d.status === 'sent')).toBe(true);
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual(
      plan.flatMap((p) => p.people.map((person) => person.email!)).sort(),
    );
    expect(a.output() + b.output()).not.toMatch(/reminder (sweep|sender) failed/);
  });

  // On SQLite this holds because every transaction takes the write lock first (inTransaction).
  it(
    'keeps every report submitted concurrently through both processes, with the audit chain whole',
    async () => {
      const narrative = (u: Unit, taskId: number) => `${u.name}第${taskId}项：按序时推进，已完成年度目标的50%`;
      // Even units work through A, odd through B; each unit's second clerk and head use the other process.
      const via = (i: number): [ServerProcess, ServerProcess] => (i % 2 === 0 ? [a, b] : [b, a]);
      const people = await Promise.all(
        units.map(async (u, i) => {
          const [mine, other] = via(i);
          const [clerk, clerk2, head] = await Promise.all([
            signInOver(mine.url, u.clerk),
            signInOver(other.url, u.clerk2),
            signInOver(other.url, u.head),
          ]);
          return { clerk, clerk2, head };
        }),
      );
      const auditBefore = (await verifyAuditChain(db.ctx.db)).checked;

      const done = await Promise.all(
        units.map(async (u, i) => {
          const [mine, other] = via(i);
          const { clerk, clerk2, head } = people[i]!;
          // Two clerks open the unit's report at the same moment, one on each process: one report.
          const [opened, opened2] = await Promise.all([
            clerk.call<View>(mine.url, 'POST', `/api/periods/${periodId}/reports/mine`),
            clerk2.call<View>(other.url, 'POST', `/api/periods/${periodId}/reports/mine`),
          ]);
          expect([opened.status, opened2.status]).toEqual([200, 200]);
          expect(opened2.body.report.id).toBe(opened.body.report.id);
          const report = opened.body.report;
          expect(opened.body.items.length).toBe(2);
          await Promise.all(
            opened.body.items.map(async (item) => {
              const saved = await clerk.call(mine.url, 'PUT', `/api/reports/${report.id}/tasks/${item.taskId}`, {
                version: item.version,
                status: 'on_track',
                narrative: narrative(u, item.taskId),
                problems: '',
                nextSteps: '',
                actuals: [],
              });
              expect(saved).toEqual({ status: 200, body: { version: item.version + 1 } });
            }),
          );
          const submitted = await clerk.call<View>(mine.url, 'POST', `/api/reports/${report.id}/submit`, {
            version: report.version,
          });
          expect(submitted.body.report.state).toBe('pending_head');
          const approved = await head.call<View>(other.url, 'POST', `/api/reports/${report.id}/approve`, {
            version: submitted.body.report.version,
          });
          expect(approved.body.report).toMatchObject({ state: 'submitted', standing: { timeliness: 'on_time', lateDays: 0 } });
          return { unit: u, reportId: report.id, taskIds: opened.body.items.map((it) => it.taskId) };
        }),
      );

      // Through both processes, the office sees every report submitted with every entry.
      const reviewer = await signInOver(a.url, office);
      for (const p of [a, b]) {
        const rows = await reviewer.call<{ items: { unit: { id: number }; reportId: number; standing: { kind: string } }[] }>(
          p.url,
          'GET',
          `/api/periods/${periodId}/reports`,
        );
        expect(rows.body.items.map((r) => [r.unit.id, r.reportId, r.standing.kind]).sort()).toEqual(
          done.map((d) => [d.unit.id, d.reportId, 'reached']).sort(),
        );
        for (const d of done) {
          const view = await reviewer.call<View>(p.url, 'GET', `/api/reports/${d.reportId}`);
          expect(view.body.items.map((it) => [it.taskId, it.status, it.narrative, it.version]).sort()).toEqual(
            d.taskIds.map((id) => [id, 'on_track', narrative(d.unit, id), 2]).sort(),
          );
        }
      }

      // And in the database: one report per unit, approved by its head, every entry saved once.
      const reports = await db.ctx.db
        .selectFrom('unit_reports')
        .selectAll()
        .where('period_id', '=', periodId)
        .execute();
      expect(reports.length).toBe(UNITS);
      for (const d of done) {
        const r = reports.find((x) => x.id === d.reportId)!;
        expect(r).toMatchObject({
          unit_id: d.unit.id,
          state: 'submitted',
          submitted_by: d.unit.clerkId,
          approved_by: d.unit.headId,
        });
      }
      const entries = await db.ctx.db
        .selectFrom('task_progress')
        .select(['report_id', 'task_id', 'narrative', 'version'])
        .where(
          'report_id',
          'in',
          done.map((d) => d.reportId),
        )
        .execute();
      expect(entries.length).toBe(UNITS * 2);
      expect(entries.every((e) => e.version === 2)).toBe(true);

      // Concurrent writers on two processes appended to one unbroken hash chain, nothing lost or doubled.
      const chain = await verifyAuditChain(db.ctx.db);
      expect(chain).toMatchObject({ ok: true, firstBrokenSeq: null });
      const actions = await db.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('seq', '>', auditBefore)
        .where('action', 'in', ['report.create', 'progress.save', 'report.submit', 'report.approve'])
        .execute();
      const count = (action: string) => actions.filter((x) => x.action === action).length;
      expect([count('report.create'), count('progress.save'), count('report.submit'), count('report.approve')]).toEqual(
        [UNITS, UNITS * 2, UNITS, UNITS],
      );
      // Each head was told once of the report awaiting approval, the office once per approved report.
      const reportNotes = await db.ctx.db
        .selectFrom('notifications')
        .select(['user_id', 'title'])
        .where('kind', '=', 'report')
        .execute();
      expect(reportNotes.length).toBe(UNITS * 2);
      expect(new Set(reportNotes.map((n) => `${n.user_id} ${n.title}`)).size).toBe(UNITS * 2);
      // The next sweep, in whichever process, has no one left to remind.
      expect(await planReminders(db.ctx)).toEqual([]);
    },
  );
});
