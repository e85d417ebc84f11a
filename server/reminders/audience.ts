import type { PlannedReminder } from '../../core/supervision/reminders';
import type { Db } from '../db/connection';

/** A person a reminder reaches: in-app always, by e-mail when they have an address. */
export type Recipient = { userId: number; name: string; role: string; email: string | null };

function activePeople(db: Db, orgId: number) {
  return db
    .selectFrom('users')
    .select(['id as userId', 'display_name as name', 'role', 'email'])
    .where('org_id', '=', orgId)
    .where('disabled', '=', 0)
    .orderBy('id');
}

/** The leaders in charge of the unit's tasks in the notice (task_leaders), by id. */
export async function leadersOfUnit(db: Db, orgId: number, noticeId: number, unitId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('task_leaders')
    .innerJoin('task_units', 'task_units.task_id', 'task_leaders.task_id')
    .innerJoin('tasks', 'tasks.id', 'task_leaders.task_id')
    .select('task_leaders.leader_id')
    .distinct()
    .where('task_leaders.org_id', '=', orgId)
    .where('tasks.notice_id', '=', noticeId)
    .where('task_units.unit_id', '=', unitId)
    .orderBy('task_leaders.leader_id')
    .execute();
  return rows.map((r) => r.leader_id);
}

/**
 * Who a reminder is for: 'unit' → the unit's clerks and head; 'unit_head' → its heads;
 * 'leaders' → the leaders in charge of the unit's tasks in the notice and the unit's people too.
 */
export async function resolveAudience(
  db: Db,
  orgId: number,
  target: { noticeId: number; unitId: number; audience: PlannedReminder['audience'] },
): Promise<{ people: Recipient[]; leaderIds: number[] }> {
  const unitRoles = target.audience === 'unit_head' ? ['unit_head'] : ['unit_staff', 'unit_head'];
  const unitPeople = await activePeople(db, orgId)
    .where('unit_id', '=', target.unitId)
    .where('role', 'in', unitRoles)
    .execute();
  if (target.audience !== 'leaders') return { people: unitPeople, leaderIds: [] };
  const leaderIds = await leadersOfUnit(db, orgId, target.noticeId, target.unitId);
  const leaders = leaderIds.length
    ? await activePeople(db, orgId).where('role', '=', 'leader').where('leader_id', 'in', leaderIds).execute()
    : [];
  return { people: [...leaders, ...unitPeople], leaderIds };
}
