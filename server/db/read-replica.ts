import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/**
 * Issue 19: read-only requests answered by a streaming replica (DATABASE_READ_URL, a hot
 * standby of DATABASE_URL) when it has replayed everything the primary had committed when the
 * request came in: whoever just wrote reads it back (and so does everyone else), and an answer
 * kept in memory is never older than the stamp it is kept under (server/cache/caches.ts).
 * Otherwise the primary answers. Only routes marked answerCache (pure reads) go there.
 */
export type ReadReplica = {
  /** True when the replica has replayed the primary's WAL up to lsn (pg_current_wal_lsn() then). */
  caughtUp(lsn: string): Promise<boolean>;
};

/** Set around a handler that reads from the replica: the database's pool hands out its connections. */
export const onReplica = new AsyncLocalStorage<boolean>();

/** The pool Kysely is given: a connection of the replica inside onReplica, else of the primary. */
export function routingPool(primary: pg.Pool, replica: pg.Pool) {
  return {
    connect: () => (onReplica.getStore() ? replica.connect() : primary.connect()),
    end: async () => {
      await Promise.all([primary.end(), replica.end()]);
    },
  };
}

export function readReplica(replica: pg.Pool): ReadReplica {
  return {
    async caughtUp(lsn) {
      try {
        const { rows } = await replica.query<{ ok: boolean | null }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn]);
        return rows[0]?.ok === true;
      } catch {
        return false; // the replica is down or not a standby: the primary answers
      }
    },
  };
}
