import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standingsOfPeriods } from '../reporting/standings';
import { systemActor } from '../audit/actor';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg } from '../test/factories';
import { findRun } from './assessment.repository';
import { runAssessment } from './run.service';
import { presentRun, type RunView } from './run-view';
import { buildAssessmentFixture, FIXTURE_TODAY, type AssessmentFixture } from './test-fixture';

/**
 * The assessment of the fixed data set (test-fixture.ts), asserted figure by figure with the
 * default scheme: 报送 20 (10 a period, −0.5 a day late), 完成 60 (status blended 50/50 with
 * indicators, lead 1 / co 0.5), 质量 20 (优 100% 良 85% 中 70% 差 50%, unrated 良), +1 an
 * indicator beaten by 10%.
 */
describe('the assessment of the fixed data set', () => {
  let t: TestDb;
  let orgId: number;
  let f: AssessmentFixture;
  const office = () => ({ ...systemActor('督查室'), orgId, role: 'office' as const });
  const run = async (req: { year: number } | { periodId: number }) => presentRun(t.ctx.db, (await findRun(t.ctx.db, await runAssessment(t.ctx, office(), orgId, req)))!);
  const figures = (v: RunView) => v.scores.map((s) => [s.unitName, s.reporting, s.completion, s.quality, s.bonus, s.computed, s.final, s.rank, s.grade]);
  const unit = (v: RunView, name: string) => v.scores.find((s) => s.unitName === name)!;

  beforeAll(async () => {
    t = await createTestDb({ DUBAN_TODAY: FIXTURE_TODAY });
    orgId = (await makeOrg(t.ctx, { name: '测试区' })).id;
    f = await buildAssessmentFixture(t.ctx, orgId);
  });
  afterAll(() => t.close());

  it('records the lateness the figures rest on', async () => {
    const rows = await t.ctx.db.selectFrom('unit_reports').select(['id', 'period_id', 'unit_id', 'state', 'quality_rating']).where('org_id', '=', orgId).orderBy('id').execute();
    const periods = await t.ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).execute();
    const standings = [...(await standingsOfPeriods(t.ctx, periods, { today: FIXTURE_TODAY })).values()].flat();
    const lateOf = (r: (typeof rows)[number]) => standings.find((u) => u.periodId === r.period_id && u.unitId === r.unit_id)!.standing.lateDays;
    // Working days after the deadline: 乙's 11 April is 7 working days after 1 April (4–6 April off, 7 April worked).
    expect(rows.map((r) => [r.state, lateOf(r), r.quality_rating])).toEqual([
      ['accepted', 0, 'excellent'],
      ['submitted', 3, null],
      ['accepted', 7, 'fair'],
      ['pending_head', null, null],
      ['submitted', 0, 'poor'],
      ['submitted', 0, 'good'],
    ]);
  });

  it('scores the year: every due period for reporting and quality, each task’s latest entry for completion', async () => {
    const v = await run({ year: 2024 });
    expect(v.run).toMatchObject({ year: 2024, periodId: null, scopeLabel: '2024年度', asOf: FIXTURE_TODAY, isLatest: true });
    expect(figures(v)).toEqual([
      // 丙: 10 + 10; (3) lead completed, 12/10 → 60; 差 5 + 良 8.5; 12 beats 10 by 20% → +1.
      ['区丙局', 20, 60, 13.5, 1, 94.5, 94.5, 1, 'excellent'],
      // 甲: 10 + (10 − 3 × 0.5); (1) 24 + (3) 6 + (4) 19.2; 优 10 + unrated 8.5; 120 beats 100 → +1.
      ['区甲局', 18.5, 49.2, 18.5, 1, 87.2, 87.2, 2, 'good'],
      // 乙: (10 − 7 working days × 0.5) + Q2 never reached the office 0; Q1 entries (1) 11 + (2) 12; 中 7 + 0.
      ['区乙局', 6.5, 23, 7, 0, 36.5, 36.5, 3, 'fail'],
    ]);
  });

  it('traces every line of the breakdown to its report, entry or indicator', async () => {
    const v = (await presentRun(t.ctx.db, (await findRun(t.ctx.db, (await t.ctx.db.selectFrom('assessment_runs').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id))!));
    const jia = unit(v, '区甲局');
    expect(jia.lines.map((l) => [l.part, l.points, l.max, l.text])).toEqual([
      ['reporting', 10, 10, '2024年第一季度报告按时报送'],
      ['reporting', 8.5, 10, '2024年第二季度报告逾期3个工作日报送，每个工作日扣0.5分，扣1.5分'],
      ['completion', 24, 24, '附件1 (1)（牵头，权重1）2024年第二季度：已完成（100%），指标完成率100%，综合100%'],
      ['completion', 6, 12, '附件1 (3)（配合，权重0.5）2024年第二季度：存在风险（50%），指标完成率50%，综合50%'],
      ['completion', 19.2, 24, '附件1 (4)（牵头，权重1）2024年第二季度：按序时推进（80%）'],
      ['quality', 10, 10, '2024年第一季度报告质量评价：优（100%）'],
      ['quality', 8.5, 10, '2024年第二季度报告未评价，按良（85%）计'],
      ['bonus', 1, null, '附件1 (1)（牵头）指标“新增学位”2024年第二季度实际120个，目标100个，超过目标20%，加1分'],
    ]);
    expect(jia.lines.map((l) => l.source)).toEqual([
      { kind: 'report', periodId: f.periods.q1, periodLabel: '2024年第一季度', reportId: f.reports.jiaQ1 },
      { kind: 'report', periodId: f.periods.q2, periodLabel: '2024年第二季度', reportId: f.reports.jiaQ2 },
      expect.objectContaining({ kind: 'task', taskId: f.tasks[0], reportId: f.reports.jiaQ2, progressId: await f.progressOf(f.reports.jiaQ2, 1) }),
      expect.objectContaining({ kind: 'task', taskId: f.tasks[2], role: 'co', reportId: f.reports.jiaQ2, progressId: await f.progressOf(f.reports.jiaQ2, 3) }),
      expect.objectContaining({ kind: 'task', taskId: f.tasks[3], reportId: f.reports.jiaQ2, progressId: await f.progressOf(f.reports.jiaQ2, 4) }),
      { kind: 'report', periodId: f.periods.q1, periodLabel: '2024年第一季度', reportId: f.reports.jiaQ1 },
      { kind: 'report', periodId: f.periods.q2, periodLabel: '2024年第二季度', reportId: f.reports.jiaQ2 },
      expect.objectContaining({ kind: 'indicator', indicatorId: f.indicators[0], reportId: f.reports.jiaQ2, progressId: await f.progressOf(f.reports.jiaQ2, 1) }),
    ]);
    const yi = unit(v, '区乙局');
    // The report still with the head is named (it exists) but earns nothing; Q1's entries speak for completion.
    expect(yi.lines.filter((l) => l.part !== 'completion').map((l) => [l.points, l.text, l.source.kind === 'report' && l.source.reportId])).toEqual([
      [6.5, '2024年第一季度报告逾期7个工作日报送，每个工作日扣0.5分，扣3.5分', f.reports.yiQ1],
      [0, '2024年第二季度报告未报送督查室（待负责人审定），不得分', f.reports.yiQ2],
      [7, '2024年第一季度报告质量评价：中（70%）', f.reports.yiQ1],
      [0, '2024年第二季度报告未报送督查室（待负责人审定），不计质量分', f.reports.yiQ2],
    ]);
    expect(yi.lines.filter((l) => l.part === 'completion').map((l) => [l.points, l.source.kind === 'task' && l.source.progressId])).toEqual([
      [11, await f.progressOf(f.reports.yiQ1, 1)],
      [12, await f.progressOf(f.reports.yiQ1, 2)],
    ]);
    // Each part is the sum of its lines, and the total the sum of the parts.
    for (const s of v.scores) {
      const partSum = (p: string) => Math.round(s.lines.filter((l) => l.part === p).reduce((a, l) => a + l.points, 0) * 100) / 100;
      expect([partSum('reporting'), partSum('completion'), partSum('quality'), partSum('bonus')]).toEqual([s.reporting, s.completion, s.quality, s.bonus]);
    }
  });

  it('scores one period on its own reports only', async () => {
    const v = await run({ periodId: f.periods.q1 });
    expect(v.run).toMatchObject({ periodId: f.periods.q1, scopeLabel: '2024年第一季度' });
    expect(figures(v)).toEqual([
      // 丙: 20; (3) on track 80% with 6/10 → 70% → 42; 差 10.
      ['区丙局', 20, 42, 10, 0, 72, 72, 1, 'pass'],
      // 甲: 20; (1) on track with 40/100 → 60% → 14.4, (3) and (4) not started 0; 优 20.
      ['区甲局', 20, 14.4, 20, 0, 54.4, 54.4, 2, 'fail'],
      // 乙: 20 − 3.5 (7 working days late); (1) 11 + (2) 12; 中 14.
      ['区乙局', 16.5, 23, 14, 0, 53.5, 53.5, 3, 'fail'],
    ]);
  });

  it('refuses a period never opened and a year without notices', async () => {
    await expect(runAssessment(t.ctx, office(), orgId, { periodId: f.periods.q3 })).rejects.toMatchObject({ code: 'ASSESSMENT_PERIOD_NOT_OPENED' });
    await expect(runAssessment(t.ctx, office(), orgId, { year: 2023 })).rejects.toMatchObject({ code: 'ASSESSMENT_NOTHING_TO_ASSESS' });
  });

  it('keeps a run as it was when reports change later; running again makes a new run', async () => {
    const before = await run({ year: 2024 });
    await t.ctx.db.updateTable('unit_reports').set({ quality_rating: 'excellent' }).where('id', '=', f.reports.yiQ1).execute();
    const kept = await presentRun(t.ctx.db, (await findRun(t.ctx.db, before.run.id))!);
    expect(unit(kept, '区乙局')).toMatchObject({ quality: 7, final: 36.5 });
    const again = await run({ year: 2024 });
    expect(again.run.id).toBeGreaterThan(before.run.id);
    expect(unit(again, '区乙局')).toMatchObject({ quality: 10, final: 39.5 });
    expect((await presentRun(t.ctx.db, (await findRun(t.ctx.db, before.run.id))!)).run.isLatest).toBe(false);
  });
});
