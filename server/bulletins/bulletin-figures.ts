import type { BulletinFigures, TaskRef } from '../../core/bulletins/figures';
import type { ProgressStatus } from '../../core/reporting/states';
import type { Light, LightResult } from '../../core/supervision/lights';
import type { AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { loadNoticeTasks } from '../ledger/ledger.repository';
import { closingEntriesOfNotice } from '../ledger/task-closure.repository';
import { IN_OFFICE_STATES } from '../../core/reporting/standing';
import { calendarOf } from '../calendar/calendar.service';
import { effectiveDeadline, findPeriod } from '../reporting/periods.repository';
import { officeEntriesOnly, periodStandings } from '../reporting/standings';
import { computeOrgLights } from '../supervision/lights.service';
import { mostBehind } from '../../core/supervision/most-behind';

// A pre-filter only: each report's standing decides whether its entries count (below).
const REACHED_OFFICE = IN_OFFICE_STATES;
/** The bulletin names the tasks most behind; the rest are counted, not listed (the ledger has them all). */
export const MOST_BEHIND_LISTED = 15;
const HIGHLIGHT_CANDIDATES = 30;

/**
 * The figures of a period's bulletin, from the stored reports: the period's tasks by light as
 * they stood at its deadline, every responsible unit's reporting (on time, late, missing), the
 * tasks reported completed, the tasks most behind, and the entries worth naming as highlights.
 */
export async function computeBulletinFigures(ctx: AppContext, orgId: number, periodId: number): Promise<BulletinFigures> {
  const db = ctx.db;
  const period = await findPeriod(db, periodId);
  if (!period || period.org_id !== orgId) throw new AppError('NOT_FOUND');
  if (period.status === 'planned') throw new AppError('BULLETIN_PERIOD_NOT_OPENED');
  const today = ctx.clock.today();
  const calendar = await calendarOf(db, orgId);
  const deadline = effectiveDeadline(period, calendar);
  // The figures speak for this period: up to today, but never past the next period's deadline,
  // so a bulletin written late does not count the next quarter's overdue reports against units.
  const next = await db
    .selectFrom('periods')
    .select(['deadline', 'extended_deadline'])
    .where('notice_id', '=', period.notice_id)
    .where('position', '>', period.position)
    .orderBy('position')
    .executeTakeFirst();
  const asOf = next && effectiveDeadline(next, calendar) < today ? effectiveDeadline(next, calendar) : today;

  const [notice, tasks, unitRows, allEntries, allActuals, lights, closings] = await Promise.all([
    db.selectFrom('notices').select(['id', 'title', 'doc_number', 'year']).where('id', '=', period.notice_id).executeTakeFirstOrThrow(),
    loadNoticeTasks(db, period.notice_id),
    periodStandings(ctx, period, { today: asOf }),
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('units', 'units.id', 'unit_reports.unit_id')
      .select(['task_progress.id', 'task_progress.task_id', 'task_progress.report_id', 'task_progress.unit_role', 'task_progress.status', 'task_progress.narrative', 'units.name as unit_name'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .orderBy('task_progress.id')
      .execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .innerJoin('indicators', 'indicators.id', 'indicator_actuals.indicator_id')
      .select(['indicator_actuals.progress_id', 'unit_reports.id as report_id', 'task_progress.task_id', 'task_progress.unit_role', 'indicator_actuals.value', 'indicators.target'])
      .where('unit_reports.period_id', '=', period.id)
      .where('unit_reports.state', 'in', REACHED_OFFICE)
      .execute(),
    computeOrgLights(ctx, orgId, { noticeIds: [period.notice_id], asOf: { today: asOf, maxPosition: period.position } }),
    closingEntriesOfNotice(db, period.notice_id),
  ]);

  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const ref = (taskId: number, entry?: (typeof entries)[number]): TaskRef => {
    const t = taskById.get(taskId)!;
    return { taskId, annexNo: t.annexNo, seq: t.seq, standard: t.standard, unitName: entry?.unit_name ?? null, reportId: entry?.report_id ?? null, progressId: entry?.id ?? null };
  };

  const counts = { blue: 0, green: 0, yellow: 0, red: 0, grey: 0, total: 0 };
  const taskIds: Record<Light, number[]> = { blue: [], green: [], yellow: [], red: [], grey: [] };
  const lightOf = (id: number): LightResult => lights.get(id) ?? { light: 'grey', reasons: [], schedule: 0, progress: null };
  for (const t of tasks) {
    const l = lightOf(t.id).light;
    counts[l]++;
    counts.total++;
    taskIds[l].push(t.id);
  }

  // Where each unit's report stands on the as-of day: the one rule (core/reporting/standing.ts).
  const unitStatuses = unitRows.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    status: u.standing.timeliness,
    reportId: u.reportId,
    lateDays: u.standing.lateDays,
    approvedAt: u.standing.reached ? u.approvedAt : null,
    reachedOn: u.standing.reachedOn,
    stateLabel: u.standing.label,
    returned: u.standing.kind === 'returned',
    text: u.standing.text,
    timelinessLabel: u.standing.timelinessLabel,
  }));
  const inOffice = new Set(unitRows.filter((u) => u.standing.inOffice).map((u) => u.reportId));
  // Of a 报牵头单位 task the office reads the lead unit's entry only (core/reporting/standing.ts officeHearsFrom).
  const entries = await officeEntriesOnly(db, allEntries.filter((e) => inOffice.has(e.report_id)));
  const actuals = await officeEntriesOnly(db, allActuals.filter((a) => inOffice.has(a.report_id)));

  // One entry per task speaks for it: the lead unit's, else the first co-operating unit's.
  const entryOfTask = new Map<number, (typeof entries)[number]>();
  for (const e of entries) {
    const cur = entryOfTask.get(e.task_id);
    if (!cur || (e.unit_role === 'lead' && cur.unit_role !== 'lead')) entryOfTask.set(e.task_id, e);
  }
  // 销号: a task closed after an earlier period (by the as-of day) is completed, by the entry that
  // closed it — whatever a later report, written before the closure, may still say.
  const closedBefore = new Map(closings.filter((c) => c.position < period.position && c.closed_on! <= asOf).map((c) => [c.task_id, c]));
  const completed = tasks
    .filter((t) => closedBefore.has(t.id) || entryOfTask.get(t.id)?.status === 'completed')
    .map((t) => {
      const c = closedBefore.get(t.id);
      return c ? { ...ref(t.id), unitName: c.unit_name, reportId: c.report_id, progressId: c.progress_id } : ref(t.id, entryOfTask.get(t.id));
    });

  const behind = mostBehind(tasks, (t) => lightOf(t.id), MOST_BEHIND_LISTED)
    .map((t) => ({
      ...ref(t.id, entryOfTask.get(t.id)),
      light: lightOf(t.id).light,
      reasons: lightOf(t.id).reasons,
      leaders: t.leaders,
      units: t.units,
    }));

  const exceeded = new Set(actuals.filter((a) => a.value !== null && a.value > a.target).map((a) => a.progress_id));
  const rank = (e: (typeof entries)[number]) => (e.status === 'completed' ? 2 : 0) + (exceeded.has(e.id) ? 1 : 0);
  const highlightCandidates = entries
    .filter((e) => e.narrative.trim().length > 0)
    .sort((a, b) => rank(b) - rank(a) || a.id - b.id)
    .slice(0, HIGHLIGHT_CANDIDATES)
    .map((e) => ({ ...ref(e.task_id, e), status: e.status as ProgressStatus, narrative: e.narrative, exceeded: exceeded.has(e.id) }));

  return {
    periodId: period.id,
    periodLabel: period.label,
    deadline,
    asOf,
    year: notice.year,
    notice: { id: notice.id, title: notice.title, docNumber: notice.doc_number },
    lights: { counts, taskIds },
    reporting: {
      expected: unitStatuses.filter((u) => u.status !== 'exempt').length,
      onTime: unitStatuses.filter((u) => u.status === 'on_time').length,
      late: unitStatuses.filter((u) => u.status === 'late').length,
      missing: unitStatuses.filter((u) => u.status === 'missing').length,
      pending: unitStatuses.filter((u) => u.status === 'pending').length,
      exempt: unitStatuses.filter((u) => u.status === 'exempt').length,
      returned: unitStatuses.filter((u) => u.returned).length,
      units: unitStatuses,
    },
    completed,
    behind,
    behindTotal: { red: counts.red, yellow: counts.yellow },
    highlightCandidates,
  };
}
