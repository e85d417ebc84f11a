import type { Db } from '../db/connection';

export function listLeaders(db: Db, orgId: number) {
  return db.selectFrom('leaders').select(['id', 'org_id', 'name', 'title']).where('org_id', '=', orgId).orderBy('id').execute();
}

export function findLeader(db: Db, id: number) {
  return db.selectFrom('leaders').select(['id', 'org_id', 'name', 'title']).where('id', '=', id).executeTakeFirst();
}

export async function insertLeader(db: Db, orgId: number, name: string, title: string): Promise<number> {
  const { id } = await db
    .insertInto('leaders')
    .values({ org_id: orgId, name, title, updated_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function updateLeader(db: Db, id: number, patch: { name?: string; title?: string }) {
  return db
    .updateTable('leaders')
    .set({ ...patch, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
