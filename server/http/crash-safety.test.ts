import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNoticeText } from '../../core/notice';
import { verifyAuditChain } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { makeNoticeWithPeriod } from '../reminders/test-support';
import { findPeriod } from '../reporting/periods.repository';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { checkImports, type SentImport } from '../test/crash-checks';
import { runReportCrashRounds } from '../test/crash-reports';
import {
  crashRounds,
  importOver,
  inspector,
  numberedSeed,
  outcomeOf,
  sleep,
  sqliteIntegrity,
  startServer,
  stratifiedKillPoint,
  type Inspect,
} from '../test/crash-support';
import { createTestDb, testEngine, type TestDb } from '../test/db';
import { makeLeader, makeOrg, makeUnit, makeUser, fillBlankEntries } from '../test/factories';
import { signInOver } from '../test/http-client';
import type { ServerProcess } from '../test/server-process';

/**
 * Crash safety (issue 9): a real `duban serve` is SIGKILLed in the middle of notice imports and
 * of report work, many times, and restarted on the same database. After each restart nothing is
 * half-written, nothing acknowledged (a 2xx received) is lost, the audit chain verifies and the
 * work goes on. CRASH_ROUNDS raises the number of kills per scenario: the default (5) keeps each
 * engine's run near a minute on two cores, as every restart of `duban serve` costs ~3 s of CPU.
 */
const ROUNDS = crashRounds(5);
// Uploads and sign-ins are not what is tested here; the per-address limits would only add noise.
const ENV = { DUBAN_RATE_LIMIT_UPLOADS: '0', DUBAN_RATE_LIMIT_SIGN_IN: '0' };

type ImportBody = { noticeId: number; created: boolean; tasks: number };

