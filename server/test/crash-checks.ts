import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../db/connection';
import { auditEntries, type Outcome } from './crash-support';

/**
 * Database-wide invariants checked after a crash and restart: the ledger's parts hang together
 * (no child without its parent), and each notice is whole (as many rows of every kind as an
 * import that ran to the end wrote).
 */

/** Child table, its column, and the parent table it points into. */
const PARENT_LINKS: [child: string, column: string, parent: string][] = [
  ['notice_files', 'notice_id', 'notices'],
  ['annexes', 'notice_id', 'notices'],
  ['periods', 'notice_id', 'notices'],
  ['tasks', 'notice_id', 'notices'],
  ['tasks', 'annex_id', 'annexes'],
  ['categories', 'annex_id', 'annexes'],
  ['task_units', 'task_id', 'tasks'],
  ['task_leaders', 'task_id', 'tasks'],
  ['indicators', 'task_id', 'tasks'],
  ['task_versions', 'task_id', 'tasks'],
  ['task_links', 'task_id', 'tasks'],
  ['task_links', 'linked_task_id', 'tasks'],
  ['unit_reports', 'period_id', 'periods'],
  ['task_progress', 'report_id', 'unit_reports'],
  ['task_progress', 'task_id', 'tasks'],
  ['indicator_actuals', 'progress_id', 'task_progress'],
];

/** "child.column → parent: n" for every link with rows pointing nowhere (none expected). */
export async function orphans(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const [child, column, parent] of PARENT_LINKS) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(child)} c
      where not exists (select 1 from ${sql.table(parent)} p where p.id = c.${sql.ref(column)})`.execute(db);
    const n = Number(rows[0]!.n);
    if (n > 0) found.push(`${child}.${column} → ${parent}: ${n}`);
  }
  return found;
}

/** Per notice, how many rows of each part of the ledger it has (the stored files are counted apart: re-imports add them). */
export type NoticeShape = Record<string, number>;

const PER_NOTICE = {
  annexes: sql`select notice_id as id, count(*) as n from annexes group by notice_id`,
  categories: sql`select a.notice_id as id, count(*) as n from categories c join annexes a on a.id = c.annex_id group by a.notice_id`,
  periods: sql`select notice_id as id, count(*) as n from periods group by notice_id`,
  tasks: sql`select notice_id as id, count(*) as n from tasks group by notice_id`,
  task_units: sql`select t.notice_id as id, count(*) as n from task_units x join tasks t on t.id = x.task_id group by t.notice_id`,
  task_leaders: sql`select t.notice_id as id, count(*) as n from task_leaders x join tasks t on t.id = x.task_id group by t.notice_id`,
  indicators: sql`select t.notice_id as id, count(*) as n from indicators x join tasks t on t.id = x.task_id group by t.notice_id`,
  task_versions: sql`select t.notice_id as id, count(*) as n from task_versions x join tasks t on t.id = x.task_id group by t.notice_id`,
  task_links: sql`select t.notice_id as id, count(*) as n from task_links x join tasks t on t.id = x.task_id group by t.notice_id`,
};

export async function noticeShapes(db: Db): Promise<Map<number, NoticeShape>> {
  const notices = await db.selectFrom('notices').select('id').execute();
  const shapes = new Map<number, NoticeShape>(
    notices.map((n) => [n.id, Object.fromEntries(Object.keys(PER_NOTICE).map((k) => [k, 0]))]),
  );
  for (const [part, query] of Object.entries(PER_NOTICE)) {
    const { rows } = await (query as ReturnType<typeof sql<{ id: number; n: number }>>).execute(db);
    for (const r of rows) {
      const shape = shapes.get(Number(r.id));
      if (shape) shape[part] = Number(r.n);
    }
  }
  return shapes;
}

export type SentImport = {
  what: 'import' | 'reimport';
  docNumber: string;
  outcome: Outcome<{ noticeId: number }>;
  /** When the answer (or the cut) came, from the start of the batch. */
  atMs: number;
};

/**
 * After a restart: no orphan anywhere, every notice stored exactly like the uninterrupted reference
 * import of the same text, every acknowledged import there, one import audit entry per notice and
 * one re-import entry per extra stored file. Returns how many cut requests had in fact committed.
 */
export async function checkImports(db: Db, input: { referenceId: number; expectedTasks: number; sent: SentImport[] }) {
  const { sent, referenceId } = input;
  expect(await orphans(db)).toEqual([]);
  const notices = await db.selectFrom('notices').select(['id', 'doc_number']).execute();
  const shapes = await noticeShapes(db);
  const reference = shapes.get(referenceId)!;
  expect(reference.tasks).toBe(input.expectedTasks);
  for (const n of notices)
    expect({ doc: n.doc_number, ...shapes.get(n.id) }).toEqual({ doc: n.doc_number, ...reference });

  const idOf = new Map(notices.map((n) => [n.doc_number, n.id]));
  for (const s of sent.filter((x) => x.what === 'import' && x.outcome.kind === 'acked')) {
    expect(idOf.get(s.docNumber)).toBe((s.outcome as { body: { noticeId: number } }).body.noticeId);
  }
  const byId = (a: number, b: number) => a - b;
  const imports = await auditEntries(db, ['notice.import']);
  expect(imports.map((e) => e.entityId).sort(byId)).toEqual(notices.map((n) => n.id).sort(byId));
  for (const e of imports) expect(e.after!.docNumber).toBe(notices.find((n) => n.id === e.entityId)!.doc_number);

  const reimports = (await auditEntries(db, ['notice.reimport'])).filter((e) => e.entityId === referenceId).length;
  const files = await db.selectFrom('notice_files').select('notice_id').execute();
  for (const n of notices)
    expect(files.filter((f) => f.notice_id === n.id).length).toBe(n.id === referenceId ? 1 + reimports : 1);
  const reimportsSent = sent.filter((s) => s.what === 'reimport');
  const ackedReimports = reimportsSent.filter((s) => s.outcome.kind === 'acked').length;
  expect(reimports).toBeGreaterThanOrEqual(ackedReimports);
  expect(reimports).toBeLessThanOrEqual(reimportsSent.filter((s) => s.outcome.kind !== 'refused').length);

  const cutImports = sent.filter((s) => s.what === 'import' && s.outcome.kind === 'cut');
  return { committedUnanswered: cutImports.filter((s) => idOf.has(s.docNumber)).length + reimports - ackedReimports };
}
