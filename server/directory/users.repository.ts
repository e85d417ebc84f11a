import type { Db } from '../db/connection';
import type { NewUser, UserUpdate } from '../db/schema';

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
