import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../core/reporting/states';
import { periodAsksAbout, periodDeadline, reportStanding } from '../../core/reporting/standing';
import { LIGHT_LABELS } from '../../core/supervision/lights';
import { groupBy } from '../../core/group-by';
import { latestActuals } from '../../core/supervision/latest-actuals';
import { calendarsOf } from '../calendar/calendar.service';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { generateWorld } from '../generate';
import { GENERATED_TODAY } from '../generate/calendar';
import { historyOf, officeEntriesOnly, periodDates } from '../reporting/standings';
import { approvedActualsOfTasks, computeLights, entriesOfTasks, indicatorsOfTasks } from '../supervision/lights.service';
import { createTestDb, type TestDb } from '../test/db';
import { handdownsOfUpper } from './levels.repository';
import { ranking, rollup, type RollupLower } from './rollup.service';

/**
 * The roll-up reads a few candidate rows per task and indicator (rollup-reads.ts) instead of
 * every entry and actual. Its answer must be the one computed from every row: the reference
 * below is the roll-up's lower rows as they were computed before (issue 19) — every entry, every
 * approved actual, computeLights over all of them — compared item by item on a generated world,
 * on several business days (reports that reach the office after "today" included), with some
 * tasks' co-operating units reporting through the lead unit (报牵头单位).
 */
async function lowerRowsFromEveryRow(ctx: AppContext, upperOrgId: number, upperTaskIds: number[]): Promise<Map<number, RollupLower>> {
  const db = ctx.db;
  const today = ctx.clock.today();
  const handdowns = await handdownsOfUpper(db, upperOrgId, upperTaskIds);
  const lowerTaskIds = handdowns.map((h) => h.lower_task_id);
  const noticeIds = [...new Set(handdowns.map((h) => h.lower_notice_id))];
  const lowerOrgIds = [...new Set(handdowns.map((h) => h.lower_org_id))];
  const [indicators, actuals, leads, periods, progress, calendars] = await Promise.all([
    indicatorsOfTasks(db, lowerTaskIds),
    approvedActualsOfTasks(db, lowerTaskIds),
    db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'units.name'])
      .where('task_units.task_id', 'in', lowerTaskIds.length ? lowerTaskIds : [-1])
      .where('task_units.role', '=', 'lead')
      .execute(),
    noticeIds.length ? db.selectFrom('periods').selectAll().where('notice_id', 'in', noticeIds).where('status', '!=', 'planned').orderBy('position', 'desc').execute() : [],
    entriesOfTasks(db, lowerTaskIds, { approvedOnly: false }),
    calendarsOf(db, lowerOrgIds),
  ]);
  const lights = await computeLights(ctx, lowerOrgIds, { taskIds: lowerTaskIds, preloaded: { entries: progress, actuals, indicators } });
  const latestActual = latestActuals(await officeEntriesOnly(db, actuals));
  const leadOf = new Map(leads.map((l) => [l.task_id, l]));
  const periodsOf = groupBy(periods, (p) => p.notice_id);
  const entryOf = new Map(progress.map((p) => [`${p.task_id}:${p.period_id}:${p.unit_id}`, p]));
  const indicatorsOf = groupBy(indicators, (i) => i.task_id);
  const out = new Map<number, RollupLower>();
  for (const h of handdowns) {
    const light = lights.get(h.lower_task_id);
    const lead = leadOf.get(h.lower_task_id) ?? null;
    const calendar = calendars.get(h.lower_org_id)!;
    const covering = (periodsOf.get(h.lower_notice_id) ?? []).filter((p) => h.arrived_on === null || periodDeadline(periodDates(p), calendar).effective >= h.arrived_on);
    const period = covering.find((p) => periodDeadline(periodDates(p), calendar).effective < today) ?? covering[0] ?? null;
    const entry = period && lead ? entryOf.get(`${h.lower_task_id}:${period.id}:${lead.unit_id}`) : undefined;
    const asked = period !== null && periodAsksAbout({ closedAfterPosition: h.lower_closed_after_position, arrivedOn: h.arrived_on }, period, periodDeadline(periodDates(period), calendar));
    const standing = period && lead ? reportStanding(entry ? historyOf(entry) : null, periodDates(period), { today, calendar }, { exempt: !asked }) : null;
    const deadline = standing?.deadline.effective ?? null;
    out.set(h.id, {
      handdownId: h.id,
      origin: h.origin,
      targetMode: h.target_mode,
      pendingLowerTarget: h.target_mode === 'lower_sets' && h.lower_set_at === null,
      org: { id: h.lower_org_id, name: h.lower_org_name },
      taskId: h.lower_task_id,
      standard: h.lower_standard,
      deadline: h.lower_deadline,
      leadUnit: lead?.name ?? null,
      light: light ? { color: light.light, label: LIGHT_LABELS[light.light], reasons: light.reasons } : { color: 'grey', label: LIGHT_LABELS.grey, reasons: [] },
      period: period && deadline ? { label: period.label, deadline } : null,
      standing,
      latestStatus: entry && standing?.inOffice ? PROGRESS_STATUS_LABELS[entry.status as ProgressStatus] : null,
      indicators: (indicatorsOf.get(h.lower_task_id) ?? []).map((i) => ({ name: i.name, unit: i.unit, target: i.target, actual: latestActual.get(i.id) ?? null })),
    });
  }
  return out;
}

describe('roll-up from a few rows per task equals the roll-up from every row', () => {
  let db: TestDb;
  let uppers: number[];

  beforeAll(async () => {
    db = await createTestDb();
    await generateWorld(db.ctx, { districts: 3, years: 2, seed: '19' });
    const orgs = await db.ctx.db.selectFrom('organisations').select(['id', 'level']).orderBy('id').execute();
    uppers = orgs.filter((o) => o.level !== 'district').map((o) => o.id);
    // Some handed-down tasks' co-operating units report through the lead unit: their entries and
    // figures no longer reach the office on their own.
    const lower = await db.ctx.db.selectFrom('handdowns').select('lower_task_id').orderBy('lower_task_id').execute();
    const viaLead = lower.map((l) => l.lower_task_id).filter((_, i) => i % 3 === 0);
    await db.ctx.db.updateTable('tasks').set({ co_reporting: 'via_lead' }).where('id', 'in', viaLead).execute();
  }, 180_000);
  afterAll(() => db.close());

  // The generated business day, a day inside the second quarter's reporting (some reports reach
  // the office later than it), and one in the first year.
  for (const today of [GENERATED_TODAY, '2024-04-03', '2023-07-04']) {
    it(`gives every lower organisation's row and the ranking as before, on ${today}`, async () => {
      const ctx: AppContext = { ...db.ctx, clock: createClock({ today }) };
      let compared = 0;
      const lights = new Set<string>();
      for (const upper of uppers) {
        for (const year of [2023, 2024]) {
          const items = await rollup(ctx, upper, { year });
          const expected = await lowerRowsFromEveryRow(ctx, upper, items.map((i) => i.upperTask.id));
          for (const item of items) {
            for (const row of item.lower) {
              expect(row).toEqual(expected.get(row.handdownId));
              lights.add(row.light.color);
              compared++;
            }
          }
          expect(items.flatMap((i) => i.lower)).toHaveLength(expected.size);
          // The ranking is built from these rows alone.
          expect((await ranking(ctx, upper, { year })).length).toBe(new Set([...expected.values()].map((r) => r.org.id)).size);
        }
      }
      expect(compared).toBeGreaterThan(100);
      expect(lights.size).toBeGreaterThan(2);
    }, 120_000);
  }
});
