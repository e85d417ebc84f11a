import { sql } from 'kysely';
import { sealStoredChannelSecrets } from './channels/channel-secrets';
import { createClock, type Clock } from './clock';
import type { Config } from './config/config';
import { openDatabase, type Db, type Engine } from './db/connection';
import { migrateToLatest } from './db/migrate';
import type { ReadReplica } from './db/read-replica';

/**
 * What every service needs: the database, which engine it is, the validated config, the business
 * clock; and the read replica, when there is one (only the HTTP layer routes reads to it).
 */
export type AppContext = { db: Db; engine: Engine; config: Config; clock: Clock; replica?: ReadReplica | null };

/** Opens the configured database with its schema up to date: the one way the server, CLI and tests get a context. */
export async function openContext(config: Config, opts: { poolSize?: number } = {}): Promise<AppContext & { close: () => Promise<void> }> {
  const handle = openDatabase(config.database, opts);
  try {
    await migrateToLatest(handle.db, handle.engine);
    // Channel secrets saved before they were sealed: sealed now, with the key kept out of the database.
    await sealStoredChannelSecrets({ db: handle.db, config });
  } catch (e) {
    await handle.close();
    throw e;
  }
  return { db: handle.db, engine: handle.engine, config, clock: createClock(config), replica: handle.replica, close: handle.close };
}

/** The business clock of the context each open transaction was started from (inTransaction). */
const transactionClocks = new WeakMap<Db, Clock>();
const realClock = createClock({ today: null });

/**
 * The business clock for a helper that is handed only `trx` (notifications, links, upstream
 * adjustments): the clock of the context whose inTransaction opened it. Outside one, the real time.
 * Where the context is at hand, use ctx.clock directly.
 */
export function clockOf(trx: Db): Clock {
  return transactionClocks.get(trx) ?? realClock;
}

/** Runs fn in one transaction: a change and its audit entry commit together or not at all. */
export function inTransaction<T>(ctx: AppContext, fn: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    transactionClocks.set(trx, ctx.clock);
    // SQLite: take the write lock before the first read (what BEGIN IMMEDIATE does). A deferred
    // transaction that reads and then writes fails at once with "database is locked" when another
    // process wrote in between; waiting (busy_timeout) cannot save it. One process is unaffected.
    if (ctx.engine === 'sqlite') await sql`update audit_head set id = id where 0`.execute(trx);
    return fn(trx);
  });
}
