import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 18 (single sign-on): how a session was signed in — 'password' or the platform ('oidc',
 * 'wecom', 'dingtalk'). The forced change of an initial or reset password applies to password
 * sessions only: a person who signs in through the platform never received that password and
 * must not be stopped by it (the change is still asked at their first password sign-in).
 */
export function sessionMethod(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sessions')
        .addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
        .execute();
    },
  };
}
