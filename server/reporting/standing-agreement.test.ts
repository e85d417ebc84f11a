import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../core/assessment/scheme';
import { scoreUnits } from '../../core/assessment/score';
import type { ReportTransition } from '../../core/reporting/states';
import { gatherInput } from '../assessment/gather';
import { systemActor } from '../audit/actor';
import { computeBulletinFigures } from '../bulletins/bulletin-figures';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { renderDashboardWorkbook } from '../exports/dashboard-xlsx';
import { renderPeriodSummaryWorkbook } from '../exports/period-summary';
import { ranking, rollup } from '../levels/rollup.service';
import { planReminders } from '../reminders/sweep';
import { urgeUnit } from '../reminders/urge.service';
import { buildDashboard } from '../supervision/dashboard.service';
import { computeOrgLights } from '../supervision/lights.service';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUnit, fillBlankEntries } from '../test/factories';
import { buildPeriodSummary } from './period-summary';
import { findPeriod, type Period } from './periods.repository';
import { openReport } from './report-open.service';
import { findReport } from './reports.repository';
import { periodStandings } from './standings';
import { transitionReport } from './transitions.service';
import { setCoReporting } from '../ledger/co-reporting.service';

/**
 * Issue 14's proof of one rule: one world with every way a unit's report can stand, and every
 * consumer — lights, dashboard, bulletin figures, 汇总表, assessment, roll-up and ranking,
 * reminders, urges and the Excel exports — gives, for every unit and period, the answer declared
 * here by hand. A consumer that decided for itself (from a report's state, its approval date,
 * calendar days …) would disagree on the returned, invalid, extended, holiday or exempt cases.
 *
 * Periods: Q1 due Mon 1 April; Q2 due 1 July, extended to Wed 10 July; Q3 due 1 October, National
 * Day, so in force Tue 8 October (working-day calendar). Everything is judged on Sun 20 October.
 */
const TODAY = '2024-10-20';

type Step = [ReportTransition | 'open' | 'invalid_return', string];
type Expect = 'on_time' | 'late' | 'missing' | 'exempt' | 'returned' | 'resubmitted';

