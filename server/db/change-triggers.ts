import { sql, type Kysely } from 'kysely';
import { EDITABLE_STATES } from '../../core/reporting/states';
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
  await createOrgChangeTriggers(db, engine, table, {
    sqliteBump: (row) =>
      columns
        .map((c) => `${row}.${c}`)
        .map((ref) => `insert into org_changes (org_id, seq) select ${ref}, 1 where ${ref} is not null on conflict (org_id) do update set seq = seq + 1;`)
        .join('\n  '),
    pgFunction: 'duban_org_change',
    pgArgument: columns.join(','),
  });
}

/**
 * One trigger per operation on the table, named <table>_org_change_<op> (change-triggers.test.ts
 * looks for that name). SQLite: a row trigger whose body is sqliteBump of each row it has (new, old
 * or both). PostgreSQL: a statement trigger over its transition tables, so a bulk write (the
 * generator, an import) moves each organisation once, not once per row; the function gets the
 * tables' names and pgArgument.
 */
async function createOrgChangeTriggers(
  db: Kysely<unknown>,
  engine: Engine,
  table: string,
  how: { sqliteBump: (row: 'new' | 'old') => string; pgFunction: string; pgArgument: string },
): Promise<void> {
  for (const [op, rows] of [
    ['insert', ['new']],
    ['update', ['new', 'old']],
    ['delete', ['old']],
  ] as const) {
    if (engine === 'sqlite') {
      const body = rows.map(how.sqliteBump).join('\n  ');
      await sql.raw(`create trigger ${table}_org_change_${op} after ${op} on ${table} for each row begin\n  ${body}\nend`).execute(db);
    } else {
      const referencing = rows.map((t) => `${t} table as ${t}_rows`).join(' ');
      await sql
        .raw(
          `create trigger ${table}_org_change_${op} after ${op} on ${table} referencing ${referencing} for each statement execute function ${how.pgFunction}('${rows.join(',')}', '${how.pgArgument}')`,
        )
        .execute(db);
    }
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

/**
 * What a report still with its unit holds (its entries, their figures and evidence) is shown to the
 * unit's people and on a task's page, but to no answer that reads only reports with the office
 * (the dashboard, the ledger's lights, the roll-up: core/reporting/standing.ts inOffice). A change
 * of such a row moves org_changes.draft_seq instead of seq, so a clerk's save does not throw away
 * the office's dashboard (answers marked answerCache: 'ignores-drafts', server/cache/caches.ts).
 * A row whose report cannot be found (being deleted with it) moves seq: when unsure, the wider stamp.
 */
export const REPORT_CONTENT_TABLES: Record<string, 'report_id' | 'progress_id'> = {
  task_progress: 'report_id',
  indicator_actuals: 'progress_id',
  evidence_files: 'progress_id',
};

/** The report states in which a report is with its unit and its clerks may edit it, as an SQL list. */
const WITH_UNIT_STATES = `(${EDITABLE_STATES.map((state) => `'${state}'`).join(', ')})`;

/** Replaces a report-content table's org-change triggers with ones that tell drafts apart. */
export async function addReportContentTriggers(db: Kysely<unknown>, engine: Engine, table: string): Promise<void> {
  const via = REPORT_CONTENT_TABLES[table];
  if (!via) throw new Error(`${table} is not a report-content table`);
  for (const op of ['insert', 'update', 'delete'] as const) {
    await sql.raw(`drop trigger if exists ${table}_org_change_${op}${engine === 'postgres' ? ` on ${table}` : ''}`).execute(db);
  }
  const stateOf = (row: string) =>
    via === 'report_id'
      ? `(select state from unit_reports where id = ${row}.report_id)`
      : `(select u.state from task_progress p join unit_reports u on u.id = p.report_id where p.id = ${row}.progress_id)`;
  await createOrgChangeTriggers(db, engine, table, {
    sqliteBump: (row) => {
      const d = `(coalesce(${stateOf(row)} in ${WITH_UNIT_STATES}, 0))`;
      return `insert into org_changes (org_id, seq, draft_seq) select ${row}.org_id, 1 - ${d}, ${d} where ${row}.org_id is not null on conflict (org_id) do update set seq = org_changes.seq + excluded.seq, draft_seq = org_changes.draft_seq + excluded.draft_seq;`;
    },
    pgFunction: 'duban_report_content_change',
    pgArgument: via,
  });
}

/** PostgreSQL: the function of the report-content triggers (TG_ARGV: transition tables, the column naming the report or entry). */
export async function createReportContentFunction(db: Kysely<unknown>): Promise<void> {
  // Inside the function's format() string literal, the list's quotes are doubled.
  const quoted = WITH_UNIT_STATES.replace(/'/g, "''");
  await sql
    .raw(
      `create function duban_report_content_change() returns trigger language plpgsql as $$
declare
  t text;
  report_of text;
begin
  report_of := case TG_ARGV[1]
    when 'report_id' then 'left join unit_reports u on u.id = r.report_id'
    else 'left join task_progress p on p.id = r.progress_id left join unit_reports u on u.id = p.report_id' end;
  foreach t in array string_to_array(TG_ARGV[0], ',') loop
    execute format(
      'insert into org_changes (org_id, seq, draft_seq)
       select r.org_id, max(case when u.state in ${quoted} then 0 else 1 end), max(case when u.state in ${quoted} then 1 else 0 end)
       from %I r %s where r.org_id is not null group by r.org_id order by 1
       on conflict (org_id) do update set seq = org_changes.seq + excluded.seq, draft_seq = org_changes.draft_seq + excluded.draft_seq',
      t || '_rows', report_of);
  end loop;
  return null;
end $$`,
    )
    .execute(db);
}
