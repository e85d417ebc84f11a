import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Every level in one system (issue 7): an upper level's task carried to a lower organisation's
 * task (a hand-down, or a link found when the lower level imported its own notice citing the
 * upper number), and target adjustments that come from the upper level rather than from a unit
 * (no unit, no proposing user: the upper office proposes, the lower office accepts or answers).
 */
export function levels(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('handdowns'))
        .addColumn('upper_org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('upper_task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('lower_org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('lower_task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('origin', 'text', (c) => c.notNull()) // handed_down | imported
        .addColumn('target_mode', 'text', (c) => c.notNull()) // set (by the upper office) | lower_sets
        // When the lower office has set its own target (target_mode lower_sets); null while pending.
        .addColumn('lower_set_at', t.timestamp)
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        // An upper item reaches a lower organisation once; a lower task answers one upper item.
        .addUniqueConstraint('handdowns_upper_lower_org_uq', ['upper_task_id', 'lower_org_id'])
        .addUniqueConstraint('handdowns_lower_task_uq', ['lower_task_id'])
        .execute();
      await db.schema.createIndex('handdowns_upper_org_idx').on('handdowns').columns(['upper_org_id', 'upper_task_id']).execute();
      await db.schema.createIndex('handdowns_lower_org_idx').on('handdowns').columns(['lower_org_id']).execute();

      // Target adjustments proposed by the upper level have no unit and no proposing user here.
      if (engine === 'postgres') {
        await db.schema.alterTable('target_adjustments').alterColumn('unit_id', (c) => c.dropNotNull()).execute();
        await db.schema.alterTable('target_adjustments').alterColumn('proposed_by', (c) => c.dropNotNull()).execute();
      } else {
        // SQLite cannot drop NOT NULL: rebuild the table (nothing references it) with the same rows.
        await t
          .id(db.schema.createTable('target_adjustments_new'))
          .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
          .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
          .addColumn('unit_id', 'integer', (c) => c.references('units.id'))
          .addColumn('proposed_by', 'integer')
          .addColumn('proposed_by_name', 'text', (c) => c.notNull())
          .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id'))
          .addColumn('before_text', 'text')
          .addColumn('after_text', 'text')
          .addColumn('before_value', t.float)
          .addColumn('after_value', t.float)
          .addColumn('reason', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
          .addColumn('decided_by_name', 'text')
          .addColumn('decision_note', 'text')
          .addColumn('decided_at', t.timestamp)
          .addColumn('resulting_version', 'integer')
          .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
          .execute();
        await sql`insert into target_adjustments_new select id, org_id, task_id, unit_id, proposed_by, proposed_by_name, indicator_id, before_text, after_text, before_value, after_value, reason, status, decided_by_name, decision_note, decided_at, resulting_version, created_at from target_adjustments`.execute(db);
        await db.schema.dropTable('target_adjustments').execute();
        await db.schema.alterTable('target_adjustments_new').renameTo('target_adjustments').execute();
      }
      await db.schema.alterTable('target_adjustments').addColumn('source', 'text', (c) => c.notNull().defaultTo('unit')).execute(); // unit | upstream
      await db.schema.alterTable('target_adjustments').addColumn('handdown_id', 'integer', (c) => c.references('handdowns.id').onDelete('set null')).execute();
      await db.schema.createIndex('target_adjustments_org_idx').on('target_adjustments').columns(['org_id', 'status']).execute();
    },
  };
}
