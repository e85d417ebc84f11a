import type { Db } from '../db/connection';

export type UnitWithAliases = { id: number; org_id: number; name: string; version: number; aliases: string[] };

export async function listUnits(db: Db, orgId: number): Promise<UnitWithAliases[]> {
  const [units, aliases] = await Promise.all([
    db.selectFrom('units').select(['id', 'org_id', 'name', 'version']).where('org_id', '=', orgId).orderBy('id').execute(),
    db.selectFrom('unit_aliases').select(['unit_id', 'alias']).where('org_id', '=', orgId).orderBy('id').execute(),
  ]);
  const byUnit = new Map<number, string[]>();
  for (const a of aliases) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.alias]);
  return units.map((u) => ({ ...u, aliases: byUnit.get(u.id) ?? [] }));
}

export async function findUnit(db: Db, id: number): Promise<UnitWithAliases | undefined> {
  const unit = await db.selectFrom('units').select(['id', 'org_id', 'name', 'version']).where('id', '=', id).executeTakeFirst();
  if (!unit) return undefined;
  const aliases = await db.selectFrom('unit_aliases').select('alias').where('unit_id', '=', id).orderBy('id').execute();
  return { ...unit, aliases: aliases.map((a) => a.alias) };
}

/** Finds a unit by its name or any alias (the notice spells units several ways). */
export async function findUnitByNameOrAlias(db: Db, orgId: number, name: string) {
  const direct = await db
    .selectFrom('units')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (direct) return direct.id;
  const alias = await db
    .selectFrom('unit_aliases')
    .select('unit_id')
    .where('org_id', '=', orgId)
    .where('alias', '=', name)
    .executeTakeFirst();
  return alias?.unit_id;
}

export async function insertUnit(db: Db, orgId: number, name: string): Promise<number> {
  const { id } = await db
    .insertInto('units')
    .values({ org_id: orgId, name, updated_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Names the unit and moves it to the next version, only if it is still at the version the editor
 * loaded; false when someone else saved first (nothing written).
 */
export async function updateUnitRow(db: Db, id: number, name: string, loadedVersion: number): Promise<boolean> {
  const result = await db
    .updateTable('units')
    .set((eb) => ({ name, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', id)
    .where('version', '=', loadedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceUnitAliases(db: Db, orgId: number, unitId: number, aliases: string[]) {
  await db.deleteFrom('unit_aliases').where('unit_id', '=', unitId).execute();
  if (aliases.length) {
    await db
      .insertInto('unit_aliases')
      .values(aliases.map((alias) => ({ org_id: orgId, unit_id: unitId, alias })))
      .execute();
  }
}

export function listUnitPeople(db: Db, unitId: number) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('unit_id', '=', unitId)
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
}
