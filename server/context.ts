import type { Config } from './config/config';
import type { Db, Engine } from './db/connection';

/** What every service needs: the database, which engine it is, and the validated config. */
export type AppContext = { db: Db; engine: Engine; config: Config };

/** Runs fn in one transaction: a change and its audit entry commit together or not at all. */
export function inTransaction<T>(ctx: AppContext, fn: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute((trx) => fn(trx));
}
