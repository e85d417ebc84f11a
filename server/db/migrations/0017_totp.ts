import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * The optional second factor (等级保护: 双因素身份鉴别) for the office and the three system roles:
 * one TOTP secret per person (pending until confirmed with a code), the last time step used (a
 * code is good once), and one-time recovery codes kept only as hashes.
 */
export function totp(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('user_totp')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_used_step', 'integer')
        .addColumn('enabled_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await t
        .id(db.schema.createTable('totp_recovery_codes'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('used_at', t.timestamp)
        .execute();
      await db.schema.createIndex('totp_recovery_codes_user_idx').on('totp_recovery_codes').columns(['user_id', 'code_hash']).execute();
    },
  };
}
