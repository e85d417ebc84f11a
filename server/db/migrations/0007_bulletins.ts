import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Bulletins (通报): the office's periodic report on progress. A bulletin keeps the figures it
 * was generated from (with the ids of the tasks and reports behind each figure) next to the text
 * the office edited, so what was published can always be traced back. Published bulletins are
 * not changed again.
 */
export function bulletins(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await t
        .id(db.schema.createTable('bulletins'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('issue_no', 'integer', (c) => c.notNull()) // 第N期 within the organisation's year
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // draft | published
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('issuer_mark', 'text', (c) => c.notNull())
        .addColumn('doc_number', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('addressee', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .addColumn('issue_date', 'text', (c) => c.notNull())
        .addColumn('figures_json', 'text', (c) => c.notNull())
        .addColumn('highlights_json', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('published_by_name', 'text')
        .addUniqueConstraint('bulletins_org_year_no_uq', ['org_id', 'year', 'issue_no'])
        .execute();
      await db.schema.createIndex('bulletins_org_status_idx').on('bulletins').columns(['org_id', 'status', 'id']).execute();
    },
  };
}
