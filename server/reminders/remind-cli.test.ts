import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICT } from '../demo/demo-directory';
import { seedDemo } from '../demo/seed-demo';
import { createTestDb, type TestDb } from '../test/db';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/duban.mjs');

type Planned = {
  orgId: number;
  key: string;
  kind: string;
  unit: string;
  audience: string;
  title: string;
  people: { name: string; role: string }[];
  channels: string[];
};

/**
 * `duban remind` on the demo's data (the seed notice, its units and demo accounts) with the second
 * quarter open: the dry run lists the reminders of the given business day and to whom, and writes
 * nothing; the real run records and reports them, once.
 */
describe('duban remind', () => {
  let db: TestDb;
  let env: NodeJS.ProcessEnv;
  let responsible: string[];
  let orgId: number;
  // Every level of the demo has its own ledger with its Q2 open: this test reads 新洲区's.
  const ours = (items: Planned[]) => items.filter((r) => r.orgId === orgId);
  const remind = async (today: string, ...args: string[]) =>
    JSON.parse((await run('node', [bin, 'remind', '--json', ...args], { env: { ...env, DUBAN_TODAY: today } })).stdout);
  const count = async (table: 'reminders' | 'deliveries' | 'notifications' | 'urges') =>
    (await db.ctx.db.selectFrom(table).select('id').execute()).length;

  beforeAll(async () => {
    // The demo on its own clock: the notice is imported on 2024-06-25 and nobody opens Q2 by hand.
    db = await createTestDb({ DUBAN_TODAY: '2024-06-25' });
    await seedDemo(db.ctx);
    const org = await db.ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', DEMO_DISTRICT)
      .executeTakeFirstOrThrow();
    const q2 = await db.ctx.db
      .selectFrom('periods')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('label', '=', '2024年第二季度')
      .executeTakeFirstOrThrow();
    orgId = org.id;
    // Q1's deadline had passed when the notice was issued: Q2 is the first period, opened at import by the schedule.
    expect(q2).toMatchObject({ status: 'open', status_set_by: 'auto' });
    // 区发改局's report reached the office (approved by its head): it is not reminded.
    const fgj = await db.ctx.db
      .selectFrom('units')
      .select('id')
      .where('org_id', '=', org.id)
      .where('name', '=', '区发改局')
      .executeTakeFirstOrThrow();
    await db.ctx.db
      .insertInto('unit_reports')
      .values({
        org_id: org.id,
        period_id: q2.id,
        unit_id: fgj.id,
        state: 'submitted',
        first_reached_on: '2024-06-25',
        updated_at: new Date().toISOString(),
      })
      .execute();
    responsible = (
      await db.ctx.db
        .selectFrom('units')
        .select('name')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('task_units')
            .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
            .select('task_units.unit_id')
            .where('tasks.notice_id', '=', q2.notice_id),
        )
        .execute()
    )
      .map((u) => u.name)
      .filter((n) => n !== '区发改局')
      .sort();
    await db.ctx.db.deleteFrom('notifications').execute();
    env = {
      ...process.env,
      DUBAN_DEMO: 'off',
      DUBAN_DATA_DIR: db.config.dataDir,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    };
  }, 120_000);
  afterAll(() => db?.close());

  it('lists the reminders of a day and to whom, writing nothing', async () => {
    expect(responsible.length).toBeGreaterThan(10);
    const out = await remind('2024-06-28', '--dry-run');
    expect(out).toMatchObject({ today: '2024-06-28', dryRun: true });
    const items = ours(out.reminders);
    // Friday 28 June is one working day before the Monday 1 July deadline: every responsible unit
    // but the one whose report reached the office.
    expect(items.map((r) => r.unit).sort()).toEqual(responsible);
    expect(new Set(items.map((r) => `${r.kind}/${r.audience}/${r.title}`))).toEqual(
      new Set(['before_deadline/unit/【提醒】2024年第二季度进展报送还有1个工作日截止']),
    );
    const transport = items.find((r) => r.unit === '区交通运输局')!;
    expect(transport.people.map((p) => `${p.name}/${p.role}`).sort()).toEqual([
      '刘洋/unit_staff',
      '周建国/unit_head',
      '陈静/unit_staff',
    ]);
    expect(transport.channels).toEqual(['in_app']);
    expect(await count('reminders')).toBe(0);
    expect(await count('notifications')).toBe(0);

    // The deadline day: the heads. A day late: the leaders too.
    const deadline = ours((await remind('2024-07-01', '--dry-run')).reminders);
    expect(deadline.find((r) => r.unit === '区交通运输局')).toMatchObject({
      kind: 'deadline_day',
      audience: 'unit_head',
      people: [{ name: '周建国', role: 'unit_head' }],
    });
    const late = ours((await remind('2024-07-02', '--dry-run')).reminders);
    const urge = late.find((r) => r.unit === '区交通运输局')!;
    expect(urge).toMatchObject({
      kind: 'overdue_urge',
      audience: 'leaders',
      title: '【催办】区交通运输局2024年第二季度报告已逾期1个工作日',
    });
    expect(urge.people.filter((p) => p.role === 'leader').length).toBeGreaterThan(0);
    expect(await count('reminders')).toBe(0);
    expect(await count('urges')).toBe(0);

    const text = (await run('node', [bin, 'remind', '--dry-run'], { env: { ...env, DUBAN_TODAY: '2024-06-28' } }))
      .stdout;
    expect(text).toContain(`2024-06-28 将发送 ${out.reminders.length} 条提醒（演练，未写入）`);
    expect(text).toContain('区交通运输局 · 2024年第二季度 · 截止前提醒 → 责任单位：');
  }, 60_000);

  it('records and sends them once when run for real', async () => {
    const urgesOfOurs = async () => (await db.ctx.db.selectFrom('urges').select('id').where('org_id', '=', orgId).execute()).length;
    const first = await remind('2024-07-02');
    expect(ours(first.recorded).length).toBe(responsible.length);
    expect(first.deliveries).toEqual([]); // no channel configured: in-app only
    expect(await urgesOfOurs()).toBe(responsible.length);
    expect(await count('notifications')).toBeGreaterThan(responsible.length);
    const second = await remind('2024-07-02');
    expect(second).toMatchObject({ planned: first.recorded.length, recorded: [], alreadyDone: first.recorded.length });
    expect(await urgesOfOurs()).toBe(responsible.length);
  }, 60_000);
});
