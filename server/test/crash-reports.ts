import { expect } from 'vitest';
import type { ReportTransition } from '../../core/reporting/states';
import { makeNoticeWithPeriod } from '../reminders/test-support';
import type { AppContext } from '../context';
import { checkReports, type SentReportWrite } from './crash-report-checks';
import { between, outcomeOf, sleep, stratifiedKillPoint, type Inspect, type Outcome } from './crash-support';
import { makeLeader, makeOrg, makeUnit, makeUser } from './factories';
import { signInOver, type HttpClient } from './http-client';

/**
 * The report half of the crash-safety test: several units work on their reports at once over
 * real HTTP (clerks save every entry while the submit races them, heads approve or return, the
 * office returns approved reports so the cycle goes on) until the server is SIGKILLed; after each
 * restart the stored reports are checked against what was acknowledged and against the audit trail.
 */
const UNITS = 6;
const ENTRIES = 3; // unit i leads tasks A_i and B_i and co-operates on A_(i-1)

type View = {
  report: { id: number; state: string; version: number };
  items: { taskId: number; version: number; indicators: { id: number }[] }[];
};
type Unit = { id: number; clerk: HttpClient; head: HttpClient };
type Unsent<W> = W extends unknown ? Omit<W, 'outcome'> : never;

export async function runReportCrashRounds(opts: {
  inspect: Inspect;
  rounds: number;
  /** SIGKILLs the running server; restart() starts a new one on the same database and gives its URL. */
  kill: () => Promise<void>;
  restart: () => Promise<string>;
  checkStorage: (ctx: AppContext) => Promise<void>;
}) {
  const { org, periodId, unitIds, officeName, names } = await opts.inspect(setUp);
  let url = await opts.restart();
  // Sessions live in the database: the same sign-ins carry on after every restart.
  const office = await signInOver(url, officeName);
  const units: Unit[] = await Promise.all(
    names.map(async (n) => ({ id: n.id, clerk: await signInOver(url, n.clerk), head: await signInOver(url, n.head) })),
  );

  const sent: SentReportWrite[] = [];
  let writeNo = 0;
  const track = <T>(s: Unsent<SentReportWrite>, request: Promise<{ status: number; body: T }>): Promise<Outcome<T>> =>
    outcomeOf(request).then((outcome) => {
      sent.push({ ...s, outcome } as SentReportWrite);
      // Before the kill, only the refusals of a race are expected: someone acted first (409), or a
      // submit overtook the autosaves and found entries still blank (422 REPORT_INCOMPLETE).
      if (outcome.kind === 'refused') {
        const refusal = { status: outcome.status, body: outcome.body };
        if (outcome.status === 422) expect(refusal).toMatchObject({ body: { error: { code: 'REPORT_INCOMPLETE' } } });
        else expect(refusal).toMatchObject({ status: 409 });
      }
      return outcome;
    });
  const move = (who: HttpClient, reportId: number, transition: ReportTransition, body: object) =>
    track<{ report: { state: string; version: number } }>(
      { kind: 'transition', reportId, transition },
      who.call(url, 'POST', `/api/reports/${reportId}/${transition.replace('_', '-')}`, body),
    );

  /** One step of a unit's work, from whatever state its report is in; false once the server is gone. */
  async function step(u: Unit, mode: { race: boolean }): Promise<boolean> {
    const opened = await track<View>(
      { kind: 'open', unitId: u.id },
      u.clerk.call(url, 'POST', `/api/periods/${periodId}/reports/mine`),
    );
    if (opened.kind !== 'acked') return false;
    const { report, items } = opened.body;
    const save = (item: View['items'][number]) => {
      const n = ++writeNo;
      const narrative = `第${n}次保存：按序时推进`;
      return track<{ version: number }>(
        { kind: 'save', reportId: report.id, taskId: item.taskId, narrative, value: n },
        u.clerk.call(url, 'PUT', `/api/reports/${report.id}/tasks/${item.taskId}`, {
          version: item.version,
          status: 'on_track',
          narrative,
          actuals: item.indicators.map((ind) => ({ indicatorId: ind.id, value: n })),
        }),
      );
    };
    let outcomes: Outcome<unknown>[];
    switch (report.state) {
      case 'draft':
      case 'returned': {
        // Now and then the submit races the saves (a clerk clicking 提交 while autosave is in flight).
        const submit = () => move(u.clerk, report.id, 'submit', { version: report.version });
        if (mode.race && Math.random() < 0.4)
          outcomes = await Promise.all([...items.map(save), sleep(between(0, 30)).then(submit)]);
        else outcomes = [...(await Promise.all(items.map(save))), await submit()];
        break;
      }
      case 'pending_head':
        outcomes = [
          mode.race && Math.random() < 0.25
            ? await move(u.head, report.id, 'head_return', { version: report.version, reason: '请补充具体数据' })
            : await move(u.head, report.id, 'approve', { version: report.version }),
        ];
        break;
      case 'submitted':
        if (!mode.race) return false; // the final pass stops at an approved report
        outcomes = [
          await move(office, report.id, 'office_return', {
            version: report.version,
            taskReasons: [{ taskId: items[0]!.taskId, reason: '进度描述不具体' }],
          }),
        ];
        break;
      default:
        throw new Error(`unexpected report state ${report.state}`);
    }
    return outcomes.every((o) => o.kind !== 'cut');
  }
  const work = async (u: Unit, more: () => boolean, mode = { race: true }) => {
    while (more() && (await step(u, mode)));
  };
  const check = () =>
    opts.inspect(async (ctx) => {
      await opts.checkStorage(ctx);
      await checkReports(ctx.db, { orgId: org.id, periodId, entriesPerReport: ENTRIES, sent });
    });

  // A few uninterrupted cycles measure how long the work runs; the kills are spread over that window.
  const t0 = Date.now();
  let steps = 0;
  await Promise.all(units.map((u) => work(u, () => steps++ < UNITS * 3)));
  const windowMs = Date.now() - t0;
  expect(sent.filter((s) => s.outcome.kind === 'cut')).toEqual([]);
  await check();

  const killPoints: number[] = [];
  for (let round = 0; round < opts.rounds; round++) {
    const killAt = stratifiedKillPoint(round, opts.rounds, windowMs);
    killPoints.push(killAt);
    let killed = false;
    const working = Promise.all(units.map((u) => work(u, () => !killed)));
    await sleep(killAt);
    killed = true;
    await opts.kill();
    await working;
    url = await opts.restart();
    await check();
  }

  // After the last restart the work goes on: every unit's report reaches the office, uninterrupted.
  const before = sent.length;
  await Promise.all(units.map((u) => work(u, () => true, { race: false })));
  expect(sent.slice(before).filter((s) => s.outcome.kind !== 'acked')).toEqual([]);
  const states = await opts.inspect((ctx) =>
    ctx.db.selectFrom('unit_reports').select('state').where('period_id', '=', periodId).execute(),
  );
  expect(states.map((s) => s.state)).toEqual(unitIds.map(() => 'submitted'));
  await check();

  const acked = (kind: SentReportWrite['kind']) =>
    sent.filter((s) => s.kind === kind && s.outcome.kind === 'acked').length;
  return {
    killPoints,
    windowMs,
    acknowledged: { saves: acked('save'), transitions: acked('transition') },
    cut: sent.filter((s) => s.outcome.kind === 'cut').length,
    refused: sent.filter((s) => s.outcome.kind === 'refused').length,
  };
}

