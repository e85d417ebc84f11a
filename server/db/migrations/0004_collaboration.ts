import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Around the reports: coordination requests to the leader in charge (提请协调), target
 * adjustments with every task version kept (目标调整), leader instructions (批示), and each
 * person's notifications.
 */
export function collaboration(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('task_versions'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('indicators_json', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('changed_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addUniqueConstraint('task_versions_uq', ['task_id', 'version'])
        .execute();

      await t
        .id(db.schema.createTable('coordination_requests'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('leader_id', 'integer', (c) => c.notNull().references('leaders.id'))
        .addColumn('raised_by', 'integer', (c) => c.notNull())
        .addColumn('raised_by_name', 'text', (c) => c.notNull())
        .addColumn('problem', 'text', (c) => c.notNull())
        .addColumn('departments', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('open')) // open | assigned | closed
        .addColumn('assigned_unit_id', 'integer', (c) => c.references('units.id'))
        .addColumn('resolution', 'text')
        .addColumn('closed_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('coordination_org_idx').on('coordination_requests').columns(['org_id', 'status']).execute();

      await t
        .id(db.schema.createTable('coordination_comments'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('coordination_requests.id').onDelete('cascade'))
        .addColumn('author_id', 'integer', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();

      await t
        .id(db.schema.createTable('target_adjustments'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('proposed_by', 'integer', (c) => c.notNull())
        .addColumn('proposed_by_name', 'text', (c) => c.notNull())
        .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id')) // null: the standard text
        .addColumn('before_text', 'text')
        .addColumn('after_text', 'text')
        .addColumn('before_value', t.float)
        .addColumn('after_value', t.float)
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed')) // proposed | approved | rejected
        .addColumn('decided_by_name', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('decided_at', t.timestamp)
        .addColumn('resulting_version', 'integer')
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();

      await t
        .id(db.schema.createTable('instructions'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
        .addColumn('report_id', 'integer', (c) => c.references('unit_reports.id'))
        .addColumn('author_id', 'integer', (c) => c.notNull())
        .addColumn('author_name', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();

      await t
        .id(db.schema.createTable('notifications'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('link', 'text')
        .addColumn('read_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
    },
  };
}
