import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Request counters per (bucket, client address) and fixed window, kept in the database so that
 * every process behind the load balancer counts into the same window (等级保护: 防暴力破解).
 */
export function rateLimits(engine: Engine) {
  void engine; // the same definition on both engines: text key, integer window and count
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('bucket', 'text', (c) => c.notNull())
        .addColumn('client', 'text', (c) => c.notNull())
        // The window's number (epoch seconds / window length): an integer on both engines, no bigint strings.
        .addColumn('window_no', 'integer', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['bucket', 'client'])
        .execute();
      await db.schema.createIndex('rate_limits_window_idx').on('rate_limits').column('window_no').execute();
    },
  };
}
