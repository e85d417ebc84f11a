import { computeLight, scheduleShare, type LightInput, type LightResult } from '../../core/supervision/lights';
import {
  IN_OFFICE_STATES,
  officeHearsFrom,
  periodAsksAbout,
  periodDeadline,
  reportStanding,
  type Standing,
} from '../../core/reporting/standing';
import { calendarsOf } from '../calendar/calendar.service';
import { historyOf, periodDates, REPORT_HISTORY_COLUMNS } from '../reporting/standings';
import type { ProgressStatus } from '../../core/reporting/states';
import { groupBy } from '../../core/group-by';
import { latestActuals } from '../../core/supervision/latest-actuals';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import { getSettingOfOrgs } from '../settings/settings.service';
import { selectIn } from '../db/select-in';
import { milestoneInputs, milestonesOfTasks } from '../ledger/milestones.repository';

// A pre-filter of what may count; the standing of each entry's report decides (evaluateLights).
const APPROVED = IN_OFFICE_STATES;

/** Which tasks' lights to compute: without a selection, every task of the organisation. */
export type LightSelection = {
  /** Only these notices' tasks (the dashboard's year, a bulletin's notice, an export). */
  noticeIds?: readonly number[];
  /** Only these tasks (a task page, a page of the ledger, the items handed down to an organisation). */
  taskIds?: readonly number[];
  /** For the trend and bulletins: the lights as they stood on a past date, from the periods up to a position. */
  asOf?: { today: string; maxPosition: number };
  /** The selected tasks' entries and approved actuals when the caller has read them already (the roll-up). */
  preloaded?: { entries: TaskEntryRow[]; actuals: ApprovedActualRow[]; indicators: IndicatorRow[] };
};

export type TaskEntryRow = Awaited<ReturnType<typeof entriesOfTasks>>[number];
export type ApprovedActualRow = Awaited<ReturnType<typeof approvedActualsOfTasks>>[number];
export type IndicatorRow = Awaited<ReturnType<typeof indicatorsOfTasks>>[number];

/** The tasks' indicators, in their printed order. */
export function indicatorsOfTasks(db: Db, taskIds: readonly number[]) {
  return selectIn(taskIds, (ids) =>
    db
      .selectFrom('indicators')
      .select(['id', 'task_id', 'name', 'target', 'unit'])
      .where('task_id', 'in', ids)
      .orderBy('position')
      .execute(),
  );
}

/** The tasks' report entries with their report's period, unit and state (only approved reports' with approvedOnly). */
export function entriesOfTasks(db: Db, taskIds: readonly number[], opts: { approvedOnly: boolean }) {
  return selectIn(taskIds, (ids) => {
    let q = db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select([
        'task_progress.id',
        'task_progress.task_id',
        'task_progress.status',
        'task_progress.unit_role',
        'unit_reports.period_id',
        'unit_reports.unit_id',
      ])
      .select(REPORT_HISTORY_COLUMNS.map((c) => `unit_reports.${c}` as const))
      .where('task_progress.task_id', 'in', ids);
    if (opts.approvedOnly) q = q.where('unit_reports.state', 'in', APPROVED);
    return q.execute();
  });
}

/** The indicator actuals of the tasks' approved reports, with the period's place in the year. */
export function approvedActualsOfTasks(db: Db, taskIds: readonly number[]) {
  return selectIn(taskIds, (ids) =>
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .select([
        'indicator_actuals.id',
        'indicator_actuals.indicator_id',
        'indicator_actuals.value',
        'unit_reports.period_id',
        'unit_reports.unit_id',
        'periods.position',
        'task_progress.task_id',
        'task_progress.unit_role',
      ])
      .where('task_progress.task_id', 'in', ids)
      .where('unit_reports.state', 'in', APPROVED)
      .where('indicator_actuals.value', 'is not', null)
      .execute(),
  );
}

/**
 * Every selected task's light in an organisation, from its reports, indicators and the business
 * calendar, in a fixed number of queries (no per-task round trips). Only reports the unit head
 * approved count as reported; a period counts as overdue only once the office opened it.
 */
export async function computeOrgLights(
  ctx: AppContext,
  orgId: number,
  selection: LightSelection = {},
): Promise<Map<number, LightResult>> {
  return computeLights(ctx, [orgId], selection);
}

/**
 * The same for tasks of several organisations at once (an upper level's roll-up over its
 * districts): each organisation's own thresholds, still a fixed number of queries. Selections
 * of organisations' tasks only: a whole province's ledgers are never loaded at once.
 */
export async function computeLights(
  ctx: AppContext,
  orgIds: readonly number[],
  selection: LightSelection = {},
): Promise<Map<number, LightResult>> {
  const data = await loadLightData(ctx, orgIds, selection);
  return evaluateLights(data, selection.asOf ?? { today: ctx.clock.today() });
}

/** What the lights of a selection are computed from, read once (the dashboard evaluates it at several dates). */
export type LightData = Awaited<ReturnType<typeof loadLightData>>;