describe(`crash safety under SIGKILL (${testEngine})`, () => {
  let db: TestDb;
  let inspect: Inspect;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    db = await createTestDb();
    inspect = await inspector(db);
  });
  afterAll(async () => {
    await server?.kill();
    await db?.close();
  });

  const kill = () => server!.kill();
  async function restart() {
    await server?.kill();
    server = await startServer(db, ENV);
    return server.url;
  }
  async function checkStorage(ctx: AppContext) {
    if (ctx.engine === 'sqlite') expect(await sqliteIntegrity(ctx.db)).toBe('ok');
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true, reason: null });
  }

  it('keeps every notice whole and every acknowledged import through kills mid-import', async () => {
    const officeName = await inspect(async (ctx) => (await makeUser(ctx, (await makeOrg(ctx)).id, 'office')).username);
    const expectedTasks = parseNoticeText(numberedSeed(0).text).stats.tasks;
    const sent: SentImport[] = [];
    let nextDoc = 100;

    let url = await restart();
    const office = await signInOver(url, officeName);
    const fire = (what: SentImport['what'], doc: ReturnType<typeof numberedSeed>, started: number) =>
      outcomeOf(
        importOver<ImportBody>(office, url, {
          fileName: `${doc.docNumber}.txt`,
          text: doc.text,
          options: what === 'reimport' ? { update: true } : undefined,
        }),
      ).then((outcome) => {
        const s: SentImport = { what, docNumber: doc.docNumber, outcome, atMs: Date.now() - started };
        sent.push(s);
        return s;
      });
    // What is in flight at each kill: two new notices and a re-import of the first one.
    const reference = numberedSeed(nextDoc++);
    const batch = (started: number) =>
      Promise.all([
        fire('import', numberedSeed(nextDoc++), started),
        fire('import', numberedSeed(nextDoc++), started),
        fire('reimport', reference, started),
      ]);

    // The reference import, uninterrupted: every later notice (the same text) must be stored like it.
    const first = await fire('import', reference, Date.now());
    expect(first.outcome).toMatchObject({ kind: 'acked', body: { created: true, tasks: expectedTasks } });
    const referenceId = (first.outcome as { body: ImportBody }).body.noticeId;
    const check = () =>
      inspect(async (ctx) => {
        await checkStorage(ctx);
        return checkImports(ctx.db, { referenceId, expectedTasks, sent });
      });
    await check();
    // One batch uninterrupted measures the window the kills are spread over.
    const t0 = Date.now();
    expect((await batch(t0)).map((s) => s.outcome.kind)).toEqual(['acked', 'acked', 'acked']);
    const windowMs = Date.now() - t0;

    const killPoints: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const killAt = stratifiedKillPoint(round, ROUNDS, windowMs * 1.1);
      killPoints.push(killAt);
      const inFlight = batch(Date.now());
      await sleep(killAt);
      await kill();
      // Before the kill every request is answered 2xx: a refusal would be a failure, not the crash.
      expect((await inFlight).filter((s) => s.outcome.kind === 'refused')).toEqual([]);
      url = await restart();
      await check();
    }

    // After the last restart the work goes on: one more import, acknowledged.
    expect((await fire('import', numberedSeed(nextDoc++), Date.now())).outcome).toMatchObject({
      kind: 'acked',
      body: { tasks: expectedTasks },
    });
    const { committedUnanswered } = await check();

    const cut = sent.filter((s) => s.outcome.kind === 'cut');
    console.log(
      `[crash-safety ${testEngine}] import: ${ROUNDS} kills at ${killPoints.join(',')} ms into a ${windowMs} ms batch ` +
        `(2 imports + 1 re-import of the ${expectedTasks}-task seed); ${sent.length - cut.length} acknowledged imports/re-imports checked, ` +
        `${cut.length} cut by the kill, of which ${committedUnanswered} had committed`,
    );
  }, 300_000);

  it('keeps every report valid and every acknowledged save and transition through kills mid-work', async () => {
    const r = await runReportCrashRounds({ inspect, rounds: ROUNDS, kill, restart, checkStorage });
    console.log(
      `[crash-safety ${testEngine}] reports: ${ROUNDS} kills at ${r.killPoints.join(',')} ms into a ${r.windowMs} ms stretch of work; ` +
        `${r.acknowledged.saves} acknowledged saves and ${r.acknowledged.transitions} acknowledged moves checked, ` +
        `${r.cut} cut by the kill, ${r.refused} refused by a race (409)`,
    );
  }, 300_000);

  // Found by the kills above on PostgreSQL: a save whose route read the report just before a
  // submit committed was written into the submitted report. Here the race is made deterministic:
  // the save gets the report as read before the submit.
  it('refuses a save over a report submitted after the route read it', async () => {
    await inspect(async (ctx) => {
      const org = await makeOrg(ctx);
      const unitId = (await makeUnit(ctx, org.id)).id;
      const leaderId = (await makeLeader(ctx, org.id)).id;
      const clerk = await makeUser(ctx, org.id, 'unit_staff', { unitId });
      const actor = {
        userId: clerk.id,
        name: '经办人',
        orgId: org.id,
        role: 'unit_staff' as const,
        unitId,
        leaderId: null,
      };
      const { periodId } = await makeNoticeWithPeriod(ctx, org.id, {
        deadline: '2024-07-01',
        tasks: [{ unitIds: [unitId], leaderIds: [leaderId] }],
      });
      const readBySave = await openReport(ctx, actor, (await findPeriod(ctx.db, periodId))!, unitId);
      const entry = await ctx.db
        .selectFrom('task_progress')
        .selectAll()
        .where('report_id', '=', readBySave.id)
        .executeTakeFirstOrThrow();
      await fillBlankEntries(ctx.db, readBySave.id);
      await transitionReport(ctx, actor, readBySave, 'submit', { version: readBySave.version });
      const save = saveProgress(ctx, actor, readBySave, entry.task_id, {
        version: 1,
        status: 'on_track',
        narrative: '提交后改写',
        problems: '',
        nextSteps: '',
        actuals: [],
      });
      await expect(save).rejects.toMatchObject({ code: 'REPORT_WRONG_STATE' });
      expect(
        await ctx.db
          .selectFrom('task_progress')
          .select(['version', 'narrative'])
          .where('id', '=', entry.id)
          .executeTakeFirst(),
      ).toEqual({ version: 1, narrative: '按计划推进中。' });
      expect((await findReport(ctx.db, readBySave.id))!.state).toBe('pending_head');
    });
  });
});