// What each unit did in each period, and what every consumer must say of it.
const WORLD: Record<string, { steps: (Step[] | null)[]; expect: Expect[]; lateDays?: (number | null)[] }> = {
  // On time everywhere: before an extended deadline, and on the working day after a holiday deadline.
  A: { steps: [[['open', '03-28'], ['submit', '03-28'], ['approve', '03-29'], ['accept', '04-02']], [['open', '07-01'], ['submit', '07-05'], ['approve', '07-05']], [['open', '10-08'], ['submit', '10-08'], ['approve', '10-08']]], expect: ['on_time', 'on_time', 'on_time'] },
  // Late by 2 working days (3 April; Q3: 9 and 10 October); missing in Q2.
  B: { steps: [[['open', '04-02'], ['submit', '04-03'], ['approve', '04-03']], null, [['open', '10-09'], ['submit', '10-10'], ['approve', '10-10']]], expect: ['late', 'missing', 'late'], lateDays: [2, null, 2] },
  // Never reports.
  C: { steps: [null, null, null], expect: ['missing', 'missing', 'missing'] },
  // Returned on time and resubmitted after the deadline: still on time. Q2 late by 1 working day. Q3 stuck with its head.
  D: {
    steps: [
      [['open', '03-29'], ['submit', '03-30'], ['approve', '03-30'], ['office_return', '04-02'], ['submit', '04-09'], ['approve', '04-10']],
      [['open', '07-10'], ['submit', '07-11'], ['approve', '07-11']],
      [['open', '10-07'], ['submit', '10-07']],
    ],
    expect: ['resubmitted', 'late', 'missing'],
    lateDays: [0, 1, null],
  },
  // Returned and not yet back: on time in Q1, late by 2 in Q2 — never missing. Q3: drafting, past the deadline.
  E: {
    steps: [
      [['open', '03-30'], ['submit', '03-31'], ['approve', '03-31'], ['office_return', '04-02']],
      [['open', '07-11'], ['submit', '07-12'], ['approve', '07-12'], ['office_return', '07-15']],
      [['open', '10-02']],
    ],
    expect: ['returned', 'returned', 'missing'],
    lateDays: [0, 2, null],
  },
  // Ruled not a valid report: missing in Q1; in Q2 resubmitted after the deadline, late by 1. Q3 accepted on time.
  F: {
    steps: [
      [['open', '03-30'], ['submit', '03-31'], ['approve', '03-31'], ['invalid_return', '04-02']],
      [['open', '06-27'], ['submit', '06-28'], ['approve', '06-28'], ['invalid_return', '07-02'], ['submit', '07-11'], ['approve', '07-11']],
      [['open', '10-08'], ['submit', '10-08'], ['approve', '10-08'], ['accept', '10-09']],
    ],
    expect: ['missing', 'late', 'on_time'],
    lateDays: [null, 1, 0],
  },
  // Its only task was completed and closed (销号) after Q1: exempt from Q2 and Q3.
  X: { steps: [[['open', '03-27'], ['submit', '03-28'], ['approve', '03-28'], ['accept', '03-29']], null, null], expect: ['on_time', 'exempt', 'exempt'] },
  // Only a co-operating unit (on A's task): missing in Q1; returned and back before the deadline in Q2; returned on time in Q3.
  Y: {
    steps: [null, [['open', '06-19'], ['submit', '06-20'], ['approve', '06-20'], ['office_return', '06-25'], ['submit', '06-28'], ['approve', '06-28']], [['open', '10-08'], ['submit', '10-08'], ['approve', '10-08'], ['office_return', '10-09']]],
    expect: ['missing', 'resubmitted', 'returned'],
    lateDays: [null, 0, 0],
  },
  // Issue 15, 报牵头单位: only a co-operating unit on B's task, whose co-units feed the lead unit. It
  // writes its part (Q1 a draft left past the deadline, Q3 even sent) but owes the office nothing: exempt.
  V: {
    steps: [[['open', '03-28']], null, [['open', '10-08'], ['submit', '10-08'], ['approve', '10-08']]],
    expect: ['exempt', 'exempt', 'exempt'],
  },
  // Mixed: leads a task of its own (reported separately) and co-operates on B's (报牵头单位). Only its
  // own task counts with the office: a draft past the deadline in Q1, on time in Q2, 2 days late in Q3.
  M: {
    steps: [[['open', '03-28']], [['open', '07-01'], ['submit', '07-02'], ['approve', '07-02']], [['open', '10-09'], ['submit', '10-10'], ['approve', '10-10']]],
    expect: ['missing', 'on_time', 'late'],
    lateDays: [null, 0, 2],
  },
};
const UNITS = Object.keys(WORLD);
const reached = (e: Expect) => e === 'on_time' || e === 'late' || e === 'returned' || e === 'resubmitted';
const timelinessOf = (u: string, i: number) => {
  const e = WORLD[u]!.expect[i]!;
  if (e === 'returned' || e === 'resubmitted') return WORLD[u]!.lateDays?.[i] ? 'late' : 'on_time';
  return e;
};

