import type { Db } from '../db/connection';

/** What a task's page shows beyond the task itself: actuals, links, every report entry, history. */

export function indicatorActualsOfTask(db: Db, taskId: number) {
  return Promise.all([
    db.selectFrom('indicators').select(['id', 'name', 'target', 'unit', 'qualifier']).where('task_id', '=', taskId).orderBy('position').execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .innerJoin('units', 'units.id', 'unit_reports.unit_id')
      .select(['indicator_actuals.indicator_id', 'indicator_actuals.value', 'periods.label', 'periods.position', 'units.name as unit_name', 'unit_reports.id as report_id'])
      .where('task_progress.task_id', '=', taskId)
      .orderBy('periods.position')
      .execute(),
  ]);
}

export function linksOfTask(db: Db, taskId: number) {
  const linked = (fromCol: 'task_links.task_id' | 'task_links.linked_task_id', toCol: 'task_links.task_id' | 'task_links.linked_task_id') =>
    db
      .selectFrom('task_links')
      .innerJoin('tasks', 'tasks.id', toCol)
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.id as task_id', 'annexes.no as annex_no', 'tasks.seq', 'tasks.standard', 'task_links.reason', 'task_links.status'])
      .where(fromCol, '=', taskId)
      .execute();
  return Promise.all([linked('task_links.task_id', 'task_links.linked_task_id'), linked('task_links.linked_task_id', 'task_links.task_id')]).then(
    ([a, b]) => [...a, ...b],
  );
}

export function reportEntriesOfTask(db: Db, taskId: number) {
  return db
    .selectFrom('task_progress')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select([
      'unit_reports.id as report_id',
      'periods.label as period_label',
      'units.name as unit_name',
      'task_progress.unit_role',
      'unit_reports.state as report_state',
      'task_progress.status',
      'task_progress.narrative',
      'task_progress.problems',
      'task_progress.task_version',
      'task_progress.updated_at',
      // What core/reporting/standing.ts reads: the period's deadlines and the report's history.
      'periods.deadline',
      'periods.extended_deadline',
      'unit_reports.state',
      'unit_reports.first_reached_on',
      'unit_reports.office_returns',
      'unit_reports.invalid_return',
      'unit_reports.returned_by_role',
      'unit_reports.resubmit_by',
    ])
    .where('task_progress.task_id', '=', taskId)
    .orderBy('periods.position', 'desc')
    .orderBy('task_progress.unit_role', 'desc')
    .execute();
}

export function historyOfTask(db: Db, taskId: number) {
  return db
    .selectFrom('audit_log')
    .select(['at', 'actor_name', 'action', 'before_json', 'after_json'])
    .where('entity', '=', 'task')
    .where('entity_id', '=', String(taskId))
    .orderBy('seq', 'desc')
    .limit(100)
    .execute();
}
