import type { Kysely } from 'kysely';
import { addReportContentTriggers, createReportContentFunction, REPORT_CONTENT_TABLES } from '../change-triggers';
import type { Engine } from '../connection';

/**
 * Issue 19: a clerk's save of a report still with the unit moves its organisation's draft_seq, not
 * seq, so answers that read only reports with the office stay in memory (db/change-triggers.ts).
 */
export function draftChanges(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('org_changes')
        .addColumn('draft_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      if (engine === 'postgres') await createReportContentFunction(db);
      for (const table of Object.keys(REPORT_CONTENT_TABLES)) await addReportContentTriggers(db, engine, table);
    },
  };
}
