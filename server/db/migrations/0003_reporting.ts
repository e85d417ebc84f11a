import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * The quarterly cycle: reporting periods taken from the notice's deadlines, one report per unit
 * per period, one progress entry per task inside it (with indicator actuals and evidence files).
 */
export function reporting(engine: Engine) {
  const t = columnTypes(engine);
  const blob = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('periods'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull()) // q1 q2 q3 annual, or p<n> for other schedules
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text', (c) => c.notNull()) // YYYY-MM-DD as printed in the notice
        .addColumn('extended_deadline', 'text')
        .addColumn('extension_reason', 'text')
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned')) // planned | open | closed
        // Set when the deadline had already passed when the notice was issued or imported.
        .addColumn('past_at_import', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('opened_at', t.timestamp)
        .addColumn('closed_at', t.timestamp)
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('periods_notice_position_uq', ['notice_id', 'position'])
        .execute();

      await t
        .id(db.schema.createTable('unit_reports'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('submitted_at', t.timestamp) // by the clerk, to the head
        .addColumn('submitted_by', 'integer')
        .addColumn('approved_at', t.timestamp) // by the head, to the office: the time that counts for lateness
        .addColumn('approved_by', 'integer')
        .addColumn('late_days', 'integer')
        .addColumn('return_reason', 'text')
        .addColumn('returned_by_role', 'text') // unit_head | office
        .addColumn('reviewed_at', t.timestamp)
        .addColumn('reviewed_by', 'integer')
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('unit_reports_period_unit_uq', ['period_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('unit_reports_org_idx').on('unit_reports').columns(['org_id', 'period_id', 'state']).execute();

      await t
        .id(db.schema.createTable('task_progress'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('report_id', 'integer', (c) => c.notNull().references('unit_reports.id').onDelete('cascade'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
        .addColumn('unit_role', 'text', (c) => c.notNull()) // lead | co
        .addColumn('task_version', 'integer', (c) => c.notNull()) // the ledger version reported against
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('not_started'))
        .addColumn('narrative', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('problems', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('next_steps', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('office_comment', 'text') // the office's reason when it returns this task
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_by', 'integer')
        .addColumn('updated_by_name', 'text')
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('task_progress_report_task_uq', ['report_id', 'task_id'])
        .execute();
      await db.schema.createIndex('task_progress_task_idx').on('task_progress').columns(['task_id']).execute();

      await t
        .id(db.schema.createTable('indicator_actuals'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('progress_id', 'integer', (c) => c.notNull().references('task_progress.id').onDelete('cascade'))
        .addColumn('indicator_id', 'integer', (c) => c.notNull().references('indicators.id'))
        .addColumn('value', t.float)
        .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
        .addUniqueConstraint('indicator_actuals_uq', ['progress_id', 'indicator_id'])
        .execute();

      await t
        .id(db.schema.createTable('evidence_files'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('progress_id', 'integer', (c) => c.notNull().references('task_progress.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('uploaded_by', 'integer')
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
    },
  };
}
