import type { Db } from '../db/connection';
import type { Organisation } from '../db/schema';

export function findOrganisation(db: Db, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganisationByCode(db: Db, code: string) {
  return db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The chain from the root (province) down to this organisation. */
export async function organisationPath(db: Db, id: number): Promise<Organisation[]> {
  const path: Organisation[] = [];
  let next: number | null = id;
  // The tree is at most a few levels deep (province → city → district); a guard stops a cycle.
  while (next !== null && path.length < 10) {
    const org: Organisation | undefined = await findOrganisation(db, next);
    if (!org) break;
    path.unshift(org);
    next = org.parent_id;
  }
  return path;
}

export async function insertOrganisation(
  db: Db,
  row: { parent_id: number | null; name: string; level: Organisation['level']; code: string },
) {
  const { id } = await db.insertInto('organisations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function countDirectory(db: Db, orgId: number) {
  const [units, leaders, users] = await Promise.all([
    db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    db.selectFrom('leaders').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow(),
  ]);
  return { units: Number(units.n), leaders: Number(leaders.n), users: Number(users.n) };
}
