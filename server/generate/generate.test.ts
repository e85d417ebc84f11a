import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workCalendar } from '../../core/calendar/work-calendar';
import { reportStanding } from '../../core/reporting/standing';
import { historyOf, periodDates } from '../reporting/standings';
import { hashPassword, verifyPassword } from '../auth/password';
import { beijingDate, createClock } from '../clock';
import type { AppContext } from '../context';
import { findPeriod } from '../reporting/periods.repository';
import { saveProgress } from '../reporting/progress.service';
import { openReport, tasksToReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { computeOrgLights } from '../supervision/lights.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeUser } from '../test/factories';
import { GENERATED_PASSWORD, generatedAccounts } from './accounts';
import { GENERATED_TODAY } from './calendar';
import { generateWorld, type GenerateSummary } from './index';

/**
 * The generator on the engine the run asks for (TEST_DB_ENGINE): two districts over two years,
 * generated twice into two fresh databases — the same rows both times — and the shape of what
 * it wrote checked against the services that will read it.
 */

/**
 * Every row of every table, as text, sorted. The audit log's times are the wall clock by design
 * (clock.ts: technical timestamps always use the real time), and its hash chain covers them: those
 * three columns and the head's hash are the only things left out — with the migrations' own
 * record of when the schema was created, which the generator does not write.
 */
async function dump(ctx: AppContext): Promise<Map<string, string[]>> {
  const tables = (await ctx.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('duban_migrations'));
  const out = new Map<string, string[]>();
  for (const table of tables.sort()) {
    const rows = (await ctx.db
      .selectFrom(table as 'units')
      .selectAll()
      .execute()) as Record<string, unknown>[];
    const text = rows.map((row) => {
      const copy: Record<string, unknown> = { ...row };
      if (table === 'audit_log') for (const c of ['at', 'prev_hash', 'hash']) delete copy[c];
      if (table === 'audit_head') delete copy.hash;
      for (const [k, v] of Object.entries(copy)) if (Buffer.isBuffer(v)) copy[k] = v.toString('base64');
      return JSON.stringify(copy, Object.keys(copy).sort());
    });
    out.set(table, text.sort());
  }
  return out;
}

describe('generateWorld', () => {
  let a: TestDb;
  let b: TestDb;
  let summary: GenerateSummary;
  let today: AppContext;

  beforeAll(async () => {
    [a, b] = await Promise.all([createTestDb(), createTestDb()]);
    [summary] = await Promise.all([
      generateWorld(a.ctx, { districts: 2, years: 2 }),
      generateWorld(b.ctx, { districts: 2, years: 2 }),
    ]);
    today = { ...a.ctx, clock: createClock({ today: GENERATED_TODAY }) };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('writes the same rows, ids included, on every run', async () => {
    const [first, second] = await Promise.all([dump(a.ctx), dump(b.ctx)]);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [table, rows] of first) {
      const other = second.get(table)!;
      expect(other.length, table).toBe(rows.length);
      const i = rows.findIndex((row, k) => row !== other[k]);
      expect(i === -1 ? null : { table, first: rows[i], second: other[i] }).toBeNull();
    }
    expect(first.get('task_progress')!.length).toBe(summary.taskProgress);
  });

  it('builds a province, a city and two districts with directories and accounts', async () => {
    const orgs = await a.ctx.db
      .selectFrom('organisations')
      .select(['id', 'code', 'level', 'parent_id'])
      .orderBy('id')
      .execute();
    expect(orgs.map((o) => [o.code, o.level])).toEqual([
      ['910000', 'province'],
      ['910100', 'city'],
      ['910101', 'district'],
      ['910102', 'district'],
    ]);
    for (const district of [1, 2]) {
      const accounts = generatedAccounts(district);
      const office = await a.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('username', '=', accounts.office)
        .executeTakeFirstOrThrow();
      expect(office.role).toBe('office');
      expect(await verifyPassword(office.password_hash, GENERATED_PASSWORD)).toBe(true);
      const units = await a.ctx.db
        .selectFrom('units')
        .select('name')
        .where('org_id', '=', office.org_id)
        .orderBy('id')
        .execute();
      expect(units.map((u) => u.name)).toEqual(accounts.units.map((u) => u.name));
      expect(units.length).toBeGreaterThanOrEqual(50);
      expect(units.length).toBeLessThanOrEqual(70);
      const users = await a.ctx.db
        .selectFrom('users')
        .select(['username', 'role', 'unit_id', 'leader_id'])
        .where('org_id', '=', office.org_id)
        .execute();
      expect(users).toHaveLength(1 + 2 * units.length + 8 + 1);
      expect(users.find((u) => u.username === accounts.units[6]!.head)).toMatchObject({ role: 'unit_head' });
      expect(users.find((u) => u.username === accounts.leaders[0])?.leader_id).not.toBeNull();
    }
    // The one hash has the parameters the sign-in service uses (only the salt is fixed).
    const param = (h: string) => h.split('$').slice(0, 4).join('$');
    const hash = (await a.ctx.db.selectFrom('users').select('password_hash').limit(1).executeTakeFirstOrThrow())
      .password_hash;
    expect(param(hash)).toBe(param(await hashPassword(GENERATED_PASSWORD)));
  });

  it('imports a notice per organisation and year, about 250 tasks a district, every citation linked', async () => {
    expect(summary.notices).toBe(2 * 4);
    const perNotice = await a.ctx.db
      .selectFrom('notices')
      .innerJoin('organisations', 'organisations.id', 'notices.org_id')
      .innerJoin('tasks', 'tasks.notice_id', 'notices.id')
      .select(['organisations.level', 'notices.year', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['notices.id', 'organisations.level', 'notices.year'])
      .execute();
    for (const n of perNotice.filter((n) => n.level === 'district')) {
      expect(Number(n.n)).toBeGreaterThanOrEqual(230);
      expect(Number(n.n)).toBeLessThanOrEqual(270);
    }
    const citing = await a.ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .leftJoin('handdowns', 'handdowns.lower_task_id', 'tasks.id')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('handdowns.id').as('linked')])
      .where('tasks.upstream_no', 'is not', null)
      .where('annexes.kind', '!=', 'district-gwr')
      .where('tasks.org_id', 'in', (eb) => eb.selectFrom('organisations').select('id').where('level', '=', 'district'))
      .executeTakeFirstOrThrow();
    expect(Number(citing.n)).toBe(2 * 2 * 48);
    expect(Number(citing.linked)).toBe(Number(citing.n));
    const uncertain = await a.ctx.db.selectFrom('tasks').select('id').where('uncertain', '=', 1).execute();
    expect(uncertain).toEqual([]);
  });

  it('reports every closed period (some late, some missing) and leaves the second quarter of 2024 open mid-way', async () => {
    const periods = await a.ctx.db
      .selectFrom('periods')
      .innerJoin('notices', 'notices.id', 'periods.notice_id')
      .innerJoin('organisations', 'organisations.id', 'periods.org_id')
      .select([
        'periods.id',
        'periods.org_id',
        'periods.notice_id',
        'periods.kind',
        'periods.status',
        'periods.deadline',
        'periods.extended_deadline',
        'notices.year',
        'organisations.level',
      ])
      .where('organisations.level', '=', 'district')
      .execute();
    for (const p of periods) {
      const expected = p.year < 2024 || p.kind === 'q1' ? 'closed' : p.kind === 'q2' ? 'open' : 'planned';
      expect(p.status, `${p.year} ${p.kind}`).toBe(expected);
    }
    const reports = await a.ctx.db.selectFrom('unit_reports').selectAll().execute();
    const periodOf = new Map(periods.map((p) => [p.id, p]));
    const closed = reports.filter((r) => periodOf.get(r.period_id)?.status === 'closed');
    // Lateness by the one rule (core/reporting/standing.ts): some reports of closed periods came late.
    const calendar = workCalendar();
    const standingOf = (r: (typeof reports)[number]) => reportStanding(historyOf(r), periodDates(periodOf.get(r.period_id)!), { today: '2024-06-25', calendar });
    expect(closed.some((r) => standingOf(r).timeliness === 'late')).toBe(true);
    expect(closed.filter((r) => r.state === 'accepted').length / closed.length).toBeGreaterThan(0.6);
    expect(closed.some((r) => r.quality_rating !== null)).toBe(true);
    // The first arrival as transitions.service keeps it: the Beijing date of the first approval, never after the last.
    for (const r of reports.filter((r) => r.approved_at !== null)) {
      expect(r.first_reached_on).not.toBeNull();
      expect(r.first_reached_on! <= beijingDate(new Date(r.approved_at!))).toBe(true);
    }
    for (const p of periods.filter((p) => p.status === 'closed')) {
      const responsible = await a.ctx.db
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .select('task_units.unit_id')
        .distinct()
        .where('tasks.notice_id', '=', p.notice_id)
        .execute();
      const submitted = closed.filter((r) => r.period_id === p.id && r.approved_at !== null);
      expect(submitted.length).toBeLessThan(responsible.length); // some units never reported
      expect(submitted.length).toBeGreaterThan(responsible.length * 0.7);
    }
    const open = reports.filter((r) => periodOf.get(r.period_id)?.status === 'open');
    const states = new Set(open.map((r) => r.state));
    expect(states).toContain('draft');
    expect(states.has('submitted') || states.has('accepted')).toBe(true);
    expect(open.every((r) => r.updated_at < `${GENERATED_TODAY}T16:00:00.000Z`)).toBe(true);
  });

  it('gives each report the entries openReport would and actuals for every saved entry', async () => {
    const district = (
      await a.ctx.db
        .selectFrom('users')
        .select('org_id')
        .where('username', '=', generatedAccounts(1).office)
        .executeTakeFirstOrThrow()
    ).org_id;
    const period = await a.ctx.db
      .selectFrom('periods')
      .selectAll()
      .where('org_id', '=', district)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const reports = await a.ctx.db
      .selectFrom('unit_reports')
      .select(['id', 'unit_id', 'state'])
      .where('period_id', '=', period.id)
      .execute();
    expect(reports.length).toBeGreaterThan(10);
    for (const r of reports) {
      const entries = await a.ctx.db
        .selectFrom('task_progress')
        .select(['id', 'task_id', 'unit_role', 'version'])
        .where('report_id', '=', r.id)
        .orderBy('id')
        .execute();
      const expected = await tasksToReport(a.ctx.db, r.unit_id, period);
      expect(entries.map((e) => [e.task_id, e.unit_role])).toEqual(expected.map((t) => [t.taskId, t.role]));
      if (r.state !== 'draft') expect(entries.every((e) => e.version >= 2)).toBe(true);
    }
    const mismatched = await a.ctx.db
      .selectFrom('task_progress')
      .innerJoin('indicators', 'indicators.task_id', 'task_progress.task_id')
      .leftJoin('indicator_actuals', (j) =>
        j
          .onRef('indicator_actuals.progress_id', '=', 'task_progress.id')
          .onRef('indicator_actuals.indicator_id', '=', 'indicators.id'),
      )
      .select(['task_progress.id', 'task_progress.version', 'indicator_actuals.id as actual'])
      .where((eb) =>
        eb.or([
          eb.and([eb('task_progress.version', '>=', 2), eb('indicator_actuals.id', 'is', null)]),
          eb.and([eb('task_progress.version', '=', 1), eb('indicator_actuals.id', 'is not', null)]),
        ]),
      )
      .execute();
    expect(mismatched).toEqual([]);
  });

  it('gives a generated district lights for every task', async () => {
    const district = (
      await a.ctx.db
        .selectFrom('users')
        .select('org_id')
        .where('username', '=', generatedAccounts(2).office)
        .executeTakeFirstOrThrow()
    ).org_id;
    const lights = await computeOrgLights(today, district);
    const tasks = await a.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', district).execute();
    expect(lights.size).toBe(tasks.length);
    const colours = new Set([...lights.values()].map((l) => l.light));
    expect(colours.size).toBeGreaterThanOrEqual(2);
  });

  it('leaves a state the services carry on from: a draft is saved and submitted, a missing unit opens its report', async () => {
    const { org_id: orgId } = await a.ctx.db
      .selectFrom('users')
      .select('org_id')
      .where('username', '=', generatedAccounts(1).office)
      .executeTakeFirstOrThrow();
    const period = (await findPeriod(
      a.ctx.db,
      (
        await a.ctx.db
          .selectFrom('periods')
          .select('id')
          .where('org_id', '=', orgId)
          .where('status', '=', 'open')
          .executeTakeFirstOrThrow()
      ).id,
    ))!;
    const clerkOf = async (unitId: number) => {
      const u = await a.ctx.db
        .selectFrom('users')
        .selectAll()
        .where('unit_id', '=', unitId)
        .where('role', '=', 'unit_staff')
        .executeTakeFirstOrThrow();
      return { userId: u.id, name: u.display_name, orgId, role: 'unit_staff' as const, unitId, leaderId: null };
    };
    const draft = await a.ctx.db
      .selectFrom('unit_reports')
      .selectAll()
      .where('period_id', '=', period.id)
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    const clerk = await clerkOf(draft.unit_id);
    const entry = await a.ctx.db
      .selectFrom('task_progress')
      .select(['task_id', 'version'])
      .where('report_id', '=', draft.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const input = {
      version: entry.version,
      status: 'on_track' as const,
      narrative: '按序时推进。',
      problems: '',
      nextSteps: '继续推进。',
      actuals: [],
    };
    await saveProgress(today, clerk, draft, entry.task_id, input);
    const submitted = await transitionReport(today, clerk, (await findReport(a.ctx.db, draft.id))!, 'submit', {
      version: draft.version,
    });
    expect(submitted).toMatchObject({ state: 'pending_head', version: draft.version + 1 });
    // A unit that has not started: its report is new rows after the generated ones (sequences moved on).
    const reported = new Set(
      (await a.ctx.db.selectFrom('unit_reports').select('unit_id').where('period_id', '=', period.id).execute()).map(
        (r) => r.unit_id,
      ),
    );
    const responsible = await a.ctx.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select('task_units.unit_id')
      .distinct()
      .where('tasks.notice_id', '=', period.notice_id)
      .orderBy('task_units.unit_id')
      .execute();
    const missing = responsible.find((u) => !reported.has(u.unit_id))!;
    const opened = await openReport(today, await clerkOf(missing.unit_id), period, missing.unit_id);
    expect(opened.id).toBe(summary.reports + 1);
    expect((await makeUser(a.ctx, orgId, 'office')).id).toBe(summary.users + 1);
  });

  it('refuses a database that already holds organisations', async () => {
    await expect(generateWorld(a.ctx, { districts: 1, years: 1 })).rejects.toThrow(
      /already holds 4 organisations[\s\S]*DUBAN_DEMO=off[\s\S]*已有 4 个机构/,
    );
  });
});
