import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Config } from '../config/config';
import { readReplica, routingPool, type ReadReplica } from './read-replica';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export type DbHandle = { db: Db; engine: Engine; replica: ReadReplica | null; close: () => Promise<void> };

// PostgreSQL returns timestamptz as a Date and int8 as a string; make both engines hand the
// application the same shapes (ISO strings, numbers) so no query code branches on the engine.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString()); // timestamp
pg.types.setTypeParser(20, (v) => Number(v)); // int8 (count(*), bigserial)

export function openDatabase(database: Config['database'], opts: { poolSize?: number } = {}): DbHandle {
  if (database.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: database.url, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool discards it and the next query opens a new one.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection error: ${err.message}`));
    const replica = database.readUrl ? new pg.Pool({ connectionString: database.readUrl, max: opts.poolSize ?? 10 }) : null;
    replica?.on('error', (err) => process.emitWarning(`PostgreSQL replica idle connection error: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: replica ? routingPool(pool, replica) : pool }) });
    return { db, engine: 'postgres', replica: replica ? readReplica(replica) : null, close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(database.file), { recursive: true });
  const sqlite = new SQLite(database.file);
  // WAL lets readers proceed during a write; busy_timeout makes a second process (the CLI
  // beside a running server) wait for the lock instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', replica: null, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing is a tenth of a hot request's CPU on SQLite. The
 * app's queries are a few hundred distinct texts (values are bound, never inlined), so prepared
 * statements are kept by SQL text. better-sqlite3 runs a statement to completion synchronously,
 * so one statement is never used by two queries at once.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  const LIMIT = 2_000; // a bound on memory should some caller build query texts dynamically
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= LIMIT) statements.clear();
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement;
    },
  };
}
