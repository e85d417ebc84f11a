import type { Light, LightResult } from '../../core/supervision/lights';
import type { AppContext } from '../context';
import { calendarOf } from '../calendar/calendar.service';
import { effectiveDeadline } from '../reporting/periods.repository';
import { standingsOfPeriods } from '../reporting/standings';
import { groupBy } from '../../core/group-by';
import { noticeYears } from '../ledger/notice-years';
import { latestActuals } from '../../core/supervision/latest-actuals';
import { mostBehind } from '../../core/supervision/most-behind';
import { evaluateLights, heardByOffice, loadLightData } from './lights.service';
import { focusTasks } from './focus';

export type LightCounts = Record<Light, number> & { total: number };
const emptyCounts = (): LightCounts => ({ blue: 0, green: 0, yellow: 0, red: 0, grey: 0, total: 0 });

/**
 * Whose tasks a dashboard covers: the office's whole organisation, a leader's portfolio, a unit's
 * own; of one year's notices (the current year unless another is asked for).
 */
export type DashboardScope = { orgId: number; leaderId?: number; unitId?: number; year?: number };

/**
 * The office's one screen: tasks by light, by annex, category, leader and unit; the current
 * period's reporting (on time, late, missing, per unit); indicator completion; the trend over
 * periods; the tasks and units most behind. Every figure carries the task ids behind it so the
 * page can click through.
 */
