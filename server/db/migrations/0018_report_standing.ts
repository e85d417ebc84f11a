import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Issue 14: where a unit's report stands is one rule (core/reporting/standing.ts), read from the
 * report's history rather than its current state:
 * - unit_reports.first_reached_on: the business day the head first approved it to the office; an
 *   office return keeps it (the report reached the office on time even if it must be corrected),
 *   unless the office rules the return "not a valid report" (invalid_return = 1, date cleared);
 *   office_returns counts the returns, resubmit_by is the date the office asked for it back.
 *   late_days goes: lateness is computed by the rule from first_reached_on and the calendar.
 * - periods.status_set_by: 'office' once the office opened or closed it by hand, so the schedule
 *   that opens and closes periods by itself leaves it alone.
 * - tasks.closed_*: 销号, a task completed and accepted that the office closed; it leaves the
 *   reports of periods after closed_after_position.
 */
export function reportStanding(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('unit_reports').addColumn('first_reached_on', 'text').execute();
      await db.schema.alterTable('unit_reports').addColumn('office_returns', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('unit_reports').addColumn('invalid_return', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('unit_reports').addColumn('resubmit_by', 'text').execute();
      // Reports already approved reached the office on their approval day (Beijing time).
      const day =
        engine === 'postgres' ? sql`to_char(approved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')` : sql`date(approved_at, '+8 hours')`;
      await sql`update unit_reports set first_reached_on = ${day} where approved_at is not null`.execute(db);
      await sql`update unit_reports set office_returns = 1 where returned_by_role = 'office'`.execute(db);
      await db.schema.alterTable('unit_reports').dropColumn('late_days').execute();

      await db.schema.alterTable('periods').addColumn('status_set_by', 'text', (c) => c.notNull().defaultTo('auto')).execute();
      await sql`update periods set status_set_by = 'office' where status <> 'planned'`.execute(db);

      await db.schema.alterTable('tasks').addColumn('closed_on', 'text').execute();
      await db.schema.alterTable('tasks').addColumn('closed_after_position', 'integer').execute();
      await db.schema.alterTable('tasks').addColumn('closed_by_name', 'text').execute();
      await db.schema.alterTable('tasks').addColumn('closed_at', t.timestamp).execute();
      await db.schema.alterTable('tasks').addColumn('close_note', 'text').execute();
    },
  };
}
