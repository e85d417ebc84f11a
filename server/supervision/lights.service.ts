import { computeLight, type LightInput, type LightResult } from '../../core/supervision/lights';
import type { ProgressStatus } from '../../core/reporting/states';
import { groupBy } from '../../core/group-by';
import type { AppContext } from '../context';
import { getSetting } from '../settings/settings.service';

const APPROVED = new Set(['submitted', 'accepted']);
const DAY = 86_400_000;

/**
 * Every task's light in an organisation, from its reports, indicators and the business calendar,
 * in a fixed number of queries (no per-task round trips). Only reports the unit head approved
 * count as reported; a period counts as overdue only once the office opened it.
 */
export async function computeOrgLights(
  ctx: AppContext,
  orgId: number,
  /** For the trend: the lights as they stood on a past date, from the periods up to a position. */
  asOf?: { today: string; maxPosition: number },
): Promise<Map<number, LightResult>> {
  const db = ctx.db;
  const today = asOf?.today ?? ctx.clock.today();
  const [thresholds, tasks, periods, taskUnits, reports, allEntries, indicators, allActuals, arrivals] = await Promise.all([
    getSetting(db, orgId, 'lightThresholds'),
    db.selectFrom('tasks').innerJoin('notices', 'notices.id', 'tasks.notice_id').select(['tasks.id', 'tasks.due_date', 'tasks.notice_id', 'notices.year']).where('tasks.org_id', '=', orgId).execute(),
    db.selectFrom('periods').select(['id', 'notice_id', 'label', 'position', 'deadline', 'extended_deadline', 'status']).where('org_id', '=', orgId).execute(),
    db.selectFrom('task_units').innerJoin('units', 'units.id', 'task_units.unit_id').select(['task_units.task_id', 'task_units.unit_id', 'units.name']).where('task_units.org_id', '=', orgId).execute(),
    db.selectFrom('unit_reports').select(['id', 'period_id', 'unit_id', 'state']).where('org_id', '=', orgId).execute(),
    db
      .selectFrom('task_progress')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select(['task_progress.id', 'task_progress.task_id', 'task_progress.status', 'task_progress.unit_role', 'unit_reports.period_id', 'unit_reports.state'])
      .where('task_progress.org_id', '=', orgId)
      .where('unit_reports.state', 'in', ['submitted', 'accepted'])
      .execute(),
    db.selectFrom('indicators').select(['id', 'task_id', 'name', 'target', 'unit']).where('org_id', '=', orgId).orderBy('position').execute(),
    db
      .selectFrom('indicator_actuals')
      .innerJoin('task_progress', 'task_progress.id', 'indicator_actuals.progress_id')
      .innerJoin('unit_reports', 'unit_reports.id', 'task_progress.report_id')
      .select(['indicator_actuals.indicator_id', 'indicator_actuals.value', 'unit_reports.period_id'])
      .where('indicator_actuals.org_id', '=', orgId)
      .where('unit_reports.state', 'in', ['submitted', 'accepted'])
      .where('indicator_actuals.value', 'is not', null)
      .execute(),
    // Items handed down during the year: a period due before one arrived did not cover it.
    db.selectFrom('handdowns').select(['lower_task_id', 'arrived_on']).where('lower_org_id', '=', orgId).where('arrived_on', 'is not', null).execute(),
  ]);

  const arrivedOn = new Map(arrivals.map((a) => [a.lower_task_id, a.arrived_on!]));
  const later = new Set(asOf ? periods.filter((p) => p.position > asOf.maxPosition).map((p) => p.id) : []);
  const entries = allEntries.filter((e) => !later.has(e.period_id));
  const actuals = allActuals.filter((a) => !later.has(a.period_id));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const reportOf = new Map(reports.map((r) => [`${r.period_id}:${r.unit_id}`, r]));
  const unitsOf = groupBy(taskUnits, (u) => u.task_id);
  const indicatorsOf = groupBy(indicators, (i) => i.task_id);
  // The latest approved entry of each task: the latest period, the lead unit's before a co-unit's.
  const latestOf = new Map<number, (typeof entries)[number]>();
  for (const e of entries) {
    const cur = latestOf.get(e.task_id);
    const pos = periodById.get(e.period_id)?.position ?? -1;
    const curPos = cur ? (periodById.get(cur.period_id)?.position ?? -1) : -2;
    if (!cur || pos > curPos || (pos === curPos && e.unit_role === 'lead' && cur.unit_role !== 'lead')) latestOf.set(e.task_id, e);
  }
  const latestActual = new Map<number, { value: number; pos: number }>();
  for (const a of actuals) {
    const pos = periodById.get(a.period_id)?.position ?? -1;
    const cur = latestActual.get(a.indicator_id);
    if (!cur || pos > cur.pos) latestActual.set(a.indicator_id, { value: a.value!, pos });
  }

  const result = new Map<number, LightResult>();
  for (const task of tasks) {
    const overdue: LightInput['overdue'] = [];
    for (const p of periods) {
      const deadline = p.extended_deadline ?? p.deadline;
      if (p.notice_id !== task.notice_id || p.status === 'planned' || deadline >= today) continue;
      if (deadline < (arrivedOn.get(task.id) ?? '')) continue;
      for (const u of unitsOf.get(task.id) ?? []) {
        const r = reportOf.get(`${p.id}:${u.unit_id}`);
        if (r && APPROVED.has(r.state)) continue;
        overdue.push({ periodLabel: `${p.label}（${u.name}）`, days: Math.round((Date.parse(today) - Date.parse(deadline)) / DAY) });
      }
    }
    const latest = latestOf.get(task.id);
    result.set(
      task.id,
      computeLight(
        {
          today,
          yearStart: `${task.year}-01-01`,
          dueDate: task.due_date ?? `${task.year}-12-31`,
          latest: latest
            ? (() => {
                const p = periodById.get(latest.period_id);
                return { periodLabel: p?.label ?? '', periodEnd: p ? (p.extended_deadline ?? p.deadline) : undefined, status: latest.status as ProgressStatus, accepted: latest.state === 'accepted' };
              })()
            : null,
          indicators: (indicatorsOf.get(task.id) ?? []).map((i) => ({ name: i.name, target: i.target, unit: i.unit, actual: latestActual.get(i.id)?.value ?? null })),
          overdue,
        },
        thresholds,
      ),
    );
  }
  return result;
}
