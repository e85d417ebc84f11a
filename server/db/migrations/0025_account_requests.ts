import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Issue 17, finding 4 (三员分立 got round): the system administrator could create an account with
 * a business role, or reset a business account's password, and sign in as it. Now every change
 * that lets someone sign in or grants a role is a request (账号变更申请) the system administrator
 * proposes and the security administrator approves or rejects; nothing is written to `users` until
 * then. `payload` is the proposed change as JSON text; `target_version` the account's version when
 * proposed (a role change over a newer edit is refused at approval).
 *
 * `users.version` (finding 11): the account's edit version, raised by every edit of its details,
 * role or state, so that a second editor's save over the first is refused instead of overwriting it.
 */
export function accountRequests(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await t
        .id(db.schema.createTable('account_requests'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
        .addColumn('target_version', 'integer')
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
        .addColumn('proposed_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('proposed_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', t.timestamp)
        .addColumn('decision_note', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.createIndex('account_requests_org_status_idx').on('account_requests').columns(['org_id', 'status']).execute();
    },
  };
}
