import type { Db } from '../db/connection';
import type { NewUser, UserUpdate } from '../db/schema';
import { pendingUsernames } from './account-requests.repository';

export function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUser(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users of an organisation with their unit and leader names, for the admin list. */
export function listUsers(db: Db, orgId: number) {
  return db
    .selectFrom('users')
    .leftJoin('units', 'units.id', 'users.unit_id')
    .leftJoin('leaders', 'leaders.id', 'users.leader_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'units.name as unit_name',
      'users.leader_id',
      'leaders.name as leader_name',
      'users.disabled',
      'users.email',
      'users.phone',
      'users.version',
    ])
    .where('users.org_id', '=', orgId)
    .orderBy('users.id')
    .execute();
}

export async function insertUser(db: Db, row: Omit<NewUser, 'updated_at'>): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({ ...row, updated_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function updateUser(db: Db, id: number, patch: Omit<UserUpdate, 'id' | 'updated_at'>) {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/**
 * Which of these usernames already have an account (in any organisation: usernames are unique
 * system-wide) or are asked for by a pending new-account request other than `exceptRequestId`.
 */
export async function findTakenUsernames(db: Db, usernames: readonly string[], exceptRequestId?: number): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('username').where('username', 'in', [...usernames]).execute();
  const pending = await pendingUsernames(db, exceptRequestId);
  return new Set([...rows.map((r) => r.username), ...usernames.filter((u) => pending.has(u))]);
}

/**
 * Applies an edit only if the account is still at the version the editor loaded, raising it;
 * false when someone else saved first (issue 17, finding 11).
 */
export async function updateUserAtVersion(db: Db, id: number, version: number, patch: Omit<UserUpdate, 'id' | 'updated_at' | 'version'>) {
  const res = await db
    .updateTable('users')
    .set({ ...patch, version: version + 1, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
