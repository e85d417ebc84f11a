import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Issue 18 (single sign-on): a person's identity on the government platform (an OIDC subject, a
 * WeCom userid, a DingTalk userid) bound to one Duban account. A binding grants the right to sign
 * in as that account, so it is written only when the security administrator approves the system
 * administrator's request (or, opt-in, by a configured attribute match); never by the sign-in
 * itself. One platform identity names at most one account: unique (platform, external_id).
 * The same table names the person for messages sent through the platform (WeCom 应用消息,
 * DingTalk 工作通知).
 */
export function platformIdentities(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('user_platform_identities'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addUniqueConstraint('user_platform_identities_platform_external_uq', ['platform', 'external_id'])
        .addUniqueConstraint('user_platform_identities_user_platform_uq', ['user_id', 'platform'])
        .execute();
    },
  };
}
