import { groupBy } from '../../core/group-by';
import type { WorkCalendar } from '../../core/calendar/work-calendar';
import { officeHearsFrom, periodAsksAbout, periodDeadline, reportStanding, type CoReporting, type ReportHistory, type Standing } from '../../core/reporting/standing';
import { calendarsOf } from '../calendar/calendar.service';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import { selectIn } from '../db/select-in';
import type { Period } from './periods.repository';

/**
 * The server side of core/reporting/standing.ts: reads what the rule needs (reports' history,
 * the organisation's calendar, which tasks each period asks each unit about) and applies it.
 * Every consumer that shows or counts where a unit's report stands gets it from here or, when it
 * already holds the rows (the lights), from reportStanding() over historyOf() directly.
 */

/** The report columns the rule reads; select them wherever a standing is computed. */
export const REPORT_HISTORY_COLUMNS = ['state', 'first_reached_on', 'office_returns', 'invalid_return', 'returned_by_role', 'resubmit_by'] as const;

type HistoryRow = {
  state: ReportHistory['state'];
  first_reached_on: string | null;
  office_returns: number;
  invalid_return: number;
  returned_by_role: 'unit_head' | 'office' | null;
  resubmit_by: string | null;
};

export function historyOf(row: HistoryRow): ReportHistory {
  return {
    state: row.state,
    firstReachedOn: row.first_reached_on,
    officeReturns: Number(row.office_returns),
    invalidReturn: Number(row.invalid_return) === 1,
    returnedBy: row.returned_by_role,
    resubmitBy: row.resubmit_by,
  };
}

export type PeriodLike = Pick<Period, 'id' | 'org_id' | 'notice_id' | 'position' | 'deadline' | 'extended_deadline' | 'status'>;

export const periodDates = (p: Pick<Period, 'deadline' | 'extended_deadline'>) => ({ deadline: p.deadline, extendedDeadline: p.extended_deadline });

/** A unit's standing in a period, with the report it comes from. */
export type UnitStanding = {
  periodId: number;
  unitId: number;
  unitName: string;
  reportId: number | null;
  /** When the head last approved it (a resubmission's time), for display. */
  approvedAt: string | null;
  /** The tasks the period asks this unit about (it writes an entry on each). */
  taskIds: number[];
  /** Of those, the ones whose part goes to the lead unit, not to the office (报牵头单位). */
  viaLeadTaskIds: number[];
  standing: Standing;
};

/** Which tasks of the notices each unit is responsible for, with what decides whether a period asks about them. */
export async function responsibilities(db: Db, noticeIds: readonly number[]) {
  if (noticeIds.length === 0) return [];
  const rows = await db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .innerJoin('units', 'units.id', 'task_units.unit_id')
    .select(['tasks.notice_id', 'tasks.id as task_id', 'tasks.closed_after_position', 'tasks.co_reporting', 'task_units.unit_id', 'task_units.role', 'units.name as unit_name'])
    .where('tasks.notice_id', 'in', noticeIds)
    .orderBy('task_units.unit_id')
    .orderBy('tasks.id')
    .execute();
  const arrivals = await selectIn([...new Set(rows.map((r) => r.task_id))], (ids) =>
    db.selectFrom('handdowns').select(['lower_task_id', 'arrived_on']).where('lower_task_id', 'in', ids).where('arrived_on', 'is not', null).execute(),
  );
  const arrivedOn = new Map(arrivals.map((a) => [a.lower_task_id, a.arrived_on]));
  return rows.map((r) => ({ ...r, arrived_on: arrivedOn.get(r.task_id) ?? null }));
}
export type Responsibility = Awaited<ReturnType<typeof responsibilities>>[number];

/**
 * Every responsible unit's standing in each period (a unit with a task in the period's notice),
 * on `today` (the business day unless a past day is asked for). A fixed number of queries.
 */
