import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/** Settings the office changes (light thresholds, later reminder schedules), per organisation. */
export function settings(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('value_json', 'text', (c) => c.notNull())
        .addColumn('updated_by_name', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['org_id', 'key'])
        .execute();
    },
  };
}
