import { sql, type SelectQueryBuilder } from 'kysely';
import { IN_OFFICE_STATES } from '../../core/reporting/standing';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';
import { REPORT_HISTORY_COLUMNS } from '../reporting/standings';
import type { ApprovedActualRow, IndicatorRow, TaskEntryRow } from '../supervision/lights.service';

/**
 * The roll-up's set-based reads (issue 19). A province's roll-up covers thousands of lower tasks
 * with ~20 entries and ~15 actuals each, of which the answer needs a few: every read here returns
 * a handful of rows per task or indicator, chosen in the database by window functions. The lower
 * tasks are named by a subquery on handdowns (no list of thousands of bound ids: the statement
 * text stays the same, so it is prepared once).
 *
 * No rule is decided here. Which entry or actual counts (the report has reached the office —
 * core/reporting/standing.ts — and the office hears from that unit on that task) stays with the
 * rule in JavaScript. The database only keeps, of every class of rows the rule treats alike, the
 * one the rule would prefer: within a class the rule keeps all rows or none, so the best row the
 * rule keeps overall is the best kept representative of its class. A class is the task (or
 * indicator), the period's notice (the lights read periods of the tasks' notices only), the
 * unit's role (who the office hears from) and whether the report had first reached the office by
 * `today` (null counts as not). The preference is core's latest: the latest period, the lead
 * unit's before a co-unit's (constant within a class), then the last written.
 */

/** The lower tasks of an upper organisation's items: a subquery, never a list of ids. */
export type LowerTasks = SelectQueryBuilder<Database, 'handdowns', { lower_task_id: number }>;

export function lowerTasksOf(db: Db, upperOrgId: number, upperTaskIds: readonly number[]): LowerTasks {
  return db
    .selectFrom('handdowns')
    .select('handdowns.lower_task_id')
    .where('handdowns.upper_org_id', '=', upperOrgId)
    .where('handdowns.upper_task_id', 'in', upperTaskIds.length ? [...upperTaskIds] : [-1]);
}

/** Whether the entry's report had first reached the office by `today`: a class, not a decision (the rule decides). */
const reachedClass = (today: string) =>
  sql<number>`case when ${sql.ref('unit_reports.first_reached_on')} <= ${today} then 1 else 0 end`;

/**
 * Of the tasks' entries in reports the office may hold (IN_OFFICE_STATES, the pre-filter the
 * lights apply too), the latest of each class: what the lights' latest entry is chosen from.
 */
export function latestEntryCandidates(db: Db, lowerTasks: LowerTasks, today: string): Promise<TaskEntryRow[]> {
  const ranked = db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .select(['task_progress.id', 'task_progress.task_id', 'task_progress.status', 'task_progress.unit_role', 'unit_reports.period_id', 'unit_reports.unit_id'])
    .select(REPORT_HISTORY_COLUMNS.map((c) => `unit_reports.${c}` as const))
    .select(
      sql<number>`row_number() over (partition by ${sql.ref('task_progress.task_id')}, ${sql.ref('periods.notice_id')}, ${sql.ref('task_progress.unit_role')}, ${reachedClass(today)} order by ${sql.ref('periods.position')} desc, ${sql.ref('task_progress.id')} desc)`.as('pick'),
    )
    .where('task_progress.task_id', 'in', lowerTasks)
    .where('unit_reports.state', 'in', IN_OFFICE_STATES);
  return db
    .selectFrom(ranked.as('e'))
    .select(['e.id', 'e.task_id', 'e.status', 'e.unit_role', 'e.period_id', 'e.unit_id', ...REPORT_HISTORY_COLUMNS.map((c) => `e.${c}` as const)])
    .where('e.pick', '=', 1)
    .execute();
}

/**
 * Of the tasks' indicator actuals in reports the office may hold, with a value, the latest of
 * each class (the same classes, per indicator): what the lights' and the roll-up's latest
 * actuals (core/supervision/latest-actuals.ts) are chosen from.
 */
export function latestActualCandidates(db: Db, lowerTasks: LowerTasks, today: string): Promise<ApprovedActualRow[]> {
  const ranked = db
    .selectFrom('indicator_actuals')
    .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .select(['indicator_actuals.id', 'indicator_actuals.indicator_id', 'indicator_actuals.value', 'unit_reports.period_id', 'unit_reports.unit_id', 'periods.position', 'task_progress.task_id', 'task_progress.unit_role'])
    .select(
      sql<number>`row_number() over (partition by ${sql.ref('indicator_actuals.indicator_id')}, ${sql.ref('periods.notice_id')}, ${sql.ref('task_progress.unit_role')}, ${reachedClass(today)} order by ${sql.ref('periods.position')} desc, ${sql.ref('indicator_actuals.id')} desc)`.as('pick'),
    )
    .where('task_progress.task_id', 'in', lowerTasks)
    .where('unit_reports.state', 'in', IN_OFFICE_STATES)
    .where('indicator_actuals.value', 'is not', null);
  return db
    .selectFrom(ranked.as('a'))
    .select(['a.id', 'a.indicator_id', 'a.value', 'a.period_id', 'a.unit_id', 'a.position', 'a.task_id', 'a.unit_role'])
    .where('a.pick', '=', 1)
    .execute();
}

/** The lead unit's entries (any state) of the tasks in these periods: the roll-up's entry of the period it speaks of. */
export function leadEntriesInPeriods(db: Db, lowerTasks: LowerTasks, periodIds: readonly number[]): Promise<TaskEntryRow[]> {
  if (periodIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('task_units', (j) =>
      j.onRef('task_units.task_id', '=', 'task_progress.task_id').onRef('task_units.unit_id', '=', 'unit_reports.unit_id').on('task_units.role', '=', 'lead'),
    )
    .select(['task_progress.id', 'task_progress.task_id', 'task_progress.status', 'task_progress.unit_role', 'unit_reports.period_id', 'unit_reports.unit_id'])
    .select(REPORT_HISTORY_COLUMNS.map((c) => `unit_reports.${c}` as const))
    .where('task_progress.task_id', 'in', lowerTasks)
    .where('unit_reports.period_id', 'in', [...periodIds])
    .execute();
}

/** The tasks' units (lead and co-operating) with their names, in their printed order (the order lights name them in). */
export function unitsOfLowerTasks(db: Db, lowerTasks: LowerTasks) {
  return db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role', 'units.name'])
    .where('task_units.task_id', 'in', lowerTasks)
    .orderBy('task_units.task_id')
    .orderBy('task_units.position')
    .execute();
}

/** The tasks' indicators, in their printed order. */
export function indicatorsOfLowerTasks(db: Db, lowerTasks: LowerTasks): Promise<IndicatorRow[]> {
  return db
    .selectFrom('indicators')
    .select(['id', 'task_id', 'name', 'target', 'unit'])
    .where('task_id', 'in', lowerTasks)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