export async function standingsOfPeriods(ctx: AppContext, periods: readonly PeriodLike[], opts: { today?: string; calendars?: Map<number, WorkCalendar> } = {}): Promise<Map<number, UnitStanding[]>> {
  const today = opts.today ?? ctx.clock.today();
  const out = new Map<number, UnitStanding[]>();
  if (periods.length === 0) return out;
  const db = ctx.db;
  const [calendars, resp, reports] = await Promise.all([
    opts.calendars ?? calendarsOf(db, [...new Set(periods.map((p) => p.org_id))]),
    responsibilities(db, [...new Set(periods.map((p) => p.notice_id))]),
    selectIn(
      periods.map((p) => p.id),
      (ids) => db.selectFrom('unit_reports').select(['id', 'period_id', 'unit_id', 'approved_at', ...REPORT_HISTORY_COLUMNS]).where('period_id', 'in', ids).execute(),
    ),
  ]);
  const respOf = groupBy(resp, (r) => r.notice_id);
  const reportOf = new Map(reports.map((r) => [`${r.period_id}:${r.unit_id}`, r]));
  for (const p of periods) {
    const calendar = calendars.get(p.org_id)!;
    const deadline = periodDeadline(periodDates(p), calendar);
    const byUnit = groupBy(respOf.get(p.notice_id) ?? [], (r) => r.unit_id);
    const rows: UnitStanding[] = [];
    for (const [unitId, tasks] of byUnit) {
      const asked = tasks.filter((t) => periodAsksAbout({ closedAfterPosition: t.closed_after_position, arrivedOn: t.arrived_on }, p, deadline));
      const report = reportOf.get(`${p.id}:${unitId}`);
      const viaLead = asked.filter((t) => !officeHearsFrom(t.role, t.co_reporting));
      // Exempt from the office's point of view: nothing asked (and no report written anyway), or
      // everything asked goes to the lead units — even though the unit has a report holding its parts.
      const exemptBecause = asked.length === 0 ? (report ? undefined : 'nothing_asked') : viaLead.length === asked.length ? 'via_lead' : undefined;
      rows.push({
        periodId: p.id,
        unitId,
        unitName: tasks[0]!.unit_name,
        reportId: report?.id ?? null,
        approvedAt: report?.approved_at ?? null,
        taskIds: asked.map((t) => t.task_id),
        viaLeadTaskIds: viaLead.map((t) => t.task_id),
        standing: reportStanding(report ? historyOf(report) : null, periodDates(p), { today, calendar }, { exempt: exemptBecause !== undefined, exemptBecause }),
      });
    }
    out.set(p.id, rows);
  }
  return out;
}

/** One period's standings (the period page, the 汇总表, a bulletin, reminders, urges). */
export async function periodStandings(ctx: AppContext, period: PeriodLike, opts: { today?: string } = {}): Promise<UnitStanding[]> {
  return (await standingsOfPeriods(ctx, [period], opts)).get(period.id) ?? [];
}

/** One report's standing (the report page, the report's Word export). */
export async function standingOfReport(ctx: AppContext, period: PeriodLike, unitId: number): Promise<Standing | null> {
  return (await periodStandings(ctx, period)).find((u) => u.unitId === unitId)?.standing ?? null;
}

/** The tasks among these whose co-operating units feed the lead unit (报牵头单位). One query (chunked). */
export async function viaLeadTasks(db: Db, taskIds: readonly number[]): Promise<Set<number>> {
  const ids = [...new Set(taskIds)];
  const rows = await selectIn(ids, (chunk) => db.selectFrom('tasks').select('id').where('id', 'in', chunk).where('co_reporting', '=', 'via_lead').execute());
  return new Set(rows.map((r) => r.id));
}

/**
 * Of report entries (or rows of an entry: its indicator actuals), those the office reads: the rule
 * is core/reporting/standing.ts officeHearsFrom — a co-operating unit's part of a 报牵头单位 task
 * reaches the office inside the lead unit's entry, never as an entry of its own.
 */
export async function officeEntriesOnly<T extends { task_id: number; unit_role: 'lead' | 'co' }>(db: Db, rows: readonly T[]): Promise<T[]> {
  const viaLead = await viaLeadTasks(
    db,
    rows.filter((r) => r.unit_role === 'co').map((r) => r.task_id),
  );
  return rows.filter((r) => officeHearsFrom(r.unit_role, coReportingOf(viaLead, r.task_id)));
}

export const coReportingOf = (viaLead: ReadonlySet<number>, taskId: number): CoReporting => (viaLead.has(taskId) ? 'via_lead' : 'separate');
