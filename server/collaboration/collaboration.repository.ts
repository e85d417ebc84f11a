import type { Db } from '../db/connection';

/** Coordination requests with their task, units and leader, filtered for who asks. */
export function listCoordination(db: Db, orgId: number, scope: { taskId?: number; unitId?: number; leaderId?: number; id?: number }) {
  let q = db
    .selectFrom('coordination_requests as r')
    .innerJoin('tasks', 'tasks.id', 'r.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .innerJoin('leaders as l', 'l.id', 'r.leader_id')
    .leftJoin('units as a', 'a.id', 'r.assigned_unit_id')
    .select([
      'r.id',
      'r.task_id',
      'annexes.no as annex_no',
      'tasks.seq',
      'tasks.standard',
      'r.unit_id',
      'u.name as unit_name',
      'r.leader_id',
      'l.name as leader_name',
      'r.raised_by_name',
      'r.problem',
      'r.departments',
      'r.status',
      'r.assigned_unit_id',
      'a.name as assigned_unit_name',
      'r.resolution',
      'r.created_at',
      'r.closed_at',
    ])
    .where('r.org_id', '=', orgId)
    .orderBy('r.id', 'desc');
  if (scope.id) q = q.where('r.id', '=', scope.id);
  if (scope.taskId) q = q.where('r.task_id', '=', scope.taskId);
  if (scope.leaderId) q = q.where('r.leader_id', '=', scope.leaderId);
  if (scope.unitId) {
    const unitId = scope.unitId;
    q = q.where((eb) => eb.or([eb('r.unit_id', '=', unitId), eb('r.assigned_unit_id', '=', unitId)]));
  }
  return q.execute();
}

export function commentsOf(db: Db, requestIds: number[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('coordination_comments').selectAll().where('request_id', 'in', requestIds).orderBy('id').execute();
}

export function listAdjustments(db: Db, orgId: number, scope: { taskId?: number; unitId?: number; status?: string }) {
  let q = db
    .selectFrom('target_adjustments as t')
    .innerJoin('tasks', 'tasks.id', 't.task_id')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .leftJoin('units', 'units.id', 't.unit_id')
    .leftJoin('indicators', 'indicators.id', 't.indicator_id')
    .selectAll('t')
    .select(['annexes.no as annex_no', 'tasks.seq', 'units.name as unit_name', 'indicators.name as indicator_name', 'indicators.unit as indicator_unit'])
    .where('t.org_id', '=', orgId)
    .orderBy('t.id', 'desc');
  if (scope.taskId) q = q.where('t.task_id', '=', scope.taskId);
  if (scope.unitId) q = q.where('t.unit_id', '=', scope.unitId);
  if (scope.status) q = q.where('t.status', '=', scope.status as 'proposed');
  return q.execute();
}

export function listInstructions(db: Db, scope: { taskId?: number; reportId?: number }) {
  let q = db.selectFrom('instructions').select(['id', 'author_name', 'body', 'created_at']).orderBy('id', 'desc');
  if (scope.taskId) q = q.where('task_id', '=', scope.taskId);
  if (scope.reportId) q = q.where('report_id', '=', scope.reportId);
  return q.execute();
}
