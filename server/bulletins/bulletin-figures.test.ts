import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulletinFigures } from '../../core/bulletins/figures';
import { draftBody } from '../../core/bulletins/draft';
import { createTestDb, type TestDb } from '../test/db';
import { computeBulletinFigures } from './bulletin-figures';
import { fixedFirstQuarter } from './fixed-quarter.test-support';

/**
 * The bulletin of a fixed first quarter (fixed-quarter.test-support.ts), figure by figure: 4 tasks,
 * 8 responsible units, 区发改局 on time, 区商务局 3 days late, the other 6 missing on 4月10日.
 */
describe('bulletin figures from a fixed quarter', () => {
  let t: TestDb;
  let figures: BulletinFigures;
  let ids: { devReport: number; commerceReport: number; task1: number; task2: number; task3: number; task4: number };

  beforeAll(async () => {
    t = await createTestDb();
    const f = await fixedFirstQuarter(t.ctx);
    const dev = await f.report('区发改局', '2025-04-03', {
      '1.': { status: 'completed', narrative: '一季度固定资产投资增长9.2%，提前完成全年目标。', actual: 9.2 },
      '2．': { status: 'on_track', narrative: '新开工亿元以上项目10个。', actual: 10 },
    });
    const commerce = await f.report('区商务局', '2025-04-08', { '3.': { status: 'delayed', narrative: '社会消费品零售总额增长1%，进度滞后。', actual: 1 } });
    ids = { devReport: dev.id, commerceReport: commerce.id, task1: await f.taskId('1.'), task2: await f.taskId('2．'), task3: await f.taskId('3.'), task4: await f.taskId('(1)') };
    figures = await computeBulletinFigures(f.at('2025-04-10'), f.org.id, f.q1.id);
  });
  afterAll(() => t.close());

  it('names the period, the day it speaks for and the notice', () => {
    // 5 April 2025 is a day of the 清明节 holiday: the deadline in force is Monday 7 April.
    expect(figures).toMatchObject({ periodLabel: '2025年第一季度', deadline: '2025-04-07', asOf: '2025-04-10', year: 2025 });
    expect(figures.notice).toMatchObject({ docNumber: '东政办〔2025〕7号', title: '东湖区人民政府办公室关于印发2025年重点工作任务分工方案的通知' });
  });

  it('counts every task by light, each with its task ids', () => {
    // Every task has a responsible unit whose report is overdue on 4月10日, so all four are red.
    expect(figures.lights.counts).toEqual({ blue: 0, green: 0, yellow: 0, red: 4, grey: 0, total: 4 });
    expect(figures.lights.taskIds.red.sort()).toEqual([ids.task1, ids.task2, ids.task3, ids.task4].sort());
  });

  it('sorts the units into on time, late and missing, pointing at their reports', () => {
    expect(figures.reporting).toMatchObject({ expected: 8, onTime: 1, late: 1, missing: 6, pending: 0 });
    const byName = Object.fromEntries(figures.reporting.units.map((u) => [u.unitName, u]));
    expect(byName['区发改局']).toMatchObject({ status: 'on_time', reportId: ids.devReport, lateDays: 0 });
    expect(byName['区商务局']).toMatchObject({ status: 'late', reportId: ids.commerceReport, lateDays: 1 });
    expect(
      figures.reporting.units
        .filter((u) => u.status === 'missing')
        .map((u) => u.unitName)
        .sort(),
    ).toEqual(['区人社局', '区住房和城乡建设局', '区教育局', '区统计局', '区财政局', '各街道'].sort());
    expect(figures.reporting.units.filter((u) => u.status === 'missing').every((u) => u.reportId === null)).toBe(true);
  });

  it('lists the task reported completed with the report entry behind it', () => {
    expect(figures.completed).toEqual([
      { taskId: ids.task1, annexNo: 1, seq: '1.', standard: '全年固定资产投资增长8%以上。', unitName: '区发改局', reportId: ids.devReport, progressId: expect.any(Number) },
    ]);
  });

  it('puts the task its unit reports delayed first among those behind, with leaders, units and reasons', () => {
    expect(figures.behindTotal).toEqual({ red: 4, yellow: 0 });
    expect(figures.behind).toHaveLength(4);
    expect(figures.behind[0]).toMatchObject({
      taskId: ids.task3,
      light: 'red',
      leaders: ['刘晓梅'],
      units: ['区商务局'],
      reportId: ids.commerceReport,
      reasons: ['2025年第一季度报告：单位报告进度滞后', '社会消费品零售总额增长1%，目标6%，落后83%'],
    });
  });

  it('offers the entries with something said as highlights, completed and exceeding first', () => {
    expect(figures.highlightCandidates.map((h) => [h.seq, h.unitName, h.status, h.exceeded])).toEqual([
      ['1.', '区发改局', 'completed', true],
      ['2．', '区发改局', 'on_track', false],
      ['3.', '区商务局', 'delayed', false],
    ]);
  });

  it('writes a first draft that states the same figures', () => {
    const highlight = figures.highlightCandidates[0]!.progressId!;
    const text = draftBody(figures, [highlight]);
    expect(text).toContain('确定的4项目标任务中，已完成0项（蓝灯），按序时推进0项（绿灯），存在风险0项（黄灯），进度滞后4项（红灯），尚无报告可评价0项。');
    expect(text).toContain('应报送进展情况的责任单位8个，按时报送1个，逾期报送1个，未报送6个。');
    expect(text).toContain('区商务局（逾期1个工作日报送）。');
    expect(text).toContain('1. 附件1第1项“全年固定资产投资增长8%以上”（区发改局）。');
    expect(text).toContain('五、工作亮点\n\n1. 区发改局：一季度固定资产投资增长9.2%，提前完成全年目标。');
    expect(text).toContain('六、下步工作要求');
    expect(draftBody(figures, [])).not.toContain('工作亮点');
  });
});
