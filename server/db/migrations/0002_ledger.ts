import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * The ledger an imported notice becomes: the notice (with its original file), annexes,
 * categories, tasks with their leaders, units (lead / co), indicators and proposed links.
 * Every table carries org_id.
 */
export function ledger(engine: Engine) {
  const t = columnTypes(engine);
  const blob = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('notices'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('doc_number', 'text')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text')
        .addColumn('issued_date', 'text')
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('report_to', 'text')
        .addColumn('reporting_deadlines_json', 'text', (c) => c.notNull())
        .addColumn('anomalies_json', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'integer')
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      // One notice per document number per organisation: importing it again is an update.
      await db.schema.createIndex('notices_org_doc_uq').on('notices').columns(['org_id', 'doc_number']).unique().execute();

      await t
        .id(db.schema.createTable('notice_files'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        // Kept in the database, not on a local disk, so every app instance and every backup has it.
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();

      await t
        .id(db.schema.createTable('annexes'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addUniqueConstraint('annexes_notice_no_uq', ['notice_id', 'no'])
        .execute();

      await t
        .id(db.schema.createTable('categories'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('annex_id', 'integer', (c) => c.notNull().references('annexes.id').onDelete('cascade'))
        .addColumn('no', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('categories_annex_no_uq', ['annex_id', 'no'])
        .execute();

      await t
        .id(db.schema.createTable('tasks'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('notice_id', 'integer', (c) => c.notNull().references('notices.id').onDelete('cascade'))
        .addColumn('annex_id', 'integer', (c) => c.notNull().references('annexes.id').onDelete('cascade'))
        .addColumn('category_id', 'integer', (c) => c.references('categories.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('seq', 'text', (c) => c.notNull())
        .addColumn('upstream_no', 'integer')
        .addColumn('upstream_item', 'text')
        .addColumn('standard', 'text', (c) => c.notNull())
        .addColumn('deadline', 'text')
        .addColumn('due_date', 'text')
        .addColumn('leaders_printed', 'text', (c) => c.notNull())
        .addColumn('units_printed_json', 'text', (c) => c.notNull())
        .addColumn('repairs_json', 'text', (c) => c.notNull())
        .addColumn('anomalies_json', 'text', (c) => c.notNull())
        .addColumn('uncertain', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('tasks_annex_seq_uq', ['annex_id', 'position'])
        .execute();
      await db.schema.createIndex('tasks_org_idx').on('tasks').columns(['org_id', 'annex_id', 'position']).execute();

      await db.schema
        .createTable('task_leaders')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('leader_id', 'integer', (c) => c.notNull().references('leaders.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_leaders_pk', ['task_id', 'leader_id'])
        .execute();
      await db.schema.createIndex('task_leaders_leader_idx').on('task_leaders').columns(['leader_id']).execute();

      await db.schema
        .createTable('task_units')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('printed', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
        .execute();
      await db.schema.createIndex('task_units_unit_idx').on('task_units').columns(['unit_id', 'role']).execute();

      await t
        .id(db.schema.createTable('indicators'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('target', t.float, (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('qualifier', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('indicators_task_idx').on('indicators').column('task_id').execute();

      await t
        .id(db.schema.createTable('task_links'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('linked_task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('similarity', t.float, (c) => c.notNull())
        // proposed by the importer; confirmed or rejected by the office
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed'))
        .addUniqueConstraint('task_links_pair_uq', ['task_id', 'linked_task_id'])
        .execute();
    },
  };
}
