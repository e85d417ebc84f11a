import type { Db } from '../db/connection';
import { peopleOfTasks } from './tasks.repository';

/** Queries over the stored ledger (notices → annexes → tasks) of one organisation. */

export function findNoticeByDocNumber(db: Db, orgId: number, docNumber: string) {
  return db.selectFrom('notices').selectAll().where('org_id', '=', orgId).where('doc_number', '=', docNumber).executeTakeFirst();
}

export type StoredTask = {
  id: number;
  annexNo: number;
  seq: string;
  position: number;
  standard: string;
  upstreamNo: number | null;
  upstreamItem: string | null;
  deadline: string | null;
  category: string | null;
  leaders: string[];
  units: string[];
  version: number;
};

/** Every task of a notice with its leaders and units by name, in printed order. */
export async function loadNoticeTasks(db: Db, noticeId: number): Promise<StoredTask[]> {
  const tasks = await db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .leftJoin('categories', 'categories.id', 'tasks.category_id')
    .select([
      'tasks.id',
      'annexes.no as annex_no',
      'tasks.seq',
      'tasks.position',
      'tasks.standard',
      'tasks.upstream_no',
      'tasks.upstream_item',
      'tasks.deadline',
      'categories.name as category',
      'tasks.version',
    ])
    .where('tasks.notice_id', '=', noticeId)
    .orderBy('annexes.no')
    .orderBy('tasks.position')
    .execute();
  // The same leaders-and-units lookup the ledger list uses.
  const people = await peopleOfTasks(db, tasks.map((t) => t.id));
  const byTask = (rows: { task_id: number; name: string }[]) => {
    const m = new Map<number, string[]>();
    for (const r of rows) m.set(r.task_id, [...(m.get(r.task_id) ?? []), r.name]);
    return m;
  };
  const leadersBy = byTask(people.leaders);
  const unitsBy = byTask(people.units);
  return tasks.map((t) => ({
    id: t.id,
    annexNo: t.annex_no,
    seq: t.seq,
    position: t.position,
    standard: t.standard,
    upstreamNo: t.upstream_no,
    upstreamItem: t.upstream_item,
    deadline: t.deadline,
    category: t.category,
    leaders: leadersBy.get(t.id) ?? [],
    units: unitsBy.get(t.id) ?? [],
    version: t.version,
  }));
}

export async function listNoticesWithCounts(db: Db, orgId: number) {
  const rows = await db
    .selectFrom('notices')
    .leftJoin('tasks', 'tasks.notice_id', 'notices.id')
    .select((eb) => [
      'notices.id',
      'notices.doc_number',
      'notices.title',
      'notices.issuer',
      'notices.issued_date',
      'notices.year',
      'notices.created_at',
      'notices.reporting_deadlines_json',
      'notices.report_to',
      eb.fn.count<number>('tasks.id').as('tasks'),
    ])
    .where('notices.org_id', '=', orgId)
    .groupBy([
      'notices.id',
      'notices.doc_number',
      'notices.title',
      'notices.issuer',
      'notices.issued_date',
      'notices.year',
      'notices.created_at',
      'notices.reporting_deadlines_json',
      'notices.report_to',
    ])
    .orderBy('notices.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    docNumber: r.doc_number,
    title: r.title,
    issuer: r.issuer,
    issuedDate: r.issued_date,
    year: r.year,
    tasks: Number(r.tasks),
    importedAt: r.created_at,
    reportingDeadlines: JSON.parse(r.reporting_deadlines_json) as string[],
    reportTo: r.report_to,
  }));
}
