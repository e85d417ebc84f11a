import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../core/reporting/states';
import { IN_OFFICE_STATES } from '../../core/reporting/standing';
import type { AppContext } from '../context';
import { peopleOfTasks } from '../ledger/tasks.repository';
import type { Period } from './periods.repository';
import { coUnitParts } from './reports.repository';
import { officeEntriesOnly, periodStandings, viaLeadTasks } from './standings';

// A pre-filter only: each report's standing decides whether its entries are shown (below).
const REACHED_OFFICE = IN_OFFICE_STATES;

/**
 * A period's compiled report of all units (汇总表): each responsible unit's reporting, and for
 * every task of the notice each responsible unit's entry as it reached the office — or, where there
 * is none, where the unit's report stands (core/reporting/standing.ts: 退回修改, 逾期未报 …).
 * Only reports with the office count: drafts are the unit's own working papers.
 */
export async function buildPeriodSummary(ctx: AppContext, period: Period) {
  const db = ctx.db;
  const today = ctx.clock.today();
  const [org, notice, tasks, unitRows, allEntries, allActuals] = await Promise.all([
    db.selectFrom('organisations').select('name').where('id', '=', period.org_id).executeTakeFirstOrThrow(),
    db.selectFrom('notices').select(['title', 'doc_number']).where('id', '=', period.notice_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.id', 'tasks.seq', 'tasks.standard', 'annexes.no as annex_no', 'tasks.closed_on', 'tasks.closed_after_position'])
      .where('tasks.notice_id', '=', period.notice_id)
      .orderBy('annexes.no')
      .orderBy('tasks.position')
      .execute(),
    periodStandings(ctx, period),
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select(['task_progress.id', 'task_progress.task_id', 'unit_reports.unit_id', 'task_progress.report_id', 'task_progress.unit_role', 'task_progress.status', 'task_progress.narrative', 'task_progress.problems', 'task_progress.next_steps'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('indicators', 'indicators.id', 'indicator_actuals.indicator_id')
      .select(['indicator_actuals.progress_id', 'unit_reports.id as report_id', 'task_progress.task_id', 'task_progress.unit_role', 'indicator_actuals.value', 'indicators.name', 'indicators.target', 'indicators.unit', 'indicators.position'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .orderBy('indicators.position')
      .execute(),
  ]);
  const [people, viaLead] = await Promise.all([peopleOfTasks(db, tasks.map((t) => t.id)), viaLeadTasks(db, tasks.map((t) => t.id))]);
  // 报牵头单位: the office reads such a task through its lead unit's entry, which carries the
  // co-operating units' parts as they have written them (docs/REPORT_STANDING.md).
  const coParts = await coUnitParts(db, period.id, [...viaLead], -1);

  const deadline = unitRows[0]?.standing.deadline.effective ?? period.extended_deadline ?? period.deadline;
  const inOffice = new Set(unitRows.filter((u) => u.standing.inOffice).map((u) => u.reportId));
  const entries = await officeEntriesOnly(db, allEntries.filter((e) => inOffice.has(e.report_id)));
  const actuals = await officeEntriesOnly(db, allActuals.filter((a) => inOffice.has(a.report_id)));
  const units = unitRows.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    reportId: u.reportId,
    // 按时报送 / 逾期2个工作日报送 / 退回修改（3月31日按时报送）/ 逾期未报（已逾期5个工作日）/ 本期免报 …
    reporting: u.standing.kind === 'returned' ? u.standing.text : u.standing.reached ? u.standing.timelinessLabel : u.standing.timeliness === 'pending' ? u.standing.label : u.standing.timelinessLabel,
    approvedDate: u.standing.reachedOn,
    taskCount: people.units.filter((x) => x.id === u.unitId).length,
    standing: u.standing,
  }));
  const reportingOf = new Map(units.map((u) => [u.unitId, u.reporting]));
  const askedOf = new Map(unitRows.map((u) => [u.unitId, new Set(u.taskIds)]));
  const entryOf = new Map(entries.map((e) => [`${e.task_id}:${e.unit_id}`, e]));
  const actualsOf = new Map<number, string[]>();
  for (const a of actuals) {
    const line = `${a.name}：目标${a.target}${a.unit}，完成${a.value ?? '—'}${a.value === null ? '' : a.unit}`;
    actualsOf.set(a.progress_id, [...(actualsOf.get(a.progress_id) ?? []), line]);
  }

  return {
    orgName: org.name,
    notice: { title: notice.title, docNumber: notice.doc_number },
    period: { id: period.id, label: period.label, deadline },
    today,
    units,
    tasks: tasks.map((t) => ({
      taskId: t.id,
      annexNo: t.annex_no,
      seq: t.seq,
      standard: t.standard,
      leaders: people.leaders.filter((l) => l.task_id === t.id).map((l) => l.name),
      coReporting: viaLead.has(t.id) ? ('via_lead' as const) : ('separate' as const),
      rows: people.units
        .filter((u) => u.task_id === t.id && !(viaLead.has(t.id) && u.role === 'co'))
        .map((u) => {
          const e = entryOf.get(`${t.id}:${u.id}`);
          // 销号 in an earlier period: the task is done; an entry written before the closure is kept below.
          const closed = t.closed_on !== null && t.closed_after_position !== null && period.position > t.closed_after_position;
          return {
            unitName: u.name,
            role: u.role,
            reportId: e?.report_id ?? null,
            status: closed
              ? `已销号（${monthDay(t.closed_on!)}）`
              : e
                ? PROGRESS_STATUS_LABELS[e.status as ProgressStatus]
                : askedOf.get(u.id)?.has(t.id) === false
                  ? '本期不需报送（截止日期后下达）'
                  : (reportingOf.get(u.id) ?? '—'),
            narrative: e?.narrative ?? '',
            problems: e?.problems ?? '',
            nextSteps: e?.next_steps ?? '',
            indicators: e ? (actualsOf.get(e.id) ?? []).join('\n') : '',
            // The co-operating units' parts the lead unit's entry carries (报牵头单位), once it reached the office.
            coParts:
              e && u.role === 'lead'
                ? coParts
                    .filter((p) => p.task_id === t.id)
                    .map((p) => ({ unitName: p.unit_name, status: p.status ? PROGRESS_STATUS_LABELS[p.status as ProgressStatus] : '', narrative: p.narrative, problems: p.problems }))
                : [],
          };
        }),
    })),
  };
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export type PeriodSummary = Awaited<ReturnType<typeof buildPeriodSummary>>;
