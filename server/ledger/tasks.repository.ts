import { sql, type ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { taskListQuery } from '../../core/api/tasks';
import type { Db } from '../db/connection';
import type { Database } from '../db/schema';

export type TaskFilter = z.infer<typeof taskListQuery> & { orgId: number; onlyUnitId?: number | null };

/** LIKE needs its wildcards escaped so a search for "10%" means the characters 10%. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const TASK_COLUMNS = [
  'tasks.id',
  'tasks.notice_id',
  'annexes.no as annex_no',
  'annexes.kind as annex_kind',
  'annexes.title as annex_title',
  'categories.id as category_id',
  'categories.no as category_no',
  'categories.name as category_name',
  'tasks.seq',
  'tasks.standard',
  'tasks.upstream_no',
  'tasks.upstream_item',
  'tasks.deadline',
  'tasks.due_date',
  'tasks.due_date_source',
  'tasks.uncertain',
  'tasks.version',
  'tasks.leaders_printed',
  'tasks.units_printed_json',
  'tasks.repairs_json',
  'tasks.anomalies_json',
  'tasks.closed_on',
  'tasks.closed_after_position',
  'tasks.closed_by_name',
  'tasks.close_note',
  'tasks.co_reporting',
] as const;

/** 销号: the label of the period whose accepted report closed the task (null while open). */
const closedPeriodLabel = (eb: ExpressionBuilder<Database, 'tasks'>) =>
  eb
    .selectFrom('periods')
    .select('periods.label')
    .whereRef('periods.notice_id', '=', 'tasks.notice_id')
    .whereRef('periods.position', '=', 'tasks.closed_after_position')
    .limit(1)
    .as('closed_period_label');

function filtered(db: Db, f: TaskFilter) {
  let q = db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .leftJoin('categories', 'categories.id', 'tasks.category_id')
    .where('tasks.org_id', '=', f.orgId);
  if (f.noticeId) q = q.where('tasks.notice_id', '=', f.noticeId);
  if (f.year) {
    const year = f.year;
    q = q.where('tasks.notice_id', 'in', (eb) => eb.selectFrom('notices').select('id').where('org_id', '=', f.orgId).where('year', '=', year));
  }
  if (f.annexNo) q = q.where('annexes.no', '=', f.annexNo);
  if (f.categoryId) q = q.where('tasks.category_id', '=', f.categoryId);
  if (f.dueBy) q = q.where('tasks.due_date', '<=', f.dueBy);
  if (f.closed) q = q.where('tasks.closed_on', f.closed === 'yes' ? 'is not' : 'is', null);
  if (f.leaderId) {
    const leaderId = f.leaderId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('task_leaders').select('task_id').whereRef('task_leaders.task_id', '=', 'tasks.id').where('leader_id', '=', leaderId)),
    );
  }
  const unitFilter = (unitId: number, role: 'lead' | 'co' | 'any') => (eb: ExpressionBuilder<Database, 'tasks'>) => {
    let sub = eb.selectFrom('task_units').select('task_id').whereRef('task_units.task_id', '=', 'tasks.id').where('unit_id', '=', unitId);
    if (role !== 'any') sub = sub.where('task_units.role', '=', role);
    return eb.exists(sub);
  };
  if (f.onlyUnitId) q = q.where(unitFilter(f.onlyUnitId, 'any'));
  if (f.unitId) q = q.where(unitFilter(f.unitId, f.unitRole));
  // Chinese has no word boundaries: a substring match is what a person searching 养老 expects
  // (养老服务, 居家养老). Every term must match one of the texts.
  for (const term of (f.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = likePattern(term);
    q = q.where((eb) =>
      eb.or([
        eb('tasks.standard', 'like', sql<string>`${pattern} escape '\\'`),
        eb('tasks.upstream_item', 'like', sql<string>`${pattern} escape '\\'`),
        eb('categories.name', 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  return q;
}

export async function listTasks(db: Db, f: TaskFilter) {
  const base = filtered(db, f);
  const [rows, total] = await Promise.all([
    base
      .select(TASK_COLUMNS)
      .select(closedPeriodLabel)
      .orderBy('tasks.notice_id', 'desc')
      .orderBy('annexes.no')
      .orderBy('tasks.position')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

export async function findTaskRow(db: Db, id: number) {
  const owner = await db.selectFrom('tasks').select('org_id').where('id', '=', id).executeTakeFirst();
  if (!owner) return undefined;
  const row = await filtered(db, { orgId: owner.org_id, unitRole: 'any', page: 1, pageSize: 1 })
    .where('tasks.id', '=', id)
    .select(TASK_COLUMNS)
    .select(closedPeriodLabel)
    .executeTakeFirst();
  return row && { ...row, org_id: owner.org_id };
}

/** Leaders and units of the given tasks, in printed order. */
export async function peopleOfTasks(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return { leaders: [], units: [], indicatorCounts: [] };
  const [leaders, units, indicatorCounts] = await Promise.all([
    db
      .selectFrom('task_leaders')
      .innerJoin('leaders', 'leaders.id', 'task_leaders.leader_id')
      .select(['task_leaders.task_id', 'leaders.id', 'leaders.name'])
      .where('task_leaders.task_id', 'in', taskIds)
      .orderBy('task_leaders.position')
      .execute(),
    db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'units.id', 'units.name', 'task_units.role'])
      .where('task_units.task_id', 'in', taskIds)
      .orderBy('task_units.position')
      .execute(),
    db
      .selectFrom('indicators')
      .select((eb) => ['task_id', eb.fn.countAll<number>().as('n')])
      .where('task_id', 'in', taskIds)
      .groupBy('task_id')
      .execute(),
  ]);
  return { leaders, units, indicatorCounts };
}
