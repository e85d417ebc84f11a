import type { MilestoneInput } from '../../core/supervision/lights';
import type { Db } from '../db/connection';
import { selectIn } from '../db/select-in';

/**
 * Queries over a task's milestones (时间节点, migration 0019). Every query names the organisation:
 * a milestone is found only under its own task of its own organisation.
 */

const COLUMNS = [
  'milestones.id',
  'milestones.task_id',
  'milestones.due_on',
  'milestones.description',
  'milestones.expect_kind',
  'milestones.expect_state',
  'milestones.indicator_id',
  'milestones.expect_value',
] as const;

/** The selected tasks' milestones, for their lights (server/supervision/lights.service.ts). */
export function milestonesOfTasks(db: Db, taskIds: readonly number[]) {
  return selectIn(taskIds, (ids) => db.selectFrom('milestones').select(COLUMNS).where('task_id', 'in', ids).execute());
}

export type MilestoneRow = Awaited<ReturnType<typeof milestonesOfTasks>>[number];

/** One task's milestones in date order, with the indicator each one names. */
export function listMilestones(db: Db, orgId: number, taskId: number) {
  return db
    .selectFrom('milestones')
    .leftJoin('indicators', 'indicators.id', 'milestones.indicator_id')
    .select([
      ...COLUMNS,
      'milestones.version',
      'milestones.updated_by_name',
      'milestones.updated_at',
      'indicators.name as indicator_name',
      'indicators.unit as indicator_unit',
      'indicators.target as indicator_target',
    ])
    .where('milestones.org_id', '=', orgId)
    .where('milestones.task_id', '=', taskId)
    .orderBy('milestones.due_on')
    .orderBy('milestones.id')
    .execute();
}

export type MilestoneListRow = Awaited<ReturnType<typeof listMilestones>>[number];

export function findMilestone(db: Db, orgId: number, taskId: number, milestoneId: number) {
  return db
    .selectFrom('milestones')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .where('id', '=', milestoneId)
    .executeTakeFirst();
}

/** The task's indicator of that id, or nothing (another task's, another organisation's). */
export function findTaskIndicator(db: Db, orgId: number, taskId: number, indicatorId: number) {
  return db
    .selectFrom('indicators')
    .select(['id', 'name', 'unit', 'target'])
    .where('org_id', '=', orgId)
    .where('task_id', '=', taskId)
    .where('id', '=', indicatorId)
    .executeTakeFirst();
}

export type MilestoneValues = {
  due_on: string;
  description: string;
  expect_kind: 'state' | 'indicator';
  expect_state: 'started' | 'completed' | null;
  indicator_id: number | null;
  expect_value: number | null;
};

export async function insertMilestone(db: Db, orgId: number, taskId: number, values: MilestoneValues, byName: string): Promise<number> {
  const { id } = await db
    .insertInto('milestones')
    .values({ org_id: orgId, task_id: taskId, ...values, created_by_name: byName, updated_by_name: byName, updated_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Updates the milestone if it is still at the version the office edited; false when it moved on. */
export async function updateMilestone(db: Db, orgId: number, milestoneId: number, version: number, values: MilestoneValues, byName: string): Promise<boolean> {
  const res = await db
    .updateTable('milestones')
    .set((eb) => ({ ...values, updated_by_name: byName, updated_at: new Date().toISOString(), version: eb('version', '+', 1) }))
    .where('org_id', '=', orgId)
    .where('id', '=', milestoneId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deleteMilestone(db: Db, orgId: number, milestoneId: number) {
  await db.deleteFrom('milestones').where('org_id', '=', orgId).where('id', '=', milestoneId).execute();
}

/**
 * A task's milestones as the light reads them (core/supervision/lights.ts MilestoneInput): an
 * indicator milestone with its indicator's target and latest actual; one whose indicator is gone
 * judges nothing and is left out. Undefined when the task has none (the straight-line schedule).
 */
export function milestoneInputs(
  rows: readonly MilestoneRow[] | undefined,
  indicators: readonly { id: number; name: string; target: number; unit: string }[] | undefined,
  latestActual: ReadonlyMap<number, number>,
): MilestoneInput[] | undefined {
  if (!rows?.length) return undefined;
  const out: MilestoneInput[] = [];
  for (const m of rows) {
    if (m.expect_kind === 'state') {
      out.push({ id: m.id, dueOn: m.due_on, description: m.description, expect: { kind: 'state', state: m.expect_state === 'completed' ? 'completed' : 'started' } });
      continue;
    }
    const i = indicators?.find((x) => x.id === m.indicator_id);
    if (!i || m.expect_value === null) continue;
    out.push({
      id: m.id,
      dueOn: m.due_on,
      description: m.description,
      expect: { kind: 'indicator', name: i.name, unit: i.unit, target: i.target, value: m.expect_value, actual: latestActual.get(i.id) ?? null },
    });
  }
  return out.length ? out : undefined;
}
