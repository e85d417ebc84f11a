import type { QualityRating } from '../../core/assessment/scheme';
import type { AssessmentInput, ScoreEntry } from '../../core/assessment/types';
import type { ProgressStatus } from '../../core/reporting/states';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import type { WorkCalendar } from '../../core/calendar/work-calendar';
import { calendarOf } from '../calendar/calendar.service';
import { effectiveDeadline, type Period } from '../reporting/periods.repository';
import { officeHearsFrom } from '../../core/reporting/standing';
import { coReportingOf, standingsOfPeriods, viaLeadTasks } from '../reporting/standings';
import { tasksOfUnit } from '../reporting/report-open.service';
import {
  indicatorsOfNotices,
  listVetoes,
  reachedActuals,
  reachedEntries,
  periodsOfNotices,
  reportsOfPeriods,
  responsibleUnits,
  tasksOfNotices,
} from './assessment.repository';

export type RunScope = { orgId: number; year: number; noticeIds: number[]; periods: Period[]; onlyPeriodId: number | null; asOf: string };

/**
 * Whether a period counts for reporting and quality: the one the office chose for a period run;
 * in a year run, each period the office opened whose deadline (extension included) has passed by
 * the run's date — a unit cannot be faulted for a report not yet due, and lateness is counted the
 * same way the lights count an overdue report.
 */
export function periodIsDue(p: Period, scope: Pick<RunScope, 'onlyPeriodId' | 'asOf'>, calendar: WorkCalendar): boolean {
  if (scope.onlyPeriodId !== null) return p.id === scope.onlyPeriodId;
  return p.status !== 'planned' && effectiveDeadline(p, calendar) < scope.asOf;
}

/**
 * Reads the facts of one run for core/assessment's scoreUnits(): a fixed number of queries plus two per unit and notice.
 *
 * 销号: a closed task is scored by the entry that closed it — its lead unit's "completed", accepted
 * by the office. Entries of the task in later periods (written before it was closed and kept as
 * history) do not count, and a run of a later period alone reads the closing period's report as
 * well (not due, so it adds no reporting or quality line).
 */
export async function gatherInput(ctx: AppContext, scope: RunScope): Promise<AssessmentInput> {
  const db = ctx.db;
  const [calendar, taskRows] = await Promise.all([calendarOf(db, scope.orgId), tasksOfNotices(db, scope.noticeIds)]);
  const closedAfter = new Map(taskRows.filter((t) => t.closed_after_position !== null).map((t) => [t.id, t.closed_after_position!]));
  const closingPeriods = await closingPeriodsOutside(db, scope, taskRows);
  const periods = [...scope.periods, ...closingPeriods];
  const periodIds = periods.map((p) => p.id);
  const [unitRows, indicators, reports, standings, allEntries, actuals, vetoes, viaLead] = await Promise.all([
    responsibleUnits(db, scope.noticeIds),
    indicatorsOfNotices(db, scope.noticeIds),
    reportsOfPeriods(db, periodIds),
    // Where each unit's report stood on the run's date: the one rule (core/reporting/standing.ts).
    standingsOfPeriods(ctx, periods, { today: scope.asOf, calendars: new Map([[scope.orgId, calendar]]) }),
    reachedEntries(db, periodIds),
    reachedActuals(db, periodIds),
    listVetoes(db, scope.orgId, scope.year),
    viaLeadTasks(db, taskRows.map((t) => t.id)),
  ]);
  const positionOf = new Map(periods.map((p) => [p.id, p.position]));
  const extra = new Set(closingPeriods.map((p) => p.id));
  const entries = allEntries.filter((e) => {
    const closed = closedAfter.get(e.task_id);
    const position = positionOf.get(e.period_id)!;
    if (extra.has(e.period_id)) return closed === position; // read for its closing entries only
    return closed === undefined || position <= closed;
  });
  const standingOf = new Map([...standings.values()].flat().map((u) => [`${u.periodId}:${u.unitId}`, u.standing]));
  const taskById = new Map(taskRows.map((t) => [t.id, t]));
  const indicatorsOf = new Map<number, typeof indicators>();
  for (const i of indicators) indicatorsOf.set(i.task_id, [...(indicatorsOf.get(i.task_id) ?? []), i]);
  const actualsOf = new Map<number, ScoreEntry['actuals']>();
  for (const a of actuals) actualsOf.set(a.progress_id, [...(actualsOf.get(a.progress_id) ?? []), { indicatorId: a.indicator_id, value: a.value }]);

  // The tasks each unit reports on: linked tasks (the same work handed down twice) are reported,
  // and so scored, once — exactly the entries its reports were opened with.
  const units = new Map<number, AssessmentInput['units'][number]>();
  for (const row of unitRows) {
    const unit = units.get(row.id) ?? { id: row.id, name: row.name, tasks: [] };
    units.set(row.id, unit);
    for (const t of await tasksOfUnit(db, row.id, row.notice_id)) {
      const task = taskById.get(t.taskId);
      if (!task) continue;
      // 报牵头单位: the office assesses such a task through its lead unit's entry; a co-unit's part is not scored on its own.
      if (!officeHearsFrom(t.role, coReportingOf(viaLead, t.taskId))) continue;
      unit.tasks.push({
        id: t.taskId,
        noticeId: row.notice_id,
        annexNo: t.annexNo,
        seq: task.seq,
        role: t.role,
        indicators: (indicatorsOf.get(t.taskId) ?? []).map((i) => ({ id: i.id, name: i.name, target: i.target, unit: i.unit, qualifier: i.qualifier })),
      });
    }
  }

  return {
    periods: periods.map((p) => ({ id: p.id, label: p.label, noticeId: p.notice_id, order: p.position, due: periodIsDue(p, scope, calendar) })),
    units: [...units.values()],
    reports: reports.map((r) => ({
      id: r.id,
      periodId: r.period_id,
      unitId: r.unit_id,
      state: r.state,
      standing: standingOf.get(`${r.period_id}:${r.unit_id}`)!,
      qualityRating: r.quality_rating as QualityRating | null,
    })),
    exempt: [...standings.values()].flat().filter((u) => u.standing.kind === 'exempt').map((u) => ({ periodId: u.periodId, unitId: u.unitId })),
    entries: entries.map((e) => ({ progressId: e.id, reportId: e.report_id, taskId: e.task_id, status: e.status as ProgressStatus, actuals: actualsOf.get(e.id) ?? [] })),
    vetoes: vetoes.map((v) => ({ unitId: v.unit_id, reason: v.reason })),
  };
}

/** The periods whose accepted reports closed (销号) tasks of the run, when the run does not cover them already. */
async function closingPeriodsOutside(db: Db, scope: RunScope, tasks: { notice_id: number; closed_after_position: number | null }[]): Promise<Period[]> {
  const covered = new Set(scope.periods.map((p) => `${p.notice_id}:${p.position}`));
  const wanted = new Set(tasks.filter((t) => t.closed_after_position !== null).map((t) => `${t.notice_id}:${t.closed_after_position}`));
  const missing = [...wanted].filter((k) => !covered.has(k));
  if (missing.length === 0) return [];
  const all = await periodsOfNotices(db, [...new Set(missing.map((k) => Number(k.split(':')[0])))]);
  return all.filter((p) => missing.includes(`${p.notice_id}:${p.position}`));
}
