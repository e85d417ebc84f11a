import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/** The hashes of a person's earlier passwords, so a new one cannot be an old one again (等级保护: 口令更换). */
export function passwordHistory(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('password_history'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await db.schema.createIndex('password_history_user_idx').on('password_history').columns(['user_id', 'id']).execute();
    },
  };
}
