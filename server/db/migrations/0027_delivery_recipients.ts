import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Messages to the person (issue 18): a WeCom 应用消息, a DingTalk 工作通知 or an SMS goes to named
 * people, so a delivery row gets one `delivery_recipients` row per person with what the platform
 * said of them (sent, read, failed). `deliveries.remote_id` keeps the platform's id of the message
 * (WeCom msgid, DingTalk task_id) for asking about reads; `deliveries.escalated_at` is set once, in
 * the transaction that queues the SMS for people who have not read it, so two processes never
 * queue it twice.
 */
export function deliveryRecipients(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('deliveries').addColumn('remote_id', 'text').execute();
      await db.schema.alterTable('deliveries').addColumn('escalated_at', t.timestamp).execute();
      await t
        .id(db.schema.createTable('delivery_recipients'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('delivery_id', 'integer', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        /** The platform's id of the person (userid) or the phone number, as sent; null until sent. */
        .addColumn('external_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')) // pending | sent | read | failed
        .addColumn('error', 'text')
        .addColumn('read_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('delivery_recipients_uq', ['delivery_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('delivery_recipients_delivery_idx')
        .on('delivery_recipients')
        .columns(['delivery_id', 'status'])
        .execute();
    },
  };
}
