import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Account lockout (等级保护: 登录失败处理): consecutive failed sign-ins, and until when the account
 * refuses sign-in after too many. Kept on the user, so every process sees the same count.
 */
export function signInLockout(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('users').addColumn('locked_until', 'text').execute();
    },
  };
}
