import { sql, type Kysely } from 'kysely';
import { addOrgChangeTriggers, createChangeSequences, NOT_ORG_DATA } from '../change-triggers';
import type { Engine } from '../connection';

/**
 * Issue 19 (answers from memory, never stale): each organisation's change sequence, moved by
 * triggers on every table of its data, and the sessions epoch (see db/change-triggers.ts).
 */
export function changeSequences(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await createChangeSequences(db, engine);
      for (const table of await tablesWithOrgData(db, engine)) await addOrgChangeTriggers(db, engine, table);
    },
  };
}

/** Every table with an org_id column (but the audit log), and the two that name organisations otherwise. */
export async function tablesWithOrgData(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const { rows } =
    engine === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.columns where table_schema = current_schema() and column_name = 'org_id'`.execute(db)
      : await sql<{ name: string }>`select m.name from sqlite_master m, pragma_table_info(m.name) p where m.type = 'table' and p.name = 'org_id'`.execute(db);
  return [...rows.map((r) => r.name).filter((n) => !NOT_ORG_DATA.has(n) && n !== 'org_changes'), 'organisations', 'handdowns'].sort();
}