export async function buildDashboard(ctx: AppContext, scope: DashboardScope) {
  const db = ctx.db;
  const orgId = scope.orgId;
  const { years, current: currentYear } = await noticeYears(ctx, orgId);
  const year = scope.year !== undefined && years.includes(scope.year) ? scope.year : currentYear;
  const notices = await db.selectFrom('notices').select('id').where('org_id', '=', orgId).where('year', '=', year ?? -1).execute();
  // Nothing matches -1: an organisation without notices gets an empty dashboard, not an error.
  const noticeIds = notices.length ? notices.map((n) => n.id) : [-1];
  const ofYear = db.selectFrom('tasks').select('tasks.id').where('tasks.org_id', '=', orgId).where('tasks.notice_id', 'in', noticeIds);
  const [lightData, tasks, leaders, units, periods, indicatorRows] = await Promise.all([
    // Read once: the lights now and the trend's lights at each period are evaluated from it.
    loadLightData(ctx, [orgId], { noticeIds }),
    db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .leftJoin('categories', 'categories.id', 'tasks.category_id')
      .select(['tasks.id', 'tasks.seq', 'tasks.standard', 'annexes.no as annex_no', 'annexes.title as annex_title', 'annexes.kind', 'categories.id as category_id', 'categories.no as category_no', 'categories.name as category_name'])
      .where('tasks.org_id', '=', orgId)
      .where('tasks.notice_id', 'in', noticeIds)
      .orderBy('annexes.no')
      .orderBy('tasks.position')
      .execute(),
    db.selectFrom('task_leaders').innerJoin('leaders', 'leaders.id', 'task_leaders.leader_id').select(['task_leaders.task_id', 'leaders.id', 'leaders.name']).where('task_leaders.task_id', 'in', ofYear).execute(),
    db.selectFrom('task_units').innerJoin('units', 'units.id', 'task_units.unit_id').select(['task_units.task_id', 'units.id', 'units.name', 'task_units.role']).where('task_units.task_id', 'in', ofYear).orderBy('task_units.position').execute(),
    db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('notice_id', 'in', noticeIds).orderBy('notice_id', 'desc').orderBy('position').execute(),
    db
      .selectFrom('indicators')
      .select(['id', 'task_id', 'name', 'target', 'unit', 'qualifier'])
      .where('task_id', 'in', ofYear)
      .orderBy('task_id')
      .orderBy('position')
      .execute(),
  ]);
  const lights = evaluateLights(lightData, { today: ctx.clock.today() });
  const leadersOf = groupBy(leaders, (l) => l.task_id);
  const unitsOf = groupBy(units, (u) => u.task_id);

  const inScope = new Set(
    tasks
      .filter((t) => (scope.leaderId ? (leadersOf.get(t.id) ?? []).some((l) => l.id === scope.leaderId) : true))
      .filter((t) => (scope.unitId ? (unitsOf.get(t.id) ?? []).some((u) => u.id === scope.unitId) : true))
      .map((t) => t.id),
  );
  const scoped = tasks.filter((t) => inScope.has(t.id));
  const lightOf = (id: number): LightResult => lights.get(id) ?? { light: 'grey', reasons: [], schedule: 0, progress: null };

  const tally = <K extends string | number>(keyOf: (taskId: number) => { key: K; label: string }[]) => {
    const out = new Map<K, { key: K; label: string; counts: LightCounts; taskIds: Record<Light, number[]> }>();
    for (const t of scoped) {
      for (const { key, label } of keyOf(t.id)) {
        let row = out.get(key);
        if (!row) {
          row = { key, label, counts: emptyCounts(), taskIds: { blue: [], green: [], yellow: [], red: [], grey: [] } };
          out.set(key, row);
        }
        const l = lightOf(t.id).light;
        row.counts[l]++;
        row.counts.total++;
        row.taskIds[l].push(t.id);
      }
    }
    return [...out.values()];
  };

  const overall = tally(() => [{ key: 'all', label: '全部' }])[0] ?? { counts: emptyCounts(), taskIds: { blue: [], green: [], yellow: [], red: [], grey: [] } };
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const byAnnex = tally((id) => [{ key: taskById.get(id)!.annex_no, label: `附件${taskById.get(id)!.annex_no}` }]);
  const byCategory = tally((id) => {
    const t = taskById.get(id)!;
    return t.annex_no === 1 && t.category_id !== null ? [{ key: t.category_id, label: `${t.category_no}. ${t.category_name}` }] : [];
  });
  const byLeader = tally((id) => (leadersOf.get(id) ?? []).map((l) => ({ key: l.id, label: l.name })));
  const byUnit = tally((id) => (unitsOf.get(id) ?? []).map((u) => ({ key: u.id, label: u.name })));

  // The current period: the open one due soonest, else the latest opened.
  const calendar = await calendarOf(db, orgId);
  const deadlineOf = (p: (typeof periods)[number]) => effectiveDeadline(p, calendar);
  const opened = periods.filter((p) => p.status !== 'planned');
  const current = opened.filter((p) => p.status === 'open').sort((a, b) => deadlineOf(a).localeCompare(deadlineOf(b)))[0] ?? opened[opened.length - 1];
  const today = ctx.clock.today();
  // Where each unit's report stands: the one rule (core/reporting/standing.ts), for the units in scope.
  const inScopeUnits = new Set(units.filter((u) => inScope.has(u.task_id)).map((u) => u.id));
  // Every opened period's standings at once: the current one's rows, and each one's 逾期未报 below.
  const standingsByPeriod = await standingsOfPeriods(ctx, opened);
  const periodStatus = current
    ? (standingsByPeriod.get(current.id) ?? [])
        .filter((u) => inScopeUnits.has(u.unitId))
        .map((u) => ({
          unitId: u.unitId,
          unitName: u.unitName,
          status: u.standing.timeliness,
          reportState: u.standing.kind,
          reportStateLabel: u.standing.label,
          lateDays: u.standing.lateDays,
          standing: u.standing,
        }))
    : [];

  // Indicator completion: the latest reported actual against the target.
  const actualRows = await db
    .selectFrom('indicator_actuals')
    .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
    .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
    .innerJoin('periods', 'periods.id', 'unit_reports.period_id')
    .select(['indicator_actuals.id', 'indicator_actuals.indicator_id', 'indicator_actuals.value', 'periods.position', 'task_progress.task_id', 'task_progress.unit_role'])
    .where('task_progress.task_id', 'in', ofYear)
    .where('unit_reports.state', 'in', ['submitted', 'accepted'])
    .where('indicator_actuals.value', 'is not', null)
    .execute();
  // A co-unit's figures of a 报牵头单位 task reach the office through the lead unit's entry only.
  const latestActual = latestActuals(actualRows.filter(heardByOffice(lightData)));
  const indicators = indicatorRows
    .filter((i) => inScope.has(i.task_id))
    .map((i) => {
      const t = taskById.get(i.task_id)!;
      const actual = latestActual.get(i.id) ?? null;
      return { taskId: i.task_id, annexNo: t.annex_no, seq: t.seq, name: i.name, target: i.target, unit: i.unit, qualifier: i.qualifier, actual, share: actual === null ? null : actual / i.target };
    });

  // The trend: lights as they stood at each opened period's deadline, from the reports up to it.
  const trend = [];
  for (const p of opened.filter((x) => x.notice_id === current?.notice_id)) {
    const asOf = evaluateLights(lightData, { today: deadlineOf(p) < today ? deadlineOf(p) : today, maxPosition: p.position });
    const counts = emptyCounts();
    for (const id of inScope) {
      counts[asOf.get(id)?.light ?? 'grey']++;
      counts.total++;
    }
    trend.push({ periodId: p.id, label: p.label, counts });
  }

  const mostBehindTasks = mostBehind(scoped, (t) => lightOf(t.id), 10)
    .map((t) => ({
      taskId: t.id,
      annexNo: t.annex_no,
      seq: t.seq,
      standard: t.standard,
      light: lightOf(t.id).light,
      reasons: lightOf(t.id).reasons,
      leaders: (leadersOf.get(t.id) ?? []).map((l) => l.name),
      units: (unitsOf.get(t.id) ?? []).map((u) => u.name),
    }));
  const mostBehindUnits = byUnit
    .filter((u) => u.counts.red + u.counts.yellow > 0)
    .sort((a, b) => b.counts.red - a.counts.red || b.counts.yellow - a.counts.yellow)
    .slice(0, 10)
    .map((u) => ({ unitId: u.key, unitName: u.label, red: u.counts.red, yellow: u.counts.yellow, total: u.counts.total, taskIds: [...u.taskIds.red, ...u.taskIds.yellow] }));

  // Every opened period's 逾期未报 (the current one's included): the same computation as the period
  // page's (reporting/standings.ts), so the workbench and the period page say the same number.
  const overdue = opened
    .map((p) => ({
      periodId: p.id,
      label: p.label,
      missing: (standingsByPeriod.get(p.id) ?? []).filter((u) => inScopeUnits.has(u.unitId) && u.standing.timeliness === 'missing').length,
    }))
    .filter((p) => p.missing > 0);
  // A leader's or a unit's own red and yellow tasks in full; the organisation's (over a hundred) are
  // the ledger's red and yellow filters, not a list to send with every office dashboard.
  const focus = scope.leaderId === undefined && scope.unitId === undefined ? [] : focusTasks(
    lightData,
    scoped,
    lightOf,
    { unitsOf: new Map([...unitsOf].map(([id, us]) => [id, us.map((u) => ({ name: u.name, role: u.role }))])), leadersOf },
    today,
  );

  const strip = <T extends { key: unknown; label: string; counts: LightCounts; taskIds: Record<Light, number[]> }>(rows: T[]) =>
    rows.map((r) => ({ key: r.key as number, label: r.label, counts: r.counts, taskIds: r.taskIds }));
  return {
    today,
    year,
    years,
    lights: { counts: overall.counts, taskIds: overall.taskIds },
    byAnnex: strip(byAnnex),
    byCategory: strip(byCategory),
    byLeader: strip(byLeader),
    byUnit: strip(byUnit),
    period: current
      ? {
          id: current.id,
          label: current.label,
          deadline: deadlineOf(current),
          summary: {
            onTime: periodStatus.filter((u) => u.status === 'on_time').length,
            late: periodStatus.filter((u) => u.status === 'late').length,
            missing: periodStatus.filter((u) => u.status === 'missing').length,
            pending: periodStatus.filter((u) => u.status === 'pending').length,
            exempt: periodStatus.filter((u) => u.status === 'exempt').length,
            returned: periodStatus.filter((u) => u.standing.kind === 'returned').length,
          },
          units: periodStatus,
        }
      : null,
    indicators,
    trend,
    mostBehindTasks,
    mostBehindUnits,
    overdue,
    focusTasks: focus,
  };
}
