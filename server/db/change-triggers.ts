import { sql, type Kysely } from 'kysely';
import type { Engine } from './connection';

/**
 * Issue 19: every organisation has a change sequence (org_changes.seq) that moves, in the
 * writing transaction, whenever a row of that organisation changes. Answers kept in memory are
 * keyed by it (server/cache/), so a write in any process makes them stale at the next read.
 *
 * The sequence is moved by database triggers, not by the services: a write path that forgets
 * cannot exist. Every table with an org_id column has them, except the audit log (an entry
 * records a change, it is not one); organisations and handdowns, which name organisations in
 * other columns, move those. change-triggers.test.ts fails when a table with org_id has none.
 *
 * The sessions epoch (cache_epochs 'sessions') moves when a session ends or an account changes;
 * on PostgreSQL the same triggers NOTIFY every process (server/cache/session-cache.ts).
 */

/** Tables with org_id whose changes are not changes of the organisation's data. */
export const NOT_ORG_DATA = new Set(['audit_log']);

/** Which columns name the organisations a row of each special table belongs to. */
const ORG_COLUMNS: Record<string, string[]> = {
  organisations: ['id', 'parent_id'],
  handdowns: ['upper_org_id', 'lower_org_id'],
};

export const SESSIONS_CHANNEL = 'duban_sessions';

const orgColumnsOf = (table: string) => ORG_COLUMNS[table] ?? ['org_id'];

/** The triggers that move org_changes for one table (create them in the migration that creates the table). */
export async function addOrgChangeTriggers(db: Kysely<unknown>, engine: Engine, table: string): Promise<void> {
  const columns = orgColumnsOf(table);
  if (engine === 'sqlite') {
    for (const [op, rows] of [
      ['insert', ['new']],
      ['update', ['new', 'old']],
      ['delete', ['old']],
    ] as const) {
      const bumps = rows
        .flatMap((row) => columns.map((c) => `${row}.${c}`))
        .map(
          (ref) =>
            `insert into org_changes (org_id, seq) select ${ref}, 1 where ${ref} is not null on conflict (org_id) do update set seq = seq + 1;`,
        )
        .join('\n  ');
      await sql.raw(`create trigger ${table}_org_change_${op} after ${op} on ${table} for each row begin\n  ${bumps}\nend`).execute(db);
    }
    return;
  }
  // PostgreSQL: one statement-level trigger per operation over its transition tables, so a bulk
  // write (the generator, an import) moves each organisation once, not once per row.
  for (const [op, tables] of [
    ['insert', ['new']],
    ['update', ['new', 'old']],
    ['delete', ['old']],
  ] as const) {
    const referencing = tables.map((t) => `${t} table as ${t}_rows`).join(' ');
    await sql
      .raw(
        `create trigger ${table}_org_change_${op} after ${op} on ${table} referencing ${referencing} for each statement execute function duban_org_change('${tables.join(',')}', '${columns.join(',')}')`,
      )
      .execute(db);
  }
}

/** The tables, the function PostgreSQL's triggers call, and the sessions epoch's triggers. */
export async function createChangeSequences(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('org_changes')
    .addColumn('org_id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cache_epochs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into cache_epochs (name, seq) values ('sessions', 1)`.execute(db);
  await sql`insert into org_changes (org_id, seq) select id, 1 from organisations`.execute(db);

  if (engine === 'sqlite') {
    const bump = `update cache_epochs set seq = seq + 1 where name = 'sessions';`;
    await sql.raw(`create trigger sessions_epoch_delete after delete on sessions begin ${bump} end`).execute(db);
    await sql.raw(`create trigger users_epoch_update after update on users begin ${bump} end`).execute(db);
    await sql.raw(`create trigger users_epoch_delete after delete on users begin ${bump} end`).execute(db);
    return;
  }
  // TG_ARGV: the transition tables to read ('new', 'old' or both) and the organisation columns.
  await sql
    .raw(
      `create function duban_org_change() returns trigger language plpgsql as $$
declare
  t text;
  c text;
begin
  foreach t in array string_to_array(TG_ARGV[0], ',') loop
    foreach c in array string_to_array(TG_ARGV[1], ',') loop
      execute format(
        'insert into org_changes (org_id, seq) select distinct %I, 1 from %I where %I is not null order by 1 on conflict (org_id) do update set seq = org_changes.seq + 1',
        c, t || '_rows', c);
    end loop;
  end loop;
  return null;
end $$`,
    )
    .execute(db);
  // A session ended or an account changed: every process drops what it remembers of the person.
  // TG_ARGV[0]: the column of the old row that names the person (sessions.user_id, users.id).
  await sql
    .raw(
      `create function duban_sessions_epoch() returns trigger language plpgsql as $$
begin
  update cache_epochs set seq = seq + 1 where name = 'sessions';
  perform pg_notify('${SESSIONS_CHANNEL}', coalesce(to_jsonb(old) ->> TG_ARGV[0], '0'));
  return null;
end $$`,
    )
    .execute(db);
  await sql.raw(`create trigger sessions_epoch_delete after delete on sessions for each row execute function duban_sessions_epoch('user_id')`).execute(db);
  await sql.raw(`create trigger users_epoch_update after update on users for each row execute function duban_sessions_epoch('id')`).execute(db);
  await sql.raw(`create trigger users_epoch_delete after delete on users for each row execute function duban_sessions_epoch('id')`).execute(db);
}
