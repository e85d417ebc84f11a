import type { Db } from '../db/connection';

export function listLeaders(db: Db, orgId: number) {
  return db.selectFrom('leaders').select(['id', 'org_id', 'name', 'title', 'version']).where('org_id', '=', orgId).orderBy('id').execute();
}

export function findLeader(db: Db, id: number) {
  return db.selectFrom('leaders').select(['id', 'org_id', 'name', 'title', 'version']).where('id', '=', id).executeTakeFirst();
}

export async function insertLeader(db: Db, orgId: number, name: string, title: string): Promise<number> {
  const { id } = await db
    .insertInto('leaders')
    .values({ org_id: orgId, name, title, updated_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes the leader only if still at the version the editor loaded; false when someone else saved first. */
export async function updateLeader(db: Db, id: number, patch: { name?: string; title?: string }, loadedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('leaders')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .where('version', '=', loadedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
