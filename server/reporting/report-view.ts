import { PROGRESS_STATUS_LABELS, REPORT_STATE_LABELS } from '../../core/reporting/states';
import type { WorkCalendar } from '../../core/calendar/work-calendar';
import { calendarOf } from '../calendar/calendar.service';
import type { AppContext } from '../context';
import { findUnit } from '../directory/units.repository';
import { findPeriod } from './periods.repository';
import { periodStandings, standingOfReport, type UnitStanding } from './standings';
import { listInstructions } from '../collaboration/collaboration.repository';
import { listEvidence } from './evidence.service';
import { itemCoReporting } from './co-reporting';
import { coUnitParts, indicatorsWithActuals, previousEntries, reportItems, type PreviousEntry, type Report } from './reports.repository';

/** How many days the office's return dialog gives a unit to resubmit by default. */
const RESUBMIT_DAYS = 3;

/** The day `n` days after `from` on the calendar's basis: working days, unless the office counts calendar days. */
function daysAfter(calendar: WorkCalendar, from: string, n: number): string {
  let t = Date.parse(`${from}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    t += 86_400_000;
    if (calendar.basis === 'calendar' || calendar.isWorkingDay(new Date(t).toISOString().slice(0, 10))) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

export async function presentReportSummary(ctx: AppContext, report: Report, standings?: UnitStanding[]) {
  const [period, unit, calendar] = await Promise.all([findPeriod(ctx.db, report.period_id), findUnit(ctx.db, report.unit_id), calendarOf(ctx.db, report.org_id)]);
  const standing = standings ? standings.find((u) => u.unitId === report.unit_id)!.standing : (await standingOfReport(ctx, period!, report.unit_id))!;
  const today = ctx.clock.today();
  return {
    id: report.id,
    periodId: report.period_id,
    periodLabel: period!.label,
    deadline: standing.deadline.effective,
    unit: { id: unit!.id, name: unit!.name },
    state: report.state,
    stateLabel: REPORT_STATE_LABELS[report.state],
    version: report.version,
    submittedAt: report.submitted_at,
    approvedAt: report.approved_at,
    returnReason: report.return_reason,
    returnedByRole: report.returned_by_role,
    standing,
    today,
    resubmitByDefault: daysAfter(calendar, today, RESUBMIT_DAYS),
  };
}

function presentPrevious(p: PreviousEntry | undefined) {
  if (!p) return null;
  return { periodLabel: p.periodLabel, status: p.status, narrative: p.narrative, problems: p.problems, nextSteps: p.nextSteps, actuals: p.actuals };
}

/** The report as its page shows it: every task entry, its indicators, and co-units' parts beside the lead's. */
export async function presentReport(ctx: AppContext, report: Report) {
  const period = (await findPeriod(ctx.db, report.period_id))!;
  // Where every unit's report of the period stands: this one's, and the co-operating units' beside it.
  const standings = await periodStandings(ctx, period);
  const standingOf = new Map(standings.map((u) => [u.unitId, u.standing]));
  const [summary, items, indicators, evidence, instructions, previous] = await Promise.all([
    presentReportSummary(ctx, report, standings),
    reportItems(ctx.db, report.id),
    indicatorsWithActuals(ctx.db, report.id),
    listEvidence(ctx.db, report.id),
    listInstructions(ctx.db, { reportId: report.id }),
    previousEntries(ctx.db, report),
  ]);
  // 销号 after an earlier period: the entry was written before the closure (ledger/task-closure.service.ts).
  const closedBefore = (i: (typeof items)[number]) => i.closed_on !== null && i.closed_after_position !== null && period.position > i.closed_after_position;
  const leadTaskIds = items.filter((i) => i.unit_role === 'lead').map((i) => i.task_id);
  const parts = await coUnitParts(ctx.db, report.period_id, leadTaskIds, report.unit_id);
  const coReporting = await itemCoReporting(ctx.db, report, items);
  return {
    report: summary,
    items: items.map((i) => ({
      progressId: i.progressId,
      taskId: i.task_id,
      annexNo: i.annex_no,
      seq: i.seq,
      standard: i.standard,
      unitRole: i.unit_role,
      taskVersion: i.task_version,
      taskChangedSince: i.current_task_version !== i.task_version,
      status: i.status,
      statusLabel: PROGRESS_STATUS_LABELS[i.status],
      narrative: i.narrative,
      problems: i.problems,
      nextSteps: i.next_steps,
      officeComment: i.office_comment,
      version: i.version,
      updatedByName: i.updated_by_name,
      updatedAt: i.updated_at,
      closedOn: closedBefore(i) ? i.closed_on : null,
      indicators: indicators
        .filter((x) => x.progress_id === i.progressId)
        .map((x) => ({ id: x.id, name: x.name, target: x.target, unit: x.unit, qualifier: x.qualifier, actual: x.actual ?? null })),
      coReporting: coReporting.get(i.task_id)!,
      coParts: parts
        .filter((p) => p.task_id === i.task_id)
        .map((p) => ({ unitName: p.unit_name, standing: standingOf.get(p.unit_id)!, status: p.status, narrative: p.narrative, problems: p.problems })),
      evidence: evidence
        .filter((e) => e.progress_id === i.progressId)
        .map((e) => ({ id: e.id, fileName: e.file_name, size: e.size, contentType: e.content_type, createdAt: e.created_at })),
      previous: presentPrevious(previous.get(i.task_id)),
    })),
    instructions: instructions.map((x) => ({ id: x.id, authorName: x.author_name, body: x.body, createdAt: x.created_at })),
  };
}
