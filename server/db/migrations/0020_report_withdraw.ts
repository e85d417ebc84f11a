import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 15, withdrawing a submission (撤回): the head may take back a report the office has not
 * acted on. Its approval may have been the report's first arrival (or the valid arrival after an
 * invalid return), so the approval keeps what the arrival fields were before it, and the
 * withdrawal puts them back — the report stands exactly as it did before the head approved it.
 */
export function reportWithdraw(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('unit_reports').addColumn('reached_on_before_approval', 'text').execute();
      await db.schema.alterTable('unit_reports').addColumn('invalid_before_approval', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    },
  };
}
