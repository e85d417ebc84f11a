import type { QualityRating } from '../../core/assessment/scheme';
import type { ProgressStatus } from '../../core/reporting/states';
import { systemActor } from '../audit/actor';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { findPeriod } from '../reporting/periods.repository';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { makeUnit, fillBlankEntries } from '../test/factories';
import { rateReport } from './quality.service';

/**
 * The fixed data set the assessment tests assert figure by figure: three units, four tasks (two
 * with indicators, lead and co-operating units), two open periods of a 2024 notice (a third still
 * planned), and reports with known approval dates, statuses, actuals and ratings. The notice is
 * written straight into the tables; the reports go through the real services with the business
 * clock set to each approval day, so lateness is computed as in production.
 *
 *   task  lead  co   indicator
 *   (1)   甲    乙   新增学位 100个
 *   (2)   乙
 *   (3)   丙    甲   绿化覆盖率 10%
 *   (4)   甲
 *
 *   report  approved     late  entries (status, actual)                              rating
 *   甲 Q1   2024-04-01   0     (1) on_track 40, (3) not_started –, (4) not_started   优 (accepted)
 *   甲 Q2   2024-07-04   3     (1) completed 120, (3) at_risk 5, (4) on_track        – (submitted)
 *   乙 Q1   2024-04-11   10    (1) on_track 30, (2) delayed                          中 (accepted)
 *   乙 Q2   (never approved: pending_head)   (1) completed 100, (2) completed
 *   丙 Q1   2024-03-30   0     (3) on_track 6                                        差
 *   丙 Q2   2024-07-01   0     (3) completed 12                                      良
 */
export const FIXTURE_TODAY = '2024-07-15';

type Entry = { task: number; status: ProgressStatus; actual?: number | null };

