import { PROGRESS_STATUS_LABELS, REPORT_STATE_LABELS, type ProgressStatus } from '../../core/reporting/states';
import { beijingDate } from '../clock';
import type { AppContext } from '../context';
import { peopleOfTasks } from '../ledger/tasks.repository';
import { effectiveDeadline, periodReportRows, type Period } from './periods.repository';

const REACHED_OFFICE = ['submitted', 'accepted'] as const;

/**
 * A period's compiled report of all units (汇总表): each responsible unit's reporting, and for
 * every task of the notice each responsible unit's entry as it reached the office — or 未报送.
 * Only reports the unit head approved count: drafts are the unit's own working papers.
 */
export async function buildPeriodSummary(ctx: AppContext, period: Period) {
  const db = ctx.db;
  const today = ctx.clock.today();
  const deadline = effectiveDeadline(period);
  const [org, notice, tasks, unitRows, entries, actuals] = await Promise.all([
    db.selectFrom('organisations').select('name').where('id', '=', period.org_id).executeTakeFirstOrThrow(),
    db.selectFrom('notices').select(['title', 'doc_number']).where('id', '=', period.notice_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.id', 'tasks.seq', 'tasks.standard', 'annexes.no as annex_no'])
      .where('tasks.notice_id', '=', period.notice_id)
      .orderBy('annexes.no')
      .orderBy('tasks.position')
      .execute(),
    periodReportRows(db, period),
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select(['task_progress.id', 'task_progress.task_id', 'unit_reports.unit_id', 'task_progress.report_id', 'task_progress.status', 'task_progress.narrative', 'task_progress.problems', 'task_progress.next_steps'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('indicators', 'indicators.id', 'indicator_actuals.indicator_id')
      .select(['indicator_actuals.progress_id', 'indicator_actuals.value', 'indicators.name', 'indicators.target', 'indicators.unit', 'indicators.position'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .orderBy('indicators.position')
      .execute(),
  ]);
  const people = await peopleOfTasks(db, tasks.map((t) => t.id));

  const units = unitRows.map((u) => {
    const reached = u.state === 'submitted' || u.state === 'accepted';
    const reporting = reached
      ? (u.late_days ?? 0) > 0
        ? `逾期${u.late_days}天`
        : '按时报送'
      : deadline < today
        ? '未报送'
        : u.state
          ? REPORT_STATE_LABELS[u.state]
          : '未填报';
    return {
      unitId: u.unit_id,
      unitName: u.unit_name,
      reportId: reached ? u.report_id : null,
      reporting,
      approvedDate: reached && u.approved_at ? beijingDate(new Date(u.approved_at)) : null,
      taskCount: people.units.filter((x) => x.id === u.unit_id).length,
    };
  });
  const reportingOf = new Map(units.map((u) => [u.unitId, u.reporting]));
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
      rows: people.units
        .filter((u) => u.task_id === t.id)
        .map((u) => {
          const e = entryOf.get(`${t.id}:${u.id}`);
          return {
            unitName: u.name,
            role: u.role,
            reportId: e?.report_id ?? null,
            status: e ? PROGRESS_STATUS_LABELS[e.status as ProgressStatus] : (reportingOf.get(u.id) ?? '未报送'),
            narrative: e?.narrative ?? '',
            problems: e?.problems ?? '',
            nextSteps: e?.next_steps ?? '',
            indicators: e ? (actualsOf.get(e.id) ?? []).join('\n') : '',
          };
        }),
    })),
  };
}

export type PeriodSummary = Awaited<ReturnType<typeof buildPeriodSummary>>;
