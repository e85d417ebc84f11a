import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedFirstQuarter } from '../bulletins/fixed-quarter.test-support';
import { createTestDb, type TestDb } from '../test/db';
import { rederiveIndicators } from './task-indicators';

describe('indicators follow a task’s text until something is reported against them', () => {
  let t: TestDb;
  let f: Awaited<ReturnType<typeof fixedFirstQuarter>>;
  beforeAll(async () => {
    t = await createTestDb();
    f = await fixedFirstQuarter(t.ctx);
    await f.report('区发改局', '2025-04-03', { '1.': { status: 'on_track', narrative: '投资增长7%。', actual: 7 } });
  });
  afterAll(() => t.close());

  const indicatorsOf = async (taskId: number) =>
    t.ctx.db.selectFrom('indicators').select(['id', 'name', 'target', 'unit']).where('task_id', '=', taskId).orderBy('position').execute();

  it('reads them again from a new text when none was reported', async () => {
    const task = await f.taskId('2．');
    expect(await rederiveIndicators(t.ctx.db, f.org.id, task, '新开工亿元以上项目45个，新建充电桩300个。')).toBe(true);
    expect((await indicatorsOf(task)).map((i) => [i.name, i.target, i.unit])).toEqual([
      ['新开工亿元以上项目', 45, '个'],
      ['新建充电桩', 300, '个'],
    ]);
  });

  it('keeps them, and the actuals reported against them, once a unit reported', async () => {
    const task = await f.taskId('1.');
    const before = await indicatorsOf(task);
    expect(await rederiveIndicators(t.ctx.db, f.org.id, task, '全年固定资产投资增长10%以上。')).toBe(false);
    expect(await indicatorsOf(task)).toEqual(before);
  });
});