export async function buildAssessmentFixture(ctx: AppContext, orgId: number) {
  const actor = { ...systemActor('测试'), orgId };
  const office = { ...systemActor('督查室测试'), orgId, role: 'office' as const };
  const now = new Date().toISOString();
  const [jia, yi, bing] = [
    (await makeUnit(ctx, orgId, { name: '区甲局' })).id,
    (await makeUnit(ctx, orgId, { name: '区乙局' })).id,
    (await makeUnit(ctx, orgId, { name: '区丙局' })).id,
  ];
  const notice = await ctx.db
    .insertInto('notices')
    .values({ org_id: orgId, title: '关于做好2024年《政府工作报告》目标任务责任分解工作的通知', year: 2024, reporting_deadlines_json: '[]', anomalies_json: '[]', doc_number: '测政办〔2024〕1号', issuer: null, issued_date: null, report_to: null, imported_by: null, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const annex = await ctx.db.insertInto('annexes').values({ org_id: orgId, notice_id: notice.id, no: 1, title: '附件1', kind: 'district-gwr' }).returning('id').executeTakeFirstOrThrow();
  const specs = [
    { units: [jia, yi], indicator: { name: '新增学位', target: 100, unit: '个' } },
    { units: [yi] },
    { units: [bing, jia], indicator: { name: '绿化覆盖率', target: 10, unit: '%' } },
    { units: [jia] },
  ];
  const tasks: number[] = [];
  const indicators: (number | null)[] = [];
  for (const [i, spec] of specs.entries()) {
    const task = await ctx.db
      .insertInto('tasks')
      .values({ org_id: orgId, notice_id: notice.id, annex_id: annex.id, category_id: null, position: i, seq: `(${i + 1})`, upstream_no: null, upstream_item: null, standard: `测试任务${i + 1}`, deadline: null, due_date: null, leaders_printed: '', units_printed_json: '[]', repairs_json: '[]', anomalies_json: '[]', uncertain: 0, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks.push(task.id);
    for (const [j, unitId] of spec.units.entries()) {
      await ctx.db.insertInto('task_units').values({ org_id: orgId, task_id: task.id, unit_id: unitId, role: j === 0 ? 'lead' : 'co', printed: '', note: null, position: j }).execute();
    }
    if (spec.indicator) {
      const ind = await ctx.db
        .insertInto('indicators')
        .values({ org_id: orgId, task_id: task.id, position: 0, name: spec.indicator.name, target: spec.indicator.target, unit: spec.indicator.unit, qualifier: null, text: '' })
        .returning('id')
        .executeTakeFirstOrThrow();
      indicators.push(ind.id);
    } else indicators.push(null);
  }
  const period = async (position: number, kind: string, label: string, deadline: string, status: 'open' | 'planned') =>
    (
      await ctx.db
        .insertInto('periods')
        .values({ org_id: orgId, notice_id: notice.id, position, kind, label, deadline, status, past_at_import: 0, opened_at: status === 'open' ? now : null, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const q1 = await period(0, 'q1', '2024年第一季度', '2024-04-01', 'open');
  const q2 = await period(1, 'q2', '2024年第二季度', '2024-07-01', 'open');
  const q3 = await period(2, 'q3', '2024年第三季度', '2024-10-01', 'planned');

  const report = async (periodId: number, unitId: number, entries: Entry[], approveOn: string | null, opts: { accept?: boolean; rating?: QualityRating } = {}) => {
    const at = { ...ctx, clock: createClock({ today: approveOn ?? '2024-07-10' }) };
    let r = await openReport(at, actor, (await findPeriod(ctx.db, periodId))!, unitId);
    for (const e of entries) {
      const taskId = tasks[e.task - 1]!;
      const row = await ctx.db.selectFrom('task_progress').select('version').where('report_id', '=', r.id).where('task_id', '=', taskId).executeTakeFirstOrThrow();
      const indicatorId = indicators[e.task - 1];
      await saveProgress(at, actor, r, taskId, {
        version: row.version,
        status: e.status,
        narrative: '进展情况',
        problems: '',
        nextSteps: '',
        actuals: indicatorId && e.actual !== undefined ? [{ indicatorId, value: e.actual }] : [],
      });
    }
    await fillBlankEntries(ctx.db, r.id);
    r = await transitionReport(at, actor, (await findReport(ctx.db, r.id))!, 'submit', { version: r.version });
    if (approveOn) r = await transitionReport(at, actor, r, 'approve', { version: r.version });
    if (opts.accept) r = await transitionReport(at, office, r, 'accept', { version: r.version });
    if (opts.rating) await rateReport(ctx, office, r, opts.rating, r.quality_rating);
    return r.id;
  };

  const reports = {
    jiaQ1: await report(q1, jia, [{ task: 1, status: 'on_track', actual: 40 }, { task: 3, status: 'not_started', actual: null }, { task: 4, status: 'not_started' }], '2024-04-01', { accept: true, rating: 'excellent' }),
    jiaQ2: await report(q2, jia, [{ task: 1, status: 'completed', actual: 120 }, { task: 3, status: 'at_risk', actual: 5 }, { task: 4, status: 'on_track' }], '2024-07-04'),
    yiQ1: await report(q1, yi, [{ task: 1, status: 'on_track', actual: 30 }, { task: 2, status: 'delayed' }], '2024-04-11', { accept: true, rating: 'fair' }),
    yiQ2: await report(q2, yi, [{ task: 1, status: 'completed', actual: 100 }, { task: 2, status: 'completed' }], null),
    bingQ1: await report(q1, bing, [{ task: 3, status: 'on_track', actual: 6 }], '2024-03-30', { rating: 'poor' }),
    bingQ2: await report(q2, bing, [{ task: 3, status: 'completed', actual: 12 }], '2024-07-01', { rating: 'good' }),
  };
  const progressOf = async (reportId: number, task: number) =>
    (await ctx.db.selectFrom('task_progress').select('id').where('report_id', '=', reportId).where('task_id', '=', tasks[task - 1]!).executeTakeFirstOrThrow()).id;
  return { units: { jia, yi, bing }, tasks, indicators, periods: { q1, q2, q3 }, reports, progressOf, noticeId: notice.id };
}
export type AssessmentFixture = Awaited<ReturnType<typeof buildAssessmentFixture>>;
