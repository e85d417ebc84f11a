import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/** Organisations, the directory (units, leaders, users), sessions and the audit log. */
export function foundation(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('organisations'))
        .addColumn('parent_id', 'integer', (c) => c.references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull().check(sqlIn('level', ['province', 'city', 'district'])))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();

      await t
        .id(db.schema.createTable('units'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('units_org_name_uq', ['org_id', 'name'])
        .execute();

      await t
        .id(db.schema.createTable('unit_aliases'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('cascade'))
        .addColumn('alias', 'text', (c) => c.notNull())
        // An alias names one unit in an organisation, so the importer can resolve it unambiguously.
        .addUniqueConstraint('unit_aliases_org_alias_uq', ['org_id', 'alias'])
        .execute();

      await t
        .id(db.schema.createTable('leaders'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('leaders_org_name_uq', ['org_id', 'name'])
        .execute();

      await t
        .id(db.schema.createTable('users'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
        .addColumn('leader_id', 'integer', (c) => c.references('leaders.id'))
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_org_idx').on('users').columns(['org_id', 'role']).execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('last_seen_at', t.timestamp, (c) => c.notNull())
        .addColumn('expires_at', t.timestamp, (c) => c.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

      await t
        .id(db.schema.createTable('audit_log'))
        .addColumn('seq', 'integer', (c) => c.notNull().unique())
        .addColumn('org_id', 'integer', (c) => c.references('organisations.id'))
        .addColumn('at', t.timestamp, (c) => c.notNull())
        .addColumn('actor_user_id', 'integer')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text')
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      // The chain's head, written with every entry: removing the newest entries (which leaves a
      // valid but shorter chain) then shows as a head that points past the end of the log.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_org_idx').on('audit_log').columns(['org_id', 'seq']).execute();
    },
  };
}

function sqlIn(column: string, values: string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