describe('one rule for where a unit report stands: every consumer agrees', () => {
  let t: TestDb;
  let ctx: AppContext;
  let orgId: number;
  let cityId: number;
  const unitId: Record<string, number> = {};
  const leadTask: Record<string, number> = {};
  let periods: Period[] = [];
  const at = (date: string): AppContext => ({ ...t.ctx, clock: createClock({ today: `2024-${date}` }) });
  const office = { ...systemActor('督查室'), role: 'office' as const };

  beforeAll(async () => {
    t = await createTestDb({ DUBAN_TODAY: TODAY });
    ctx = t.ctx;
    cityId = (await makeOrg(ctx, { name: '测试市', level: 'city' })).id;
    orgId = (await makeOrg(ctx, { name: '测试区', level: 'district', parentId: cityId })).id;
    for (const u of UNITS) unitId[u] = (await makeUnit(ctx, orgId, { name: `区${u}局` })).id;
    const now = new Date().toISOString();
    const notice = await ctx.db
      .insertInto('notices')
      .values({ org_id: orgId, title: '测试通知', year: 2024, reporting_deadlines_json: '[]', anomalies_json: '[]', doc_number: '测政办〔2024〕1号', issuer: null, issued_date: null, report_to: null, imported_by: null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const annex = await ctx.db.insertInto('annexes').values({ org_id: orgId, notice_id: notice.id, no: 1, title: '附件1', kind: 'district-gwr' }).returning('id').executeTakeFirstOrThrow();
    // Every unit but Y and V leads a task of its own; Y co-operates on A's, V and M on B's.
    for (const [i, u] of UNITS.filter((u) => u !== 'Y' && u !== 'V').entries()) {
      const task = await ctx.db
        .insertInto('tasks')
        .values({ org_id: orgId, notice_id: notice.id, annex_id: annex.id, category_id: null, position: i, seq: `(${i + 1})`, upstream_no: null, upstream_item: null, standard: `任务${u}`, deadline: '12月', due_date: '2024-12-31', leaders_printed: '', units_printed_json: '[]', repairs_json: '[]', anomalies_json: '[]', uncertain: 0, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      leadTask[u] = task.id;
      await ctx.db.insertInto('task_units').values({ org_id: orgId, task_id: task.id, unit_id: unitId[u]!, role: 'lead', printed: '', note: null, position: 0 }).execute();
    }
    await ctx.db.insertInto('task_units').values({ org_id: orgId, task_id: leadTask.A!, unit_id: unitId.Y!, role: 'co', printed: '', note: null, position: 1 }).execute();
    for (const [position, u] of [[1, 'V'], [2, 'M']] as const) {
      await ctx.db.insertInto('task_units').values({ org_id: orgId, task_id: leadTask.B!, unit_id: unitId[u]!, role: 'co', printed: '', note: null, position }).execute();
    }
    // The office sets B's co-operating units to feed the lead unit (报牵头单位), through the real service.
    await setCoReporting(ctx, office, leadTask.B!, orgId, { version: 1, coReporting: 'via_lead' });
    // The office manages these periods by hand (status_set_by 'office'): the schedule leaves them alone.
    for (const [position, kind, label, deadline, extended] of [
      [0, 'q1', '2024年第一季度', '2024-04-01', null],
      [1, 'q2', '2024年第二季度', '2024-07-01', '2024-07-10'],
      [2, 'q3', '2024年第三季度', '2024-10-01', null],
    ] as const) {
      await ctx.db
        .insertInto('periods')
        .values({ org_id: orgId, notice_id: notice.id, position, kind, label, deadline, extended_deadline: extended, extension_reason: extended ? '汛期' : null, status: 'open', status_set_by: 'office', past_at_import: 0, opened_at: now, updated_at: now })
        .execute();
    }
    periods = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).orderBy('position').execute();

    // Each unit's history, driven through the real services on the business clock of each day.
    for (const u of UNITS) {
      for (const [i, steps] of WORLD[u]!.steps.entries()) {
        let reportId = 0;
        for (const [action, day] of steps ?? []) {
          const c = at(day);
          if (action === 'open') {
            reportId = (await openReport(c, office, periods[i]!, unitId[u]!)).id;
            continue;
          }
          const report = (await findReport(ctx.db, reportId))!;
          const transition: ReportTransition = action === 'invalid_return' ? 'office_return' : action;
          if (transition === 'submit') await fillBlankEntries(ctx.db, reportId);
          await transitionReport(c, office, report, transition, { version: report.version, reason: '请补充', invalid: action === 'invalid_return', resubmitBy: transition === 'office_return' ? `2024-${day}` : undefined });
        }
      }
    }
    // M's part of B's task says 已完成 in every period: were it read as an entry of its own, B's task
    // would count as completed in the bulletin (B is missing in Q2) and its row would be in the 汇总表.
    await ctx.db
      .updateTable('task_progress')
      .set({ status: 'completed', narrative: '配合部分：已完成' })
      .where('task_id', '=', leadTask.B!)
      .where('report_id', 'in', ctx.db.selectFrom('unit_reports').select('id').where('unit_id', '=', unitId.M!))
      .execute();
    // X's task was reported completed, accepted, and closed (销号) after Q1.
    await ctx.db.updateTable('task_progress').set({ status: 'completed' }).where('task_id', '=', leadTask.X!).execute();
    await ctx.db.updateTable('tasks').set({ closed_on: '2024-04-10', closed_after_position: 0, closed_by_name: '督查室' }).where('id', '=', leadTask.X!).execute();

    // The city handed each district task down (roll-up).
    const cityNotice = await ctx.db
      .insertInto('notices')
      .values({ org_id: cityId, title: '市通知', year: 2024, reporting_deadlines_json: '[]', anomalies_json: '[]', doc_number: null, issuer: null, issued_date: null, report_to: null, imported_by: null, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cityAnnex = await ctx.db.insertInto('annexes').values({ org_id: cityId, notice_id: cityNotice.id, no: 1, title: '附件1', kind: 'city-gwr' }).returning('id').executeTakeFirstOrThrow();
    // One city item per district task (one handdown per item and district).
    for (const [i, u] of Object.keys(leadTask).entries()) {
      const cityTask = await ctx.db
        .insertInto('tasks')
        .values({ org_id: cityId, notice_id: cityNotice.id, annex_id: cityAnnex.id, category_id: null, position: i, seq: String(i + 1), upstream_no: null, upstream_item: null, standard: `市任务${u}`, deadline: null, due_date: null, leaders_printed: '', units_printed_json: '[]', repairs_json: '[]', anomalies_json: '[]', uncertain: 0, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await ctx.db
        .insertInto('handdowns')
        .values({ upper_org_id: cityId, upper_task_id: cityTask.id, lower_org_id: orgId, lower_task_id: leadTask[u]!, origin: 'imported', target_mode: 'set', lower_set_at: null, created_by_name: 'test', arrived_on: null })
        .execute();
    }
  }, 120_000);
  afterAll(() => t?.close());

  /** Only period i open, those before it closed and those after it not yet opened: each consumer speaks of period i. */
  async function focus(i: number): Promise<Period> {
    for (const [j, p] of periods.entries()) {
      await ctx.db.updateTable('periods').set({ status: j < i ? 'closed' : j === i ? 'open' : 'planned' }).where('id', '=', p.id).execute();
    }
    return (await findPeriod(ctx.db, periods[i]!.id))!;
  }

  it('the rule itself gives the declared answers', async () => {
    for (const [i] of periods.entries()) {
      const period = await focus(i);
      const rows = await periodStandings(ctx, period);
      for (const u of UNITS) {
        const s = rows.find((r) => r.unitId === unitId[u])!.standing;
        const label = `${u} ${period.label}`;
        expect(s.timeliness, label).toBe(timelinessOf(u, i));
        const e = WORLD[u]!.expect[i]!;
        if (e === 'returned' || e === 'resubmitted' || e === 'exempt') expect(s.kind, label).toBe(e);
        if (WORLD[u]!.lateDays?.[i] != null) expect(s.lateDays, label).toBe(WORLD[u]!.lateDays![i]);
      }
    }
  });

  for (const [i, name] of ['Q1', 'Q2', 'Q3'].entries()) {
    it(`every consumer agrees on ${name}`, async () => {
      const period = await focus(i);
      const expected = Object.fromEntries(UNITS.map((u) => [u, timelinessOf(u, i)]));
      const nameOf = (u: string) => `区${u}局`;

      // Lights: a task is red for 「未报送」 of exactly the units whose report is missing.
      const lights = await computeOrgLights(ctx, orgId);
      for (const u of UNITS) {
        const task = u === 'Y' ? leadTask.A! : u === 'V' ? leadTask.B! : leadTask[u]!;
        const said = lights.get(task)!.reasons.some((r) => r.startsWith(`${period.label}（${nameOf(u)}）报告已逾期`));
        expect(said, `lights ${u}`).toBe(expected[u] === 'missing');
      }
      // 报牵头单位: B's task speaks of its lead unit only — never of V's or M's reports.
      expect(lights.get(leadTask.B!)!.reasons.filter((r) => r.includes(nameOf('V')) || r.includes(nameOf('M'))), 'lights of B').toEqual([]);
      if (i > 0) expect(lights.get(leadTask.X!)!.light, 'a closed task is blue').toBe('blue');

      // Dashboard: the period's reporting, per unit.
      const dashboard = await buildDashboard(ctx, { orgId, year: 2024 });
      expect(dashboard.period!.id).toBe(period.id);
      for (const u of UNITS) expect(dashboard.period!.units.find((x) => x.unitId === unitId[u])!.status, `dashboard ${u}`).toBe(expected[u]);

      // Bulletin figures and its first draft.
      const figures = await computeBulletinFigures(ctx, orgId, period.id);
      for (const u of UNITS) {
        const row = figures.reporting.units.find((x) => x.unitId === unitId[u])!;
        expect(row.status, `bulletin ${u}`).toBe(expected[u]);
        expect(row.returned, `bulletin returned ${u}`).toBe(WORLD[u]!.expect[i] === 'returned');
      }
      // M's 已完成 part of B's task is no entry of the office's: B's task is completed only by B's own word.
      expect(figures.completed.map((c) => c.taskId), 'bulletin: B not completed by a co-unit').not.toContain(leadTask.B!);
      expect(figures.reporting.expected, 'bulletin: units expected').toBe(UNITS.filter((u) => expected[u] !== 'exempt').length);

      // 汇总表, and its Excel form.
      const summary = await buildPeriodSummary(ctx, period);
      for (const u of UNITS) expect(summary.units.find((x) => x.unitId === unitId[u])!.standing.timeliness, `汇总表 ${u}`).toBe(expected[u]);
      // B's task in the 汇总表: its lead unit's row only, carrying the co-units' parts once B's report is with the office.
      const rowsOfB = summary.tasks.find((x) => x.taskId === leadTask.B!)!.rows;
      expect(rowsOfB.map((r) => r.unitName), '汇总表 B rows').toEqual([nameOf('B')]);
      expect(rowsOfB[0]!.coParts.map((p) => p.unitName).sort(), '汇总表 B carries parts').toEqual(expected.B === 'missing' ? [] : [nameOf('V'), nameOf('M')].sort());
      const summaryBook = new ExcelJS.Workbook();
      await summaryBook.xlsx.load((await renderPeriodSummaryWorkbook(summary)) as unknown as ArrayBuffer);
      const summaryRows = summaryBook.getWorksheet('报送情况')!.getSheetValues() as unknown[][];
      for (const u of UNITS) expect(labelCategory(String(summaryRows.find((r) => r?.[2] === nameOf(u))![3])), `汇总表.xlsx ${u}`).toBe(expected[u]);

      // Dashboard Excel.
      const dashBook = new ExcelJS.Workbook();
      await dashBook.xlsx.load((await renderDashboardWorkbook(dashboard)) as unknown as ArrayBuffer);
      const dashRows = dashBook.getWorksheet('本期报送情况')!.getSheetValues() as unknown[][];
      for (const u of UNITS) expect(labelCategory(String(dashRows.find((r) => r?.[1] === nameOf(u))![2])), `dashboard.xlsx ${u}`).toBe(expected[u]);

      // Assessment of this period: full points on time, fewer when late, none when missing, no line when exempt.
      const input = await gatherInput(ctx, { orgId, year: 2024, noticeIds: [period.notice_id], periods: [period], onlyPeriodId: period.id, asOf: TODAY });
      const scores = scoreUnits(input, DEFAULT_SCHEME);
      // V has nothing the office assesses (its only task is B's, through B's entry): not in the ranking.
      expect(scores.find((s) => s.unitId === unitId.V!), 'assessment V').toBeUndefined();
      for (const u of UNITS.filter((x) => x !== 'V')) {
        const line = scores.find((s) => s.unitId === unitId[u])!.lines.find((l) => l.part === 'reporting')!;
        const got = line.source.kind === 'cap' ? 'exempt' : line.points === 0 ? 'missing' : line.points === line.max ? 'on_time' : 'late';
        expect(got, `assessment ${u}: ${line.text}`).toBe(expected[u]);
      }

      // Roll-up and ranking at the city: the lead unit's standing of each handed-down task.
      const items = await rollup(ctx, cityId, { year: 2024 });
      for (const u of Object.keys(leadTask)) {
        const lower = items.flatMap((x) => x.lower).find((l) => l.taskId === leadTask[u])!;
        expect(lower.standing?.timeliness, `roll-up ${u}`).toBe(expected[u]);
      }
      const rank = (await ranking(ctx, cityId, { year: 2024 })).find((r) => r.org.id === orgId)!;
      const leads = Object.keys(leadTask).map((u) => expected[u]);
      expect(rank.reportsOnTime, 'ranking on time').toBe(leads.filter((e) => e === 'on_time').length);
      expect(rank.reportsDue, 'ranking due').toBe(leads.filter((e) => e === 'on_time' || e === 'late' || e === 'missing').length);

      // Reminders: exactly the units whose report has not reached the office are chased.
      const plan = await planReminders(ctx, { orgId, today: TODAY });
      expect(new Set(plan.filter((r) => r.periodId === period.id).map((r) => r.unitId)), 'reminders').toEqual(new Set(UNITS.filter((u) => expected[u] === 'missing').map((u) => unitId[u])));

      // Urges by hand: refused for a report that reached the office (unless it came back for changes) and for an exempt unit.
      for (const u of UNITS) {
        const refused = await urgeUnit(ctx, { ...office, orgId }, period, unitId[u]!, '请尽快报送')
          .then(() => false)
          .catch((e: unknown) => (e instanceof AppError && e.code === 'URGE_NOT_NEEDED' ? true : Promise.reject(e)));
        const e = WORLD[u]!.expect[i]!;
        expect(refused, `urge ${u}`).toBe(e === 'exempt' || (reached(e) && e !== 'returned'));
      }
    });
  }
});

/** An export's 报送情况 text back to the timeliness it states. */
function labelCategory(text: string): string {
  if (text.includes('免报')) return 'exempt';
  if (text.includes('逾期未报')) return 'missing';
  if (/逾期\d+个工作日报送/.test(text)) return 'late';
  if (text.includes('按时报送')) return 'on_time';
  return `? ${text}`;
}
