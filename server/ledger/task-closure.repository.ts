import { EDITABLE_STATES } from '../../core/reporting/states';
import type { Db } from '../db/connection';
import { REPORT_HISTORY_COLUMNS } from '../reporting/standings';

/** The columns 销号 reads of a task: whether and after which period it was closed. */
export function findClosureRow(db: Db, taskId: number) {
  return db
    .selectFrom('tasks')
    .select([
      'id',
      'org_id',
      'notice_id',
      'closed_on',
      'closed_after_position',
      'closed_by_name',
      'closed_at',
      'close_note',
    ])
    .where('id', '=', taskId)
    .executeTakeFirst();
}
export type ClosureRow = NonNullable<Awaited<ReturnType<typeof findClosureRow>>>;

/** The task's lead unit (牵头单位), whose accepted report decides whether it may be closed. */
export function leadUnitOf(db: Db, taskId: number) {
  return db
    .selectFrom('task_units')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['units.id', 'units.name'])
    .where('task_units.task_id', '=', taskId)
    .where('task_units.role', '=', 'lead')
    .executeTakeFirst();
}

/** Every entry a unit wrote on the task, one per period, with what the standing rule reads of its report. */
export function entriesOfUnit(db: Db, taskId: number, unitId: number) {
  return db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .select([
      'task_progress.id as progress_id',
      'task_progress.status',
      'unit_reports.id as report_id',
      'periods.position',
      'periods.label',
      'periods.deadline',
      'periods.extended_deadline',
    ])
    .select(REPORT_HISTORY_COLUMNS.map((c) => `unit_reports.${c}` as const))
    .where('task_progress.task_id', '=', taskId)
    .where('unit_reports.unit_id', '=', unitId)
    .orderBy('periods.position')
    .execute();
}

/**
 * The task's entries in reports of periods after `position` that the office has never seen: the
 * report is still with the unit (草稿, or returned by its own head) and never reached the office.
 * `untouched` marks an entry with nothing in it: no status chosen (or only last period's, pre-filled
 * when the report was opened, never saved since), no words, no figure, no file.
 */
export async function laterUnsentEntries(db: Db, taskId: number, noticeId: number, position: number) {
  const rows = await db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select((eb) => [
      'task_progress.id',
      'task_progress.status',
      'task_progress.version',
      'task_progress.narrative',
      'task_progress.problems',
      'task_progress.next_steps',
      'unit_reports.id as report_id',
      'unit_reports.state as report_state',
      'units.name as unit_name',
      'periods.label as period_label',
      eb
        .exists(
          eb
            .selectFrom('evidence_files')
            .select('evidence_files.id')
            .whereRef('evidence_files.progress_id', '=', 'task_progress.id'),
        )
        .as('has_files'),
      eb
        .exists(
          eb
            .selectFrom('indicator_actuals')
            .select('indicator_actuals.id')
            .whereRef('indicator_actuals.progress_id', '=', 'task_progress.id')
            .where('indicator_actuals.value', 'is not', null),
        )
        .as('has_figures'),
    ])
    .where('task_progress.task_id', '=', taskId)
    .where('periods.notice_id', '=', noticeId)
    .where('periods.position', '>', position)
    .where('unit_reports.state', 'in', EDITABLE_STATES)
    .where('unit_reports.first_reached_on', 'is', null)
    .where('unit_reports.office_returns', '=', 0)
    .orderBy('task_progress.id')
    .execute();
  return rows.map(({ status, version, narrative, problems, next_steps, has_files, has_figures, ...r }) => ({
    ...r,
    untouched:
      (status === 'not_started' || version === 1) &&
      !narrative.trim() &&
      !problems.trim() &&
      !next_steps.trim() &&
      !Number(has_files) &&
      !Number(has_figures),
  }));
}

/** Removes entries, then those of their reports left with no entry that are plain drafts nothing else refers to. */
export async function removeEntries(trx: Db, entries: { id: number; report_id: number }[]): Promise<number[]> {
  if (entries.length === 0) return [];
  await trx
    .deleteFrom('task_progress')
    .where(
      'id',
      'in',
      entries.map((e) => e.id),
    )
    .execute();
  const reportIds = [...new Set(entries.map((e) => e.report_id))];
  const emptied = await trx
    .selectFrom('unit_reports')
    .select('id')
    .where('id', 'in', reportIds)
    .where('state', '=', 'draft')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task_progress')
            .select('task_progress.id')
            .whereRef('task_progress.report_id', '=', 'unit_reports.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('instructions')
            .select('instructions.id')
            .whereRef('instructions.report_id', '=', 'unit_reports.id'),
        ),
      ),
    )
    .execute();
  if (emptied.length)
    await trx
      .deleteFrom('unit_reports')
      .where(
        'id',
        'in',
        emptied.map((r) => r.id),
      )
      .execute();
  return emptied.map((r) => r.id);
}

/** Reports of the task's units for periods after `position` that the unit can still edit (草稿 or 已退回). */
export function laterEditableReports(db: Db, taskId: number, noticeId: number, position: number) {
  return db
    .selectFrom('unit_reports')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .innerJoin('task_units', 'task_units.unit_id', 'unit_reports.unit_id')
    .selectAll('periods')
    .select(['unit_reports.id as report_id', 'unit_reports.unit_id'])
    .where('task_units.task_id', '=', taskId)
    .where('periods.notice_id', '=', noticeId)
    .where('periods.position', '>', position)
    .where('unit_reports.state', 'in', EDITABLE_STATES)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('task_progress')
            .select('task_progress.id')
            .whereRef('task_progress.report_id', '=', 'unit_reports.id')
            .where('task_progress.task_id', '=', taskId),
        ),
      ),
    )
    .orderBy('unit_reports.id')
    .execute();
}

/**
 * The closed tasks of a notice, each with the entry that closed it: its lead unit's in the report
 * of the period it was closed after (bulletins of later periods count the task completed by it).
 */
export function closingEntriesOfNotice(db: Db, noticeId: number) {
  return db
    .selectFrom('tasks')
    .innerJoin('periods', (j) =>
      j
        .onRef('periods.notice_id', '=', 'tasks.notice_id')
        .onRef('periods.position', '=', 'tasks.closed_after_position'),
    )
    .innerJoin('task_units', (j) => j.onRef('task_units.task_id', '=', 'tasks.id').on('task_units.role', '=', 'lead'))
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .leftJoin('unit_reports', (j) =>
      j.onRef('unit_reports.period_id', '=', 'periods.id').onRef('unit_reports.unit_id', '=', 'task_units.unit_id'),
    )
    .leftJoin('task_progress', (j) =>
      j.onRef('task_progress.report_id', '=', 'unit_reports.id').onRef('task_progress.task_id', '=', 'tasks.id'),
    )
    .select([
      'tasks.id as task_id',
      'tasks.closed_on',
      'periods.position',
      'units.name as unit_name',
      'unit_reports.id as report_id',
      'task_progress.id as progress_id',
    ])
    .where('tasks.notice_id', '=', noticeId)
    .where('tasks.closed_on', 'is not', null)
    .execute();
}
