import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Indexes the province scale needs (issue 8, bench/RESULTS.md): a task's units and leaders are
 * read by task everywhere (lights, task pages, roll-up), and a year's tasks by notice; without
 * these, each of those reads scans the whole table — a province holds ~100,000 tasks.
 */
export function scaleIndexes(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('task_units_task_idx').on('task_units').columns(['task_id', 'position']).execute();
      await db.schema.createIndex('task_leaders_task_idx').on('task_leaders').columns(['task_id', 'position']).execute();
      await db.schema.createIndex('tasks_notice_idx').on('tasks').columns(['notice_id', 'position']).execute();
    },
  };
}
