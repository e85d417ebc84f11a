import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Reminders and escalation (催办): each planned reminder recorded once per organisation and key
 * (the unique constraint is what makes delivery once-only across instances and restarts), urge
 * records (auto or by hand), and one delivery row per outgoing message and channel, which the
 * sender claims, sends and retries. Users get an optional e-mail address for the e-mail channel.
 */
export function reminders(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('users').addColumn('email', 'text').execute();

      await t
        .id(db.schema.createTable('reminders'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull()) // before_deadline | deadline_day | overdue_urge
        .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('audience', 'text', (c) => c.notNull()) // unit | unit_head | leaders
        .addColumn('days_to_deadline', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('business_date', 'text', (c) => c.notNull()) // the business day it was planned for
        .addColumn('recipients_json', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addUniqueConstraint('reminders_org_key_uq', ['org_id', 'key'])
        .execute();
      await db.schema.createIndex('reminders_org_created_idx').on('reminders').columns(['org_id', 'id']).execute();

      await t
        .id(db.schema.createTable('urges'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('reminder_id', 'integer', (c) => c.references('reminders.id').onDelete('cascade'))
        .addColumn('mode', 'text', (c) => c.notNull()) // auto | manual
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('channels_json', 'text', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('business_date', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await db.schema.createIndex('urges_org_idx').on('urges').columns(['org_id', 'period_id', 'unit_id']).execute();

      await t
        .id(db.schema.createTable('deliveries'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('reminder_id', 'integer', (c) => c.references('reminders.id').onDelete('cascade'))
        .addColumn('urge_id', 'integer', (c) => c.references('urges.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull()) // email | wecom | dingtalk
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')) // pending | sent | failed
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
        .addColumn('sent_at', t.timestamp)
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        // A reminder goes out once per channel, whatever happens above this table.
        .addUniqueConstraint('deliveries_reminder_channel_uq', ['reminder_id', 'channel'])
        .execute();
      await db.schema
        .createIndex('deliveries_due_idx')
        .on('deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema.createIndex('deliveries_urge_idx').on('deliveries').columns(['urge_id']).execute();
    },
  };
}
