import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * The business day a handed-down item reached the lower organisation. A report period whose
 * deadline had passed before the item arrived cannot have covered it: the item is not overdue
 * for that period, in the lights or in the roll-up. Null for links made at import (the item was
 * in the lower notice from the start of its year).
 */
export function handdownArrival(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('handdowns').addColumn('arrived_on', 'text').execute();
    },
  };
}
