import type { AnnexKind } from '../../core/notice';
import type { ProgressStatus } from '../../core/reporting/states';
import type { Light } from '../../core/supervision/lights';
import { groupBy } from '../../core/group-by';
import { latestActuals } from '../../core/supervision/latest-actuals';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import { computeOrgLights } from '../supervision/lights.service';
import { officeEntriesOnly } from '../reporting/standings';

/** One stored task as the annex export prints it, with where its supervision stands. */
export type AnnexTask = {
  id: number;
  seq: string;
  category: { no: number; name: string } | null;
  upstreamNo: number | null;
  upstreamItem: string | null;
  standard: string;
  deadline: string | null;
  /** The due date and where it came from (core/notice/due-date.ts); shown in a supervision column. */
  dueDate: string | null;
  dueDateSource: string | null;
  leaders: string[];
  units: { name: string; role: 'lead' | 'co'; note: string | null }[];
  /** The lead unit's entry of the latest period it reported in (approved to the office or accepted). */
  latest: { status: ProgressStatus; periodLabel: string } | null;
  light: Light | null;
  indicators: { name: string; target: number; unit: string; actual: number | null }[];
};

export type AnnexLedger = {
  notice: { id: number; orgId: number; docNumber: string | null; title: string; issuer: string | null; issuedDate: string | null; reportTo: string | null; reportingDeadlines: string[] };
  orgName: string;
  annexes: { no: number; title: string; kind: AnnexKind; tasks: AnnexTask[] }[];
};

/** Reports that count as reported: the unit head approved them to the office, or the office accepted them. */
const REPORTED = ['submitted', 'accepted'] as const;

export function findNotice(db: Db, id: number) {
  return db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored ledger of one notice in printed order, in a fixed number of queries. */
export async function loadAnnexLedger(ctx: AppContext, notice: NonNullable<Awaited<ReturnType<typeof findNotice>>>): Promise<AnnexLedger> {
  const db = ctx.db;
  const taskIds = db.selectFrom('tasks').select('id').where('notice_id', '=', notice.id);
  const [org, annexes, tasks, leaders, units, indicators, entries, actuals, lights] = await Promise.all([
    db.selectFrom('organisations').select('name').where('id', '=', notice.org_id).executeTakeFirstOrThrow(),
    db.selectFrom('annexes').select(['id', 'no', 'title', 'kind']).where('notice_id', '=', notice.id).orderBy('no').execute(),
    db
      .selectFrom('tasks')
      .leftJoin('categories', 'categories.id', 'tasks.category_id')
      .select(['tasks.id', 'tasks.annex_id', 'tasks.seq', 'tasks.upstream_no', 'tasks.upstream_item', 'tasks.standard', 'tasks.deadline', 'tasks.due_date', 'tasks.due_date_source', 'categories.no as category_no', 'categories.name as category_name'])
      .where('tasks.notice_id', '=', notice.id)
      .orderBy('tasks.position')
      .orderBy('tasks.id')
      .execute(),
    db
      .selectFrom('task_leaders')
      .innerJoin('leaders', 'leaders.id', 'task_leaders.leader_id')
      .select(['task_leaders.task_id', 'leaders.name'])
      .where('task_leaders.task_id', 'in', taskIds)
      .orderBy('task_leaders.position')
      .execute(),
    db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['task_units.task_id', 'units.name', 'task_units.role', 'task_units.note'])
      .where('task_units.task_id', 'in', taskIds)
      .orderBy('task_units.position')
      .execute(),
    db.selectFrom('indicators').select(['id', 'task_id', 'name', 'target', 'unit']).where('task_id', 'in', taskIds).orderBy('position').execute(),
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .select(['task_progress.task_id', 'task_progress.status', 'periods.label', 'periods.position'])
      .where('periods.notice_id', '=', notice.id)
      .where('task_progress.unit_role', '=', 'lead')
      .where('unit_reports.state', 'in', REPORTED)
      .execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
      .select(['indicator_actuals.id', 'indicator_actuals.indicator_id', 'indicator_actuals.value', 'periods.position', 'task_progress.task_id', 'task_progress.unit_role'])
      .where('periods.notice_id', '=', notice.id)
      .where('unit_reports.state', 'in', REPORTED)
      .where('indicator_actuals.value', 'is not', null)
      .execute(),
    computeOrgLights(ctx, notice.org_id, { noticeIds: [notice.id] }),
  ]);

  const latestEntry = new Map<number, (typeof entries)[number]>();
  for (const e of entries) {
    const cur = latestEntry.get(e.task_id);
    if (!cur || e.position > cur.position) latestEntry.set(e.task_id, e);
  }
  // The latest value of each indicator, as the light reads it.
  const latestActual = latestActuals(await officeEntriesOnly(db, actuals));
  const leadersOf = groupBy(leaders, (r) => r.task_id);
  const unitsOf = groupBy(units, (r) => r.task_id);
  const indicatorsOf = groupBy(indicators, (r) => r.task_id);

  const toTask = (t: (typeof tasks)[number]): AnnexTask => {
    const entry = latestEntry.get(t.id);
    return {
      id: t.id,
      seq: t.seq,
      category: t.category_no !== null && t.category_name !== null ? { no: t.category_no, name: t.category_name } : null,
      upstreamNo: t.upstream_no,
      upstreamItem: t.upstream_item,
      standard: t.standard,
      deadline: t.deadline,
      dueDate: t.due_date,
      dueDateSource: t.due_date_source,
      leaders: (leadersOf.get(t.id) ?? []).map((l) => l.name),
      units: (unitsOf.get(t.id) ?? []).map((u) => ({ name: u.name, role: u.role, note: u.note })),
      latest: entry ? { status: entry.status, periodLabel: entry.label } : null,
      light: lights.get(t.id)?.light ?? null,
      indicators: (indicatorsOf.get(t.id) ?? []).map((i) => ({ name: i.name, target: i.target, unit: i.unit, actual: latestActual.get(i.id) ?? null })),
    };
  };

  return {
    notice: {
      id: notice.id,
      orgId: notice.org_id,
      docNumber: notice.doc_number,
      title: notice.title,
      issuer: notice.issuer,
      issuedDate: notice.issued_date,
      reportTo: notice.report_to,
      reportingDeadlines: JSON.parse(notice.reporting_deadlines_json) as string[],
    },
    orgName: org.name,
    annexes: annexes.map((a) => ({ no: a.no, title: a.title, kind: a.kind as AnnexKind, tasks: tasks.filter((t) => t.annex_id === a.id).map(toTask) })),
  };
}
