import { IN_OFFICE_STATES } from '../../core/reporting/standing';
import type { Db } from '../db/connection';

/** Queries of the assessment tables; every one takes the organisation explicitly (tenancy). */

export function findSchemeRow(db: Db, orgId: number, year: number) {
  return db.selectFrom('assessment_schemes').selectAll().where('org_id', '=', orgId).where('year', '=', year).executeTakeFirst();
}

export function findRun(db: Db, id: number) {
  return db.selectFrom('assessment_runs').selectAll().where('id', '=', id).executeTakeFirst();
}
export type RunRow = NonNullable<Awaited<ReturnType<typeof findRun>>>;

export function latestRunId(db: Db, orgId: number, year: number) {
  return db
    .selectFrom('assessment_runs')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((r) => r?.id ?? null);
}

export function runScores(db: Db, runId: number) {
  return db.selectFrom('assessment_scores').selectAll().where('run_id', '=', runId).orderBy('rank').orderBy('id').execute();
}
export type ScoreRow = Awaited<ReturnType<typeof runScores>>[number];

export function runAdjustments(db: Db, runId: number) {
  return db.selectFrom('assessment_adjustments').selectAll().where('run_id', '=', runId).orderBy('id').execute();
}

export function listVetoes(db: Db, orgId: number, year: number) {
  return db
    .selectFrom('assessment_vetoes')
    .innerJoin('units', 'units.id', 'assessment_vetoes.unit_id')
    .selectAll('assessment_vetoes')
    .select('units.name as unit_name')
    .where('assessment_vetoes.org_id', '=', orgId)
    .where('assessment_vetoes.year', '=', year)
    .orderBy('assessment_vetoes.id')
    .execute();
}

/** The notices a run covers: the year's, or the one a period belongs to. */
export function noticesOfYear(db: Db, orgId: number, year: number) {
  return db.selectFrom('notices').select(['id', 'doc_number', 'title', 'year']).where('org_id', '=', orgId).where('year', '=', year).orderBy('id').execute();
}

export function periodsOfNotices(db: Db, noticeIds: number[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('periods').selectAll().where('notice_id', 'in', noticeIds).orderBy('notice_id').orderBy('position').execute();
}

/** Units responsible for any task of the notices, with the notices they have tasks in. */
export function responsibleUnits(db: Db, noticeIds: number[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['units.id', 'units.name', 'tasks.notice_id'])
    .distinct()
    .where('tasks.notice_id', 'in', noticeIds)
    .orderBy('units.id')
    .execute();
}

export function tasksOfNotices(db: Db, noticeIds: number[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .select(['tasks.id', 'tasks.notice_id', 'tasks.seq', 'annexes.no as annex_no', 'tasks.closed_after_position'])
    .where('tasks.notice_id', 'in', noticeIds)
    .execute();
}

export function indicatorsOfNotices(db: Db, noticeIds: number[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicators')
    .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
    .select(['indicators.id', 'indicators.task_id', 'indicators.name', 'indicators.target', 'indicators.unit', 'indicators.qualifier'])
    .where('tasks.notice_id', 'in', noticeIds)
    .orderBy('indicators.task_id')
    .orderBy('indicators.position')
    .execute();
}

export function reportsOfPeriods(db: Db, periodIds: number[]) {
  if (periodIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('unit_reports')
    .select(['id', 'period_id', 'unit_id', 'state', 'quality_rating'])
    .where('period_id', 'in', periodIds)
    .execute();
}

// A pre-filter only: each report's standing decides whether its entries count (core/assessment/score.ts).
const REACHED = IN_OFFICE_STATES;

/** Task entries of reports with the office (only those count). */
export function reachedEntries(db: Db, periodIds: number[]) {
  if (periodIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .select(['task_progress.id', 'task_progress.report_id', 'task_progress.task_id', 'task_progress.status', 'unit_reports.period_id'])
    .where('unit_reports.period_id', 'in', periodIds)
    .where('unit_reports.state', 'in', REACHED)
    .execute();
}

export function reachedActuals(db: Db, periodIds: number[]) {
  if (periodIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('indicator_actuals')
    .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .select(['indicator_actuals.progress_id', 'indicator_actuals.indicator_id', 'indicator_actuals.value'])
    .where('unit_reports.period_id', 'in', periodIds)
    .where('unit_reports.state', 'in', REACHED)
    .execute();
}
