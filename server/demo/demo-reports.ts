import type { ProgressStatus } from '../../core/reporting/states';
import { systemActor } from '../audit/actor';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { findPeriod } from '../reporting/periods.repository';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { roll } from './demo-roll';

/**
 * Deterministic sample reports for the demo's first quarter, so a newcomer sees a live dashboard
 * at first start: most units reported on time, some late, some not at all; most tasks on track,
 * some at risk or delayed, indicators part way. The same data every time (hashes, not Math.random).
 * Each district has its own profile, so the city's roll-up shows real differences between them.
 */
export type ReportProfile = {
  /** Mixed into every roll, so two districts with the same unit names differ; [] keeps 新洲区's data as it was. */
  salt: string[];
  /** Shares of units: no report at all, then reported late (the rest on time). */
  missing: number;
  late: number;
  /** Share of submitted reports the office accepted by the close of the period. */
  accepted: number;
  /** Cumulative thresholds of on_track, at_risk, delayed, not_started (the rest completed). */
  statuses: [number, number, number, number];
  /** Q1 share of a count or amount target reached: base + spread × roll (a delayed task: delayed × roll). */
  progress: { base: number; spread: number; delayed: number };
};

/** 新洲区: the profile the demo always had. */
export const XINZHOU_PROFILE: ReportProfile = {
  salt: [],
  missing: 0.12,
  late: 0.18,
  accepted: 0.8,
  statuses: [0.62, 0.77, 0.87, 0.95],
  progress: { base: 0.1, spread: 0.25, delayed: 0.1 },
};

/** 黄陂区: more on time, fewer delays, indicators further ahead. */
export const HUANGPI_PROFILE: ReportProfile = {
  salt: ['420116'],
  missing: 0.04,
  late: 0.08,
  accepted: 0.92,
  statuses: [0.74, 0.86, 0.91, 0.95],
  progress: { base: 0.2, spread: 0.3, delayed: 0.15 },
};

const NARRATIVES: Record<ProgressStatus, string[]> = {
  on_track: ['一季度已完成工作方案制定和任务分解，各项工作按序时推进。', '已召开专题推进会，明确责任人和时间节点，一季度进展顺利。', '项目前期手续办理完毕，已进入实施阶段，进度符合计划。'],
  at_risk: ['受资金到位时间影响，部分子项目进度偏慢，正在积极协调。', '部分用地报批手续仍在办理中，存在影响后续进度的风险。'],
  delayed: ['因项目选址调整，前期工作延后，一季度进度滞后。', '受招标流程影响，项目开工时间推迟，进度滞后于序时。'],
  not_started: ['正在开展前期调研，尚未启动实施。'],
  completed: ['该项任务已全面完成，相关材料已归档。'],
};

function pickStatus(r: number, [onTrack, atRisk, delayed, notStarted]: ReportProfile['statuses']): ProgressStatus {
  if (r < onTrack) return 'on_track';
  if (r < atRisk) return 'at_risk';
  if (r < delayed) return 'delayed';
  if (r < notStarted) return 'not_started';
  return 'completed';
}

export async function seedDemoReports(ctx: AppContext, orgId: number, profile: ReportProfile = XINZHOU_PROFILE) {
  const dice = (...parts: (string | number)[]) => roll(...parts, ...profile.salt);
  const office = { ...systemActor('督查室（演示数据）'), orgId };
  const at = (today: string) => ({ ...ctx, clock: createClock({ today }) });
  const q1 = await ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 0).executeTakeFirst();
  if (!q1 || q1.status !== 'planned') return;
  await openOrClosePeriod(at('2024-04-02'), office, q1, 'open');
  const period = (await findPeriod(ctx.db, q1.id))!;
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', (eb) => eb.selectFrom('task_units').innerJoin('tasks', 'tasks.id', 'task_units.task_id').select('task_units.unit_id').where('tasks.notice_id', '=', period.notice_id))
    .orderBy('id')
    .execute();
  // Tasks and indicators are keyed by their place in the notice, not their database ids, so a
  // district's reports do not change when other notices were imported before its own.
  const first = await ctx.db
    .selectFrom('tasks')
    .leftJoin('indicators', 'indicators.task_id', 'tasks.id')
    .select((eb) => [eb.fn.min('tasks.id').as('task'), eb.fn.min('indicators.id').as('indicator')])
    .where('tasks.notice_id', '=', period.notice_id)
    .executeTakeFirstOrThrow();
  const taskKey = (id: number) => id - Number(first.task) + 1;
  const indicatorKey = (id: number) => id - Number(first.indicator) + 1;
  for (const unit of units) {
    const r = dice('unit', unit.name);
    if (r < profile.missing) continue; // no report at all
    const late = r < profile.missing + profile.late;
    const submittedOn = late ? `2024-04-${String(3 + Math.floor(dice('late', unit.name) * 10)).padStart(2, '0')}` : '2024-04-01';
    const clerk = { ...systemActor(`${unit.name}经办人（演示数据）`), orgId };
    const ctxAt = at(submittedOn);
    let report = await openReport(ctxAt, clerk, period, unit.id);
    const entries = await ctx.db.selectFrom('task_progress').select(['task_id', 'version']).where('report_id', '=', report.id).execute();
    for (const entry of entries) {
      const status = pickStatus(dice('status', unit.name, taskKey(entry.task_id)), profile.statuses);
      const narratives = NARRATIVES[status];
      const indicators = await ctx.db.selectFrom('indicators').select(['id', 'target', 'unit']).where('task_id', '=', entry.task_id).execute();
      await saveProgress(ctxAt, clerk, report, entry.task_id, {
        version: entry.version,
        status,
        narrative: narratives[Math.floor(dice('text', unit.name, taskKey(entry.task_id)) * narratives.length)]!,
        problems: status === 'at_risk' || status === 'delayed' ? '需要相关部门协调支持。' : '',
        nextSteps: '二季度将加大推进力度，确保按期完成。',
        actuals: indicators.map((i) => {
          const f = dice('actual', indicatorKey(i.id));
          const { base, spread, delayed } = profile.progress;
          // Rates are measured against the full target; counts and amounts accumulate over the year.
          const share = i.unit === '%' ? 0.8 + f * 0.25 : status === 'delayed' ? f * delayed : base + f * spread;
          return { indicatorId: i.id, value: Math.round(i.target * share * 10) / 10 };
        }),
      });
    }
    report = (await findReport(ctx.db, report.id))!;
    report = await transitionReport(ctxAt, clerk, report, 'submit', { version: report.version });
    report = await transitionReport(ctxAt, { ...systemActor(`${unit.name}负责人（演示数据）`), orgId }, report, 'approve', { version: report.version });
    if (dice('accept', unit.name) < profile.accepted) await transitionReport(at('2024-04-12'), office, report, 'accept', { version: report.version });
  }
  await openOrClosePeriod(at('2024-04-20'), office, (await findPeriod(ctx.db, q1.id))!, 'close');
}
