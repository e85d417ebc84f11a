import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 15, unit accounts in bulk: the account sheet the system administrator imports carries each
 * person's mobile number (手机号), which the office uses to reach a unit's clerk or head. Optional.
 */
export function userPhone(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('phone', 'text').execute();
    },
  };
}
