import type { Kysely } from 'kysely';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * The year-end assessment (绩效考核): the office's scheme per year, runs (each a snapshot: the
 * scheme as it was and every unit's score with its breakdown, so later report changes do not move
 * a published ranking), adjustments with reasons, vetoes (一票否决) per year, and the office's
 * quality rating of each report.
 */
export function assessment(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('unit_reports').addColumn('quality_rating', 'text').execute(); // excellent | good | fair | poor

      await t
        .id(db.schema.createTable('assessment_schemes'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('scheme_json', 'text', (c) => c.notNull())
        .addColumn('updated_by_name', 'text', (c) => c.notNull())
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .addUniqueConstraint('assessment_schemes_org_year_uq', ['org_id', 'year'])
        .execute();

      await t
        .id(db.schema.createTable('assessment_runs'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('period_id', 'integer', (c) => c.references('periods.id').onDelete('set null')) // null: the whole year
        .addColumn('period_label', 'text') // kept with the snapshot
        .addColumn('scheme_json', 'text', (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull()) // the business date the run counted up to
        .addColumn('run_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await db.schema.createIndex('assessment_runs_org_year_idx').on('assessment_runs').columns(['org_id', 'year', 'id']).execute();

      await t
        .id(db.schema.createTable('assessment_scores'))
        .addColumn('run_id', 'integer', (c) => c.notNull().references('assessment_runs.id').onDelete('cascade'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('unit_name', 'text', (c) => c.notNull()) // as it was named when the run was made
        .addColumn('reporting', t.float, (c) => c.notNull())
        .addColumn('completion', t.float, (c) => c.notNull())
        .addColumn('quality', t.float, (c) => c.notNull())
        .addColumn('bonus', t.float, (c) => c.notNull())
        .addColumn('computed', t.float, (c) => c.notNull())
        .addColumn('breakdown_json', 'text', (c) => c.notNull())
        .addColumn('adjustment', t.float, (c) => c.notNull().defaultTo(0))
        .addColumn('final', t.float, (c) => c.notNull())
        .addColumn('rank', 'integer', (c) => c.notNull())
        .addColumn('grade', 'text', (c) => c.notNull()) // excellent | good | pass | fail
        .addColumn('vetoed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('veto_reason', 'text')
        .addUniqueConstraint('assessment_scores_run_unit_uq', ['run_id', 'unit_id'])
        .execute();

      await t
        .id(db.schema.createTable('assessment_adjustments'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('run_id', 'integer', (c) => c.notNull().references('assessment_runs.id').onDelete('cascade'))
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('delta', t.float, (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .execute();
      await db.schema.createIndex('assessment_adjustments_run_idx').on('assessment_adjustments').columns(['run_id', 'unit_id']).execute();

      await t
        .id(db.schema.createTable('assessment_vetoes'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addUniqueConstraint('assessment_vetoes_org_year_unit_uq', ['org_id', 'year', 'unit_id'])
        .execute();
    },
  };
}
