import type { Role } from '../../core/roles';
import type { Clock } from '../clock';
import { clockOf } from '../context';
import type { Db } from '../db/connection';

export type Notice = { kind: string; title: string; body?: string; link?: string | null };

/**
 * In-app notifications, written in the transaction of the change they tell about. Addressed to
 * people by what they are: a unit (its clerks and head), a leader (their account), or a role.
 * Stamped with that transaction's business clock (clockOf): a notice reads as when the change
 * happened in the work, on the same calendar as the change itself.
 */
async function insertFor(trx: Db, orgId: number, userIds: number[], n: Notice) {
  if (userIds.length === 0) return;
  const created_at = clockOf(trx).now().toISOString();
  await trx
    .insertInto('notifications')
    .values(userIds.map((user_id) => ({ org_id: orgId, user_id, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link ?? null, created_at })))
    .execute();
}

const activeUsers = (trx: Db, orgId: number) => trx.selectFrom('users').select('id').where('org_id', '=', orgId).where('disabled', '=', 0);

export async function notifyUnits(trx: Db, orgId: number, unitIds: number[], n: Notice) {
  if (unitIds.length === 0) return;
  const users = await activeUsers(trx, orgId).where('unit_id', 'in', unitIds).execute();
  await insertFor(trx, orgId, users.map((u) => u.id), n);
}

export async function notifyUnitHeads(trx: Db, orgId: number, unitId: number, n: Notice) {
  const users = await activeUsers(trx, orgId).where('unit_id', '=', unitId).where('role', '=', 'unit_head').execute();
  await insertFor(trx, orgId, users.map((u) => u.id), n);
}

export async function notifyLeaders(trx: Db, orgId: number, leaderIds: number[], n: Notice) {
  if (leaderIds.length === 0) return;
  const users = await activeUsers(trx, orgId).where('leader_id', 'in', leaderIds).execute();
  await insertFor(trx, orgId, users.map((u) => u.id), n);
}

export async function notifyOffice(trx: Db, orgId: number, n: Notice) {
  await notifyRoles(trx, orgId, ['office'], n);
}

/** Everyone of the organisation holding one of the roles, e.g. all leaders for a published bulletin. */
export async function notifyRoles(trx: Db, orgId: number, roles: Role[], n: Notice) {
  const users = await activeUsers(trx, orgId).where('role', 'in', roles).execute();
  await insertFor(trx, orgId, users.map((u) => u.id), n);
}

export function listNotifications(db: Db, userId: number, limit = 50) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').limit(limit).execute();
}

export async function markRead(db: Db, clock: Clock, userId: number, id: number | 'all') {
  let q = db.updateTable('notifications').set({ read_at: clock.now().toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id !== 'all') q = q.where('id', '=', id);
  await q.execute();
}
