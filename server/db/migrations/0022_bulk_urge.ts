import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 15, bulk urge (批量催办): the office urges many units with one confirmation. The page sends a
 * key it made for that confirmation with every unit's urge; a request sent twice (a double click, a
 * retry after a timeout, two tabs) carries the same key, and the unique index lets only one urge per
 * unit and key exist whichever request commits first. Urges made one by one and by the sweep have
 * no key (NULLs never collide in a unique index on either engine).
 */
export function bulkUrge(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('urges').addColumn('request_key', 'text').execute();
      await db.schema.createIndex('urges_request_key_uq').unique().on('urges').columns(['org_id', 'request_key', 'unit_id']).execute();
    },
  };
}
