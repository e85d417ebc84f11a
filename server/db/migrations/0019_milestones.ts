import { sql, type Kysely } from 'kysely';
import { taskDue } from '../../../core/notice/due-date';
import type { Engine } from '../connection';
import { columnTypes } from './column-types';

/**
 * Issue 14, deadlines and milestones per task:
 * - tasks.due_date_source: where a task's due date came from — 'printed' (read from the notice's
 *   deadline), 'annual' (附件1, the year's own tasks, prints no deadline: due 12-31 of the notice's
 *   year), 'office' (set on the task's page), 'open-ended' (长期: no date). Ledgers imported before
 *   are filled in: 附件1's tasks get their year's end; printed deadlines the old reader did not
 *   understand (6月底前, 年内 …) are read again; a stored date that is not what the deadline says
 *   was set by the office.
 * - milestones (时间节点): a date, what is to be done by then, and what is expected — a state
 *   (started / completed) or an indicator's value. Versioned like the task edits.
 */
export function milestones(engine: Engine) {
  const t = columnTypes(engine);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('tasks').addColumn('due_date_source', 'text').execute();
      await fillDueDateSources(db);

      await t
        .id(db.schema.createTable('milestones'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('organisations.id'))
        .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('expect_kind', 'text', (c) => c.notNull())
        .addColumn('expect_state', 'text')
        .addColumn('indicator_id', 'integer', (c) => c.references('indicators.id').onDelete('set null'))
        .addColumn('expect_value', t.float)
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('updated_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', t.timestamp, (c) => t.nowDefault(c.notNull()))
        .addColumn('updated_at', t.timestamp, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('milestones_task_idx').on('milestones').columns(['task_id', 'due_on']).execute();
      await db.schema.createIndex('milestones_indicator_idx').on('milestones').column('indicator_id').execute();
    },
  };
}

type Row = { id: number; deadline: string | null; due_date: string | null; kind: string; year: number };

/** Fills due_date_source (and the dates the old reader missed) of tasks imported before; exported for its test. */
export async function fillDueDateSources(db: Kysely<unknown>) {
  const { rows } = await sql<Row>`
    select tasks.id, tasks.deadline, tasks.due_date, annexes.kind, notices.year
    from tasks join annexes on annexes.id = tasks.annex_id join notices on notices.id = tasks.notice_id`.execute(db);
  // One update per (date, source): a province's ledgers hold tens of thousands of tasks.
  const groups = new Map<string, { dueDate: string | null; source: string; ids: number[] }>();
  for (const r of rows) {
    const read = taskDue(r.deadline, Number(r.year), r.kind);
    let dueDate = r.due_date;
    let source: string | null;
    if (r.due_date === null) {
      dueDate = read.dueDate;
      source = read.dueDateSource;
    } else {
      source = r.due_date === read.dueDate ? read.dueDateSource : 'office';
    }
    if (source === null) continue;
    const key = `${dueDate ?? ''}|${source}`;
    const group = groups.get(key) ?? { dueDate, source, ids: [] };
    group.ids.push(Number(r.id));
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    for (let i = 0; i < g.ids.length; i += 500) {
      const ids = g.ids.slice(i, i + 500);
      await sql`update tasks set due_date = ${g.dueDate}, due_date_source = ${g.source} where id in (${sql.join(ids)})`.execute(db);
    }
  }
}