export async function loadLightData(
  ctx: AppContext,
  orgIds: readonly number[],
  selection: Omit<LightSelection, 'asOf'> = {},
) {
  const db = ctx.db;
  const thresholdsOf = await getSettingOfOrgs(db, orgIds, 'lightThresholds');
  let tasksQ = db
    .selectFrom('tasks')
    .innerJoin('notices', 'notices.id', 'tasks.notice_id')
    .select([
      'tasks.id',
      'tasks.org_id',
      'tasks.due_date',
      'tasks.notice_id',
      'tasks.closed_on',
      'tasks.closed_after_position',
      'tasks.co_reporting',
      'notices.year',
    ])
    .where('tasks.org_id', 'in', orgIds);
  if (selection.noticeIds)
    tasksQ = tasksQ.where('tasks.notice_id', 'in', selection.noticeIds.length ? selection.noticeIds : [-1]);
  const tasks = selection.taskIds
    ? await selectIn(selection.taskIds, (ids) => tasksQ.where('tasks.id', 'in', ids).execute())
    : await tasksQ.execute();
  const taskIds = tasks.map((t) => t.id);
  const noticeIds = [...new Set(tasks.map((t) => t.notice_id))];
  const [periods, taskUnits, entries, indicators, actuals, arrivals, milestones] = await Promise.all([
    noticeIds.length
      ? db
          .selectFrom('periods')
          .select(['id', 'org_id', 'notice_id', 'label', 'position', 'deadline', 'extended_deadline', 'status'])
          .where('notice_id', 'in', noticeIds)
          .execute()
      : [],
    selectIn(taskIds, (ids) =>
      db
        .selectFrom('task_units')
        .innerJoin('units', 'units.id', 'task_units.unit_id')
        .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role', 'units.name'])
        .where('task_units.task_id', 'in', ids)
        .execute(),
    ),
    selection.preloaded?.entries ?? entriesOfTasks(db, taskIds, { approvedOnly: true }),
    selection.preloaded?.indicators ?? indicatorsOfTasks(db, taskIds),
    selection.preloaded?.actuals ?? approvedActualsOfTasks(db, taskIds),
    // Items handed down during the year: a period due before one arrived did not cover it.
    selectIn(taskIds, (ids) =>
      db
        .selectFrom('handdowns')
        .select(['lower_task_id', 'arrived_on'])
        .where('lower_task_id', 'in', ids)
        .where('arrived_on', 'is not', null)
        .execute(),
    ),
    // Milestones (时间节点): where a task has them, its light holds progress against them.
    milestonesOfTasks(db, taskIds),
  ]);
  // Where each unit's report stands (core/reporting/standing.ts) decides which entries count and
  // which periods are overdue. By period only: a second IN list of units makes SQLite's planner
  // scan (92 ms at province scale against a few ms).
  const [reports, calendars] = await Promise.all([
    selectIn(
      periods.map((p) => p.id),
      (ids) =>
        db
          .selectFrom('unit_reports')
          .select(['period_id', 'unit_id', ...REPORT_HISTORY_COLUMNS])
          .where('period_id', 'in', ids)
          .execute(),
    ),
    calendarsOf(db, orgIds),
  ]);
  return {
    milestones,
    thresholdsOf,
    tasks,
    periods,
    taskUnits,
    entries,
    indicators,
    actuals,
    arrivals,
    reports,
    calendars,
  };
}

/** Whether the office reads an entry (or an actual of one) of the selection's tasks: core's officeHearsFrom. */
export function heardByOffice(data: Pick<LightData, 'tasks'>) {
  const coReportingOf = new Map(data.tasks.map((t) => [t.id, t.co_reporting]));
  return (r: { task_id: number; unit_role: 'lead' | 'co' }) => officeHearsFrom(r.unit_role, coReportingOf.get(r.task_id) ?? 'separate');
}

/**
 * The lights from the data, on a date; with maxPosition, as they stood when only the periods up
 * to that position had been reported (the dashboard's trend, a bulletin's figures).
 */
