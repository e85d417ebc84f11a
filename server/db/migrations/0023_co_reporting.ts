import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 15, co-operating units with less to report: per task the office chooses whether its
 * co-operating units (配合单位) report their part to the office separately ('separate', what every
 * task did before) or feed it to the lead unit ('via_lead'), whose entry then carries it. Read by
 * core/reporting/standing.ts officeHearsFrom(); docs/REPORT_STANDING.md.
 */
export function coReporting(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('tasks')
        .addColumn('co_reporting', 'text', (c) => c.notNull().defaultTo('separate'))
        .execute();
    },
  };
}
