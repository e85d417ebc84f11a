import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';

/**
 * The application's tables in the order they were created — the order the migrations made them,
 * so a table's foreign keys point only to tables before it and a restore inserts in this order —
 * with their columns. The migrations' own bookkeeping is not data: restore migrates first. Nor
 * are the change counters that answers kept in memory are checked against (db/change-triggers.ts):
 * each database moves its own as the restore writes the rows.
 */
const NOT_DATA = new Set(['org_changes', 'cache_epochs']);

export type BackupTable = { name: string; columns: string[]; integerId: boolean };

export async function applicationTables(ctx: Pick<AppContext, 'db' | 'engine'>): Promise<BackupTable[]> {
  const names =
    ctx.engine === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by rowid`.execute(ctx.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by oid`.execute(ctx.db)).rows.map((r) => r.name);
  const meta = await ctx.db.introspection.getTables();
  const byName = new Map(meta.map((t) => [t.name, t.columns]));
  return names
    .filter((n) => !n.startsWith('duban_migrations') && !NOT_DATA.has(n))
    .map((name) => {
      const columns = byName.get(name) ?? [];
      const id = columns.find((c) => c.name === 'id');
      return { name, columns: columns.map((c) => c.name), integerId: id !== undefined && /int|serial/i.test(id.dataType) };
    });
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from duban_migrations order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
