import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { selectIn } from '../db/select-in';
import { generateWorld } from '../generate';
import { GENERATED_TODAY } from '../generate/calendar';
import { listTasks } from '../ledger/tasks.repository';
import { ranking, rollup } from '../levels/rollup.service';
import { createTestDb, type TestDb } from '../test/db';
import { noticeYears } from '../ledger/notice-years';
import { buildDashboard } from './dashboard.service';
import { computeLights, computeOrgLights } from './lights.service';

/**
 * Lights for a selection, and a dashboard and roll-up of one year, on a generated world with two
 * districts and two years (2023, 2024): what the province scale needs must give the same answers
 * as computing everything.
 */
describe('lights of a selection, one year at a time', () => {
  let db: TestDb;
  let ctx: AppContext;
  let districts: number[];
  let province: number;
  const noticesOf = async (orgId: number, year: number) =>
    (await ctx.db.selectFrom('notices').select('id').where('org_id', '=', orgId).where('year', '=', year).execute()).map((n) => n.id);
  const tasksOf = async (noticeIds: number[]) => (await ctx.db.selectFrom('tasks').select('id').where('notice_id', 'in', noticeIds).orderBy('id').execute()).map((t) => t.id);

  beforeAll(async () => {
    db = await createTestDb();
    await generateWorld(db.ctx, { districts: 2, years: 2, seed: '7' });
    ctx = { ...db.ctx, clock: createClock({ today: GENERATED_TODAY }) };
    const orgs = await ctx.db.selectFrom('organisations').select(['id', 'level']).orderBy('id').execute();
    districts = orgs.filter((o) => o.level === 'district').map((o) => o.id);
    province = orgs.find((o) => o.level === 'province')!.id;
  }, 120_000);
  afterAll(() => db.close());

  it('gives every selected task the light the whole organisation’s computation gives it', async () => {
    const all = await computeOrgLights(ctx, districts[0]!);
    const year2024 = await noticesOf(districts[0]!, 2024);
    const byNotice = await computeOrgLights(ctx, districts[0]!, { noticeIds: year2024 });
    const ids = await tasksOf(year2024);
    expect(ids.length).toBeGreaterThan(200);
    expect([...byNotice.keys()].sort((a, b) => a - b)).toEqual(ids);
    for (const id of ids) expect(byNotice.get(id)).toEqual(all.get(id));
    // A handful of tasks, and tasks of two organisations at once.
    const some = ids.filter((_, i) => i % 37 === 0);
    const picked = await computeOrgLights(ctx, districts[0]!, { taskIds: some });
    expect([...picked.keys()].sort((a, b) => a - b)).toEqual(some);
    for (const id of some) expect(picked.get(id)).toEqual(all.get(id));
    const other = await computeOrgLights(ctx, districts[1]!);
    const otherIds = [...other.keys()].slice(0, 40);
    const both = await computeLights(ctx, districts, { taskIds: [...some, ...otherIds] });
    for (const id of otherIds) expect(both.get(id)).toEqual(other.get(id));
    for (const id of some) expect(both.get(id)).toEqual(all.get(id));
    // Lights are green, yellow, red… not all grey: the reports behind them were read.
    expect(new Set([...byNotice.values()].map((l) => l.light)).size).toBeGreaterThan(2);
  });

  it('shows the current year on the dashboard, and another year when asked', async () => {
    expect(await noticeYears(ctx, districts[0]!)).toEqual({ years: [2024, 2023], current: 2024 });
    const current = await buildDashboard(ctx, { orgId: districts[0]! });
    expect(current.year).toBe(2024);
    expect(current.lights.counts.total).toBe((await tasksOf(await noticesOf(districts[0]!, 2024))).length);
    expect(current.period?.label).toMatch(/二季度|第二季度|Q2|6月/);
    const last = await buildDashboard(ctx, { orgId: districts[0]!, year: 2023 });
    expect(last.year).toBe(2023);
    expect(last.lights.counts.total).toBe((await tasksOf(await noticesOf(districts[0]!, 2023))).length);
    // 2023 is over: its tasks are long reported, none is still waiting for a first report.
    expect(last.trend.length).toBe(4);
    // A year without notices falls back to the current one rather than failing.
    expect((await buildDashboard(ctx, { orgId: districts[0]!, year: 2019 })).year).toBe(2024);
  });

  it('rolls up the current year by default, and the year asked for', async () => {
    const byDefault = await rollup(ctx, province);
    const explicit = await rollup(ctx, province, { year: 2024 });
    expect(byDefault.map((i) => i.upperTask.id)).toEqual(explicit.map((i) => i.upperTask.id));
    expect(byDefault.length).toBeGreaterThan(10);
    const upperYear = await ctx.db.selectFrom('tasks').innerJoin('notices', 'notices.id', 'tasks.notice_id').select(['tasks.id', 'notices.year']).where('tasks.org_id', '=', province).execute();
    const yearOf = new Map(upperYear.map((t) => [t.id, t.year]));
    expect(byDefault.every((i) => yearOf.get(i.upperTask.id) === 2024)).toBe(true);
    expect((await rollup(ctx, province, { year: 2023 })).every((i) => yearOf.get(i.upperTask.id) === 2023)).toBe(true);
    // Both districts are ranked, on the year's items.
    const ranked = await ranking(ctx, province);
    expect(ranked.map((r) => r.org.id).sort()).toEqual([...districts].sort());
    expect(ranked.every((r) => r.items > 0)).toBe(true);
  });

  it('lists one year of the ledger, as the dashboard’s figures click through to it', async () => {
    for (const year of [2023, 2024]) {
      const page = await listTasks(ctx.db, { orgId: districts[0]!, year, unitRole: 'any', page: 1, pageSize: 10 });
      expect(page.total).toBe((await tasksOf(await noticesOf(districts[0]!, year))).length);
    }
  });

  it('reads IN lists longer than either engine binds at once, in chunks', async () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
    const rows = await selectIn(ids, (chunk) => ctx.db.selectFrom('tasks').select('id').where('id', 'in', chunk).execute());
    const total = await ctx.db.selectFrom('tasks').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(rows.length).toBe(Math.min(Number(total.n), 40_000));
  });
});
