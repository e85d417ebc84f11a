import { CompiledQuery, sql } from 'kysely';
import type { Db, Engine } from '../db/connection';

/**
 * Multi-row inserts for the generator's bulk rows (reports, entries, actuals, notifications,
 * directory), with ids assigned here rather than by the database. The generator is the only
 * writer of a database it refused unless empty, so the next id of a table is its max + 1; knowing
 * the ids up front lets entries reference their report without reading anything back, and keeps
 * ids identical run after run. Statements are built as text with placeholders (no query-builder
 * tree for 30,000 values) and stay under each engine's parameter limit.
 */

/** SQLite is built with MAX_VARIABLE_NUMBER=32766; PostgreSQL's protocol allows 65535. */
const MAX_PARAMETERS: Record<Engine, number> = { sqlite: 32_000, postgres: 60_000 };

export type BulkTable =
  | 'organisations'
  | 'units'
  | 'leaders'
  | 'users'
  | 'unit_reports'
  | 'task_progress'
  | 'indicator_actuals'
  | 'notifications';

export async function insertRows(
  trx: Db,
  engine: Engine,
  table: BulkTable,
  columns: readonly string[],
  rows: unknown[][],
) {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS[engine] / columns.length));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const tuples: string[] = [];
    let n = 0;
    for (let i = 0; i < batch.length; i++) {
      const marks = columns.map(() => (engine === 'postgres' ? `$${++n}` : '?'));
      tuples.push(`(${marks.join(', ')})`);
    }
    await trx.executeQuery(CompiledQuery.raw(head + tuples.join(', '), batch.flat()));
  }
}

/** The next ids of the bulk tables, read once per transaction and handed out in order. */
export class IdAllocator {
  private next = new Map<BulkTable, number>();

  static async load(trx: Db, tables: readonly BulkTable[]): Promise<IdAllocator> {
    const ids = new IdAllocator();
    for (const table of tables) {
      const row = await trx
        .selectFrom(table)
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirst();
      ids.next.set(table, Number(row?.max ?? 0) + 1);
    }
    return ids;
  }

  take(table: BulkTable): number {
    const id = this.next.get(table);
    if (id === undefined) throw new Error(`IdAllocator: ${table} was not loaded`);
    this.next.set(table, id + 1);
    return id;
  }
}

/**
 * PostgreSQL's serial sequences do not see explicit ids: move each past the table's max, so the
 * services' own inserts after generation (a new user, a report opened in the app) get fresh ids.
 * SQLite's AUTOINCREMENT already follows the largest id written.
 */
export async function syncSequences(db: Db, engine: Engine, tables: readonly BulkTable[]) {
  if (engine !== 'postgres') return;
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