export function evaluateLights(data: LightData, at: { today: string; maxPosition?: number }): Map<number, LightResult> {
  const { thresholdsOf, tasks, periods, taskUnits, indicators, arrivals, reports, calendars } = data;
  const today = at.today;
  const arrivedOn = new Map(arrivals.map((a) => [a.lower_task_id, a.arrived_on!]));
  const later = new Set(
    at.maxPosition !== undefined ? periods.filter((p) => p.position > at.maxPosition!).map((p) => p.id) : [],
  );
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const reportOf = new Map(reports.map((r) => [`${r.period_id}:${r.unit_id}`, r]));
  // One standing per period and unit, on the day the lights are evaluated.
  const standings = new Map<string, Standing>();
  const standingOf = (periodId: number, unitId: number): Standing => {
    const key = `${periodId}:${unitId}`;
    let s = standings.get(key);
    if (!s) {
      const p = periodById.get(periodId)!;
      const r = reportOf.get(key);
      s = reportStanding(r ? historyOf(r) : null, periodDates(p), { today, calendar: calendars.get(p.org_id)! });
      standings.set(key, s);
    }
    return s;
  };
  // Only what is with the office counts (preloaded entries include drafts and returned reports),
  // and of a 报牵头单位 task only its lead unit's entry (officeHearsFrom): the co-units' parts ride on it.
  const heard = heardByOffice(data);
  const entries = data.entries.filter(
    (e) => !later.has(e.period_id) && periodById.has(e.period_id) && heard(e) && standingOf(e.period_id, e.unit_id).inOffice,
  );
  const actuals = data.actuals.filter(
    (a) => !later.has(a.period_id) && periodById.has(a.period_id) && heard(a) && standingOf(a.period_id, a.unit_id).inOffice,
  );
  const periodsOf = groupBy(periods, (p) => p.notice_id);
  const unitsOf = groupBy(taskUnits, (u) => u.task_id);
  const indicatorsOf = groupBy(indicators, (i) => i.task_id);
  const milestonesOf = groupBy(data.milestones, (m) => m.task_id);
  // The latest approved entry of each task: the latest period, the lead unit's before a co-unit's,
  // then the last written — whatever order the rows came in.
  const latestOf = new Map<number, (typeof entries)[number]>();
  for (const e of entries) {
    const cur = latestOf.get(e.task_id);
    const pos = periodById.get(e.period_id)?.position ?? -1;
    const curPos = cur ? (periodById.get(cur.period_id)?.position ?? -1) : -2;
    const newer =
      !cur ||
      pos > curPos ||
      (pos === curPos && (e.unit_role !== cur.unit_role ? e.unit_role === 'lead' : e.id > cur.id));
    if (newer) latestOf.set(e.task_id, e);
  }
  const latestActual = latestActuals(actuals);

  const result = new Map<number, LightResult>();
  for (const task of tasks) {
    if (task.closed_on !== null && task.closed_on <= today) {
      // 销号: completed, accepted and closed by the office; its light stays blue.
      const schedule = scheduleShare(today, `${task.year}-01-01`, task.due_date ?? `${task.year}-12-31`);
      result.set(task.id, {
        light: 'blue',
        reasons: [
          `${Number(task.closed_on.slice(0, 4))}年${Number(task.closed_on.slice(5, 7))}月${Number(task.closed_on.slice(8, 10))}日销号：已完成，经督查室审核通过`,
        ],
        schedule,
        progress: 1,
      });
      continue;
    }
    const overdue: LightInput['overdue'] = [];
    const returned: string[] = [];
    for (const p of periodsOf.get(task.notice_id) ?? []) {
      if (p.status === 'planned') continue;
      const calendar = calendars.get(p.org_id)!;
      if (
        !periodAsksAbout(
          { closedAfterPosition: task.closed_after_position, arrivedOn: arrivedOn.get(task.id) ?? null },
          p,
          periodDeadline(periodDates(p), calendar),
        )
      )
        continue;
      for (const u of unitsOf.get(task.id) ?? []) {
        // A co-unit feeding the lead (报牵头单位) owes the office nothing on this task.
        if (!officeHearsFrom(u.role, task.co_reporting)) continue;
        const s = standingOf(p.id, u.unit_id);
        // A report back with the unit for changes reached the office: said as such, never 未报送.
        if (s.kind === 'returned')
          returned.push(
            `${p.label}（${u.name}）报告退回修改中（${s.reachedOn ? `${Number(s.reachedOn.slice(5, 7))}月${Number(s.reachedOn.slice(8))}日` : ''}${s.timelinessLabel}）`,
          );
        if (s.timeliness !== 'missing') continue;
        overdue.push({ periodLabel: `${p.label}（${u.name}）`, days: s.overdueDays ?? 0, dayUnit: calendar.dayUnit });
      }
    }
    const latest = latestOf.get(task.id);
    const light = computeLight(
      {
        today,
        yearStart: `${task.year}-01-01`,
        dueDate: task.due_date ?? `${task.year}-12-31`,
        latest: latest
          ? (() => {
              const p = periodById.get(latest.period_id);
              const periodEnd = p ? periodDeadline(periodDates(p), calendars.get(p.org_id)!).effective : undefined;
              return {
                periodLabel: p?.label ?? '',
                periodEnd,
                status: latest.status as ProgressStatus,
                accepted: standingOf(latest.period_id, latest.unit_id).kind === 'accepted',
              };
            })()
          : null,
        indicators: (indicatorsOf.get(task.id) ?? []).map((i) => ({
          name: i.name,
          target: i.target,
          unit: i.unit,
          actual: latestActual.get(i.id) ?? null,
        })),
        overdue,
        milestones: milestoneInputs(milestonesOf.get(task.id), indicatorsOf.get(task.id), latestActual),
      },
      thresholdsOf.get(task.org_id)!,
    );
    if (returned.length) light.reasons = light.light === 'grey' ? returned : [...light.reasons, ...returned];
    result.set(task.id, light);
  }
  return result;
}