/** An organisation with UNITS units (a clerk and a head each), an office user, and a notice with an open period. */
async function setUp(ctx: AppContext) {
  const org = await makeOrg(ctx);
  const leader = (await makeLeader(ctx, org.id)).id;
  const unitIds: number[] = [];
  for (let i = 0; i < UNITS; i++) unitIds.push((await makeUnit(ctx, org.id)).id);
  const { periodId } = await makeNoticeWithPeriod(ctx, org.id, {
    deadline: '2024-07-01',
    tasks: unitIds.flatMap((id, i) => [
      { unitIds: [id, unitIds[(i + 1) % UNITS]!], leaderIds: [leader] },
      { unitIds: [id], leaderIds: [leader] },
    ]),
  });
  // One indicator per task, so each save also writes an actual.
  const tasks = await ctx.db.selectFrom('tasks').select('id').where('org_id', '=', org.id).execute();
  await ctx.db
    .insertInto('indicators')
    .values(
      tasks.map((t) => ({
        org_id: org.id,
        task_id: t.id,
        position: 0,
        name: '完成投资',
        target: 100,
        unit: '亿元',
        qualifier: null,
        text: '完成投资100亿元',
      })),
    )
    .execute();
  const officeName = (await makeUser(ctx, org.id, 'office')).username;
  const names = [];
  for (const id of unitIds) {
    names.push({
      id,
      clerk: (await makeUser(ctx, org.id, 'unit_staff', { unitId: id })).username,
      head: (await makeUser(ctx, org.id, 'unit_head', { unitId: id })).username,
    });
  }

  return { org, periodId, unitIds, officeName, names };
}
