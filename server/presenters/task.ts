import type { WorkCalendar } from '../../core/calendar/work-calendar';
import { reportStanding } from '../../core/reporting/standing';
import { historyOf, periodDates } from '../reporting/standings';
import { PROGRESS_STATUS_LABELS } from '../../core/reporting/states';
import { LIGHT_LABELS, type LightResult } from '../../core/supervision/lights';
import { DUE_DATE_SOURCES, type DueDateSource } from '../../core/notice/due-date';
import type { reportEntriesOfTask } from '../ledger/task-detail.repository';
import type { peopleOfTasks, TaskRow } from '../ledger/tasks.repository';

type People = Awaited<ReturnType<typeof peopleOfTasks>>;

/** The stored source of a due date, as the API names it (core/notice/due-date.ts); anything else is unknown. */
const dueDateSourceOf = (s: string | null): DueDateSource | null => ((DUE_DATE_SOURCES as readonly string[]).includes(s ?? '') ? (s as DueDateSource) : null);

/** A ledger row as the API sends it, with its leaders and units (first unit = lead). */
export function presentTaskRow(row: TaskRow, people: People, light: LightResult | undefined) {
  return {
    id: row.id,
    noticeId: row.notice_id,
    annex: { no: row.annex_no, kind: row.annex_kind, title: row.annex_title },
    category: row.category_id !== null && row.category_no !== null ? { id: row.category_id, no: row.category_no, name: row.category_name ?? '' } : null,
    seq: row.seq,
    standard: row.standard,
    upstreamNo: row.upstream_no,
    deadline: row.deadline,
    dueDate: row.due_date,
    dueDateSource: dueDateSourceOf(row.due_date_source),
    leaders: people.leaders.filter((l) => l.task_id === row.id).map((l) => ({ id: l.id, name: l.name })),
    units: people.units.filter((u) => u.task_id === row.id).map((u) => ({ id: u.id, name: u.name, role: u.role })),
    indicatorCount: Number(people.indicatorCounts.find((c) => c.task_id === row.id)?.n ?? 0),
    uncertain: row.uncertain === 1,
    version: row.version,
    light: light
      ? { color: light.light, label: LIGHT_LABELS[light.light], reasons: light.reasons }
      : { color: 'grey' as const, label: LIGHT_LABELS.grey, reasons: [] },
    closure: presentClosure(row),
    coReporting: row.co_reporting,
  };
}

/** 销号, as the ledger and the task page show it (core/api/tasks taskClosureSchema); null while the task is open. */
export function presentClosure(row: Pick<TaskRow, 'closed_on' | 'closed_by_name' | 'close_note' | 'closed_period_label'>) {
  if (row.closed_on === null) return null;
  return { closedOn: row.closed_on, closedByName: row.closed_by_name ?? '', note: row.close_note, periodLabel: row.closed_period_label ?? '' };
}

/**
 * A task's report entry as the task page and the roll-up drill-down show it (core/api/tasks
 * taskReportEntrySchema); the report's state in words is where it stands (core/reporting/standing.ts).
 */
export function presentTaskReportEntry(r: Awaited<ReturnType<typeof reportEntriesOfTask>>[number], at: { today: string; calendar: WorkCalendar }) {
  const standing = reportStanding(historyOf(r), periodDates(r), at);
  return {
    reportId: r.report_id,
    periodLabel: r.period_label,
    unitName: r.unit_name,
    unitRole: r.unit_role,
    reportState: standing.reached ? `${standing.label}（${standing.timelinessLabel}）` : standing.label,
    status: PROGRESS_STATUS_LABELS[r.status],
    narrative: r.narrative,
    problems: r.problems,
    taskVersion: r.task_version,
    updatedAt: r.updated_at,
  };
}
