import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type { Engine } from '../connection';

/**
 * The few places where the two engines spell a column differently. Migrations use these so
 * that one schema definition serves SQLite and PostgreSQL.
 */
export function columnTypes(engine: Engine) {
  return {
    /** Auto-incrementing integer primary key. */
    id: <T extends string>(table: CreateTableBuilder<T, never>) =>
      engine === 'postgres'
        ? table.addColumn('id', 'serial', (c) => c.primaryKey())
        : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
    /** A UTC instant; the application always sees an ISO-8601 string. */
    timestamp: engine === 'postgres' ? ('timestamptz' as const) : ('text' as const),
    /** An 8-byte float on both engines (PostgreSQL's `real` would be 4 bytes). */
    float: engine === 'postgres' ? ('double precision' as const) : ('real' as const),
    /** Default "now" for created_at columns, in the same ISO form the application writes. */
    nowDefault: (c: ColumnDefinitionBuilder) =>
      engine === 'postgres'
        ? c.defaultTo(sql`now()`)
        : c.defaultTo(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  };
}
