import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../core/reporting/states';
import { periodAsksAbout, periodDeadline, reportStanding, type Standing } from '../../core/reporting/standing';
import { calendarsOf } from '../calendar/calendar.service';
import { historyOf, officeEntriesOnly, periodDates } from '../reporting/standings';
import { LIGHT_LABELS, type Light } from '../../core/supervision/lights';
import { groupBy } from '../../core/group-by';
import { latestActuals } from '../../core/supervision/latest-actuals';
import type { AppContext } from '../context';
import { noticeYears } from '../ledger/notice-years';
import { handdownsOfUpper, taskNumber } from './levels.repository';
import { lightsOfLowerTasks, rememberingCalendar } from './rollup-lights';
import { indicatorsOfLowerTasks, latestActualCandidates, latestEntryCandidates, leadEntriesInPeriods, lowerTasksOf, unitsOfLowerTasks } from './rollup-reads';

/** Units of rates, which do not add up across organisations. */
const RATE_UNITS = ['%', '‰', '个百分点'];


export type RollupIndicator = { name: string; unit: string; target: number; actual: number | null };
export type RollupLower = {
  handdownId: number;
  origin: 'handed_down' | 'imported';
  targetMode: 'set' | 'lower_sets';
  /** The lower office still has to set its own target (handed down with "let the lower office set it"). */
  pendingLowerTarget: boolean;
  org: { id: number; name: string };
  taskId: number;
  standard: string;
  deadline: string | null;
  leadUnit: string | null;
  light: { color: Light; label: string; reasons: string[] };
  /** The latest period the lower office opened for the task's notice that is already due, else the latest opened. */
  period: { label: string; deadline: string } | null;
  /** Where the lead unit's report of that period stands (core/reporting/standing.ts); null without a period. */
  standing: Standing | null;
  latestStatus: string | null;
  indicators: RollupIndicator[];
};
export type RollupItem = {
  upperTask: { id: number; annexNo: number; annexKind: string; seq: string; number: number | null; standard: string; deadline: string | null; indicators: { name: string; unit: string; target: number }[] };
  lower: RollupLower[];
  /** Indicators whose name and unit agree across lower organisations: targets and actuals summed. */
  sums: { name: string; unit: string; target: number; actual: number; orgs: number; reportedOrgs: number }[];
  counts: Record<Light, number>;
};

/**
 * Roll-up for an upper organisation: for each of its items that reached lower organisations
 * (handed down or linked at their import), every lower organisation's light, report state,
 * lateness and indicator actuals against targets, and sums where indicators agree. Reads the
 * lower organisations' data for those linked tasks only.
 */
export async function rollup(ctx: AppContext, upperOrgId: number, opts: { upperTaskId?: number; year?: number } = {}): Promise<RollupItem[]> {
  const db = ctx.db;
  let upperQ = db
    .selectFrom('tasks')
    .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
    .innerJoin('notices', 'notices.id', 'tasks.notice_id')
    .select(['tasks.id', 'annexes.no as annex_no', 'annexes.kind as annex_kind', 'tasks.seq', 'tasks.standard', 'tasks.deadline', 'notices.year'])
    .where('tasks.org_id', '=', upperOrgId)
    .orderBy('annexes.no')
    .orderBy('tasks.position');
  if (opts.upperTaskId) {
    upperQ = upperQ.where('tasks.id', '=', opts.upperTaskId);
  } else {
    // One year's items: the asked year, else the current one (as the dashboard).
    const year = opts.year ?? (await noticeYears(ctx, upperOrgId)).current;
    if (year !== null) upperQ = upperQ.where('notices.year', '=', year);
  }
  const candidates = await upperQ.execute();
  const handdowns = await handdownsOfUpper(db, upperOrgId, candidates.map((u) => u.id));
  const reached = new Set(handdowns.map((h) => h.upper_task_id));
  const upperTasks = candidates.filter((u) => reached.has(u.id));
  const upperIds = new Set(upperTasks.map((u) => u.id));
  if (handdowns.length === 0) return [];
  const lowerTaskIds = handdowns.map((h) => h.lower_task_id);
  const noticeIds = [...new Set(handdowns.map((h) => h.lower_notice_id))];
  const today = ctx.clock.today();

  const lowerTasks = lowerTasksOf(db, upperOrgId, [...upperIds]);
  const lowerOrgIds = [...new Set(handdowns.map((h) => h.lower_org_id))];

  // Set-based reads (rollup-reads.ts): a few rows per task and indicator, not every entry of the year.
  const [upperIndicators, indicators, actuals, entries, taskUnits, allPeriods, calendars] = await Promise.all([
    db.selectFrom('indicators').select(['task_id', 'name', 'unit', 'target']).where('task_id', 'in', [...upperIds]).orderBy('position').execute(),
    indicatorsOfLowerTasks(db, lowerTasks),
    latestActualCandidates(db, lowerTasks, today),
    latestEntryCandidates(db, lowerTasks, today),
    unitsOfLowerTasks(db, lowerTasks),
    db
      .selectFrom('periods')
      .select(['id', 'org_id', 'notice_id', 'label', 'position', 'deadline', 'extended_deadline', 'status'])
      .where('notice_id', 'in', noticeIds)
      .orderBy('notice_id')
      .orderBy('position')
      .execute(),
    calendarsOf(db, lowerOrgIds).then((all) => new Map([...all].map(([orgId, c]) => [orgId, rememberingCalendar(c)]))),
  ]);
  // The opened periods, latest first (a notice's positions are unique).
  const periods = allPeriods.filter((p) => p.status !== 'planned').sort((a, b) => b.position - a.position);

  // Keyed once: at province scale there are thousands of lower tasks.
  const leadOf = new Map(taskUnits.filter((u) => u.role === 'lead').map((l) => [l.task_id, l]));
  const periodsOf = groupBy(periods, (p) => p.notice_id);
  // A period's deadline on the lower organisation's calendar, worked out once (not once per item).
  const deadlines = new Map<string, Standing['deadline']>();
  const deadlineOf = (p: (typeof periods)[number], orgId: number) => {
    const key = `${p.id}:${orgId}`;
    let d = deadlines.get(key);
    if (!d) deadlines.set(key, (d = periodDeadline(periodDates(p), calendars.get(orgId)!)));
    return d;
  };
  // The period the roll-up speaks of: the latest opened one already due (its reporting is
  // settled), else the latest opened one; never one due before the item arrived (it could not cover it).
  const periodOf = new Map(
    handdowns.map((h) => {
      const covering = (periodsOf.get(h.lower_notice_id) ?? []).filter((p) => h.arrived_on === null || deadlineOf(p, h.lower_org_id).effective >= h.arrived_on);
      return [h.id, covering.find((p) => deadlineOf(p, h.lower_org_id).effective < today) ?? covering[0] ?? null] as const;
    }),
  );

  const [lights, leadEntries, officeActuals] = await Promise.all([
    // Only the handed-down tasks' lights, for all lower organisations in one pass.
    lightsOfLowerTasks(ctx, lowerTasks, { lowerTaskIds, orgIds: lowerOrgIds, periods: allPeriods, taskUnits, calendars, entries, actuals, indicators }),
    leadEntriesInPeriods(db, lowerTasks, [...new Set([...periodOf.values()].flatMap((p) => (p ? [p.id] : [])))]),
    // Of a 报牵头单位 task only the lead unit's figures reach the office (core/reporting/standing.ts officeHearsFrom).
    officeEntriesOnly(db, actuals),
  ]);
  const latestActual = latestActuals(officeActuals);
  const entryOf = new Map(leadEntries.map((p) => [`${p.task_id}:${p.period_id}:${p.unit_id}`, p]));
  const indicatorsOf = groupBy(indicators, (i) => i.task_id);
  const upperIndicatorsOf = groupBy(upperIndicators, (i) => i.task_id);
  const handdownsOf = groupBy(handdowns, (h) => h.upper_task_id);

  const lowerOf = (h: (typeof handdowns)[number]): RollupLower => {
    const light = lights.get(h.lower_task_id);
    const lead = leadOf.get(h.lower_task_id) ?? null;
    const calendar = calendars.get(h.lower_org_id)!;
    const period = periodOf.get(h.id) ?? null;
    const entry = period && lead ? entryOf.get(`${h.lower_task_id}:${period.id}:${lead.unit_id}`) : undefined;
    // The one rule for where the lead unit's report stands (a returned report still reached the office).
    const asked = period !== null && periodAsksAbout({ closedAfterPosition: h.lower_closed_after_position, arrivedOn: h.arrived_on }, period, deadlineOf(period, h.lower_org_id));
    const standing = period && lead ? reportStanding(entry ? historyOf(entry) : null, periodDates(period), { today, calendar }, { exempt: !asked }) : null;
    const deadline = standing?.deadline.effective ?? null;
    return {
      handdownId: h.id,
      origin: h.origin,
      targetMode: h.target_mode,
      pendingLowerTarget: h.target_mode === 'lower_sets' && h.lower_set_at === null,
      org: { id: h.lower_org_id, name: h.lower_org_name },
      taskId: h.lower_task_id,
      standard: h.lower_standard,
      deadline: h.lower_deadline,
      leadUnit: lead?.name ?? null,
      light: light ? { color: light.light, label: LIGHT_LABELS[light.light], reasons: light.reasons } : { color: 'grey', label: LIGHT_LABELS.grey, reasons: [] },
      period: period && deadline ? { label: period.label, deadline } : null,
      standing,
      latestStatus: entry && standing?.inOffice ? PROGRESS_STATUS_LABELS[entry.status as ProgressStatus] : null,
      indicators: (indicatorsOf.get(h.lower_task_id) ?? [])
        .map((i) => ({ name: i.name, unit: i.unit, target: i.target, actual: latestActual.get(i.id) ?? null })),
    };
  };

  return upperTasks.map((u) => {
    const lower = (handdownsOf.get(u.id) ?? []).map(lowerOf);
    const sums = new Map<string, RollupItem['sums'][number]>();
    for (const l of lower) {
      const seen = new Set<string>();
      for (const i of l.indicators) {
        // Rates do not add up across districts (6% + 6.5% is not 12.5%): only counts and amounts are summed.
        if (RATE_UNITS.includes(i.unit)) continue;
        const key = `${i.name}\u0000${i.unit}`;
        const s = sums.get(key) ?? { name: i.name, unit: i.unit, target: 0, actual: 0, orgs: 0, reportedOrgs: 0 };
        s.target += i.target;
        if (i.actual !== null) s.actual += i.actual;
        if (!seen.has(key)) {
          s.orgs++;
          if (i.actual !== null) s.reportedOrgs++;
          seen.add(key);
        }
        sums.set(key, s);
      }
    }
    const counts: Record<Light, number> = { blue: 0, green: 0, yellow: 0, red: 0, grey: 0 };
    for (const l of lower) counts[l.light.color]++;
    return {
      upperTask: {
        id: u.id,
        annexNo: u.annex_no,
        annexKind: u.annex_kind,
        seq: u.seq,
        number: taskNumber(u.seq),
        standard: u.standard,
        deadline: u.deadline,
        indicators: (upperIndicatorsOf.get(u.id) ?? []).map((i) => ({ name: i.name, unit: i.unit, target: i.target })),
      },
      lower,
      // Summed only where more than one organisation shares the indicator, or it is the only one.
      sums: [...sums.values()],
      counts,
    };
  });
}

export type RankingRow = {
  rank: number;
  org: { id: number; name: string };
  items: number;
  /** Lead-unit reports due so far (opened periods past their deadline, plus those already in). */
  reportsDue: number;
  reportsOnTime: number;
  onTimeRate: number | null;
  /** Share of the items lit green or blue. */
  greenOrBlueShare: number;
  /** Mean of min(actual / target, 1) over the items' indicators with a target; null without any. */
  indicatorCompletion: number | null;
  score: number;
  counts: Record<Light, number>;
};

/**
 * Ranks the lower organisations on the items handed down to them: on-time reporting (the lead
 * unit's latest opened period), progress (share green or blue) and indicator completion, each
 * weighing a third (a missing measure counts as its mean of the others).
 */
export async function ranking(ctx: AppContext, upperOrgId: number, opts: { year?: number } = {}): Promise<RankingRow[]> {
  const items = await rollup(ctx, upperOrgId, opts);
  const byOrg = new Map<number, { org: RollupLower['org']; rows: RollupLower[] }>();
  for (const item of items) {
    for (const l of item.lower) {
      const e = byOrg.get(l.org.id) ?? { org: l.org, rows: [] };
      e.rows.push(l);
      byOrg.set(l.org.id, e);
    }
  }
  const rows = [...byOrg.values()].map(({ org, rows }) => {
    const counts: Record<Light, number> = { blue: 0, green: 0, yellow: 0, red: 0, grey: 0 };
    for (const r of rows) counts[r.light.color]++;
    let due = 0;
    let onTime = 0;
    for (const r of rows) {
      const t = r.standing?.timeliness;
      if (t === 'on_time' || t === 'late' || t === 'missing') {
        due++;
        if (t === 'on_time') onTime++;
      }
    }
    const ratios = rows.flatMap((r) => r.indicators.filter((i) => i.target > 0).map((i) => Math.min((i.actual ?? 0) / i.target, 1)));
    const onTimeRate = due ? onTime / due : null;
    const greenOrBlueShare = rows.length ? (counts.green + counts.blue) / rows.length : 0;
    const indicatorCompletion = ratios.length ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null;
    const parts = [onTimeRate, greenOrBlueShare, indicatorCompletion].filter((x): x is number => x !== null);
    const score = Math.round((parts.reduce((a, b) => a + b, 0) / parts.length) * 1000) / 10;
    return { rank: 0, org, items: rows.length, reportsDue: due, reportsOnTime: onTime, onTimeRate, greenOrBlueShare, indicatorCompletion, score, counts };
  });
  rows.sort((a, b) => b.score - a.score || a.org.id - b.org.id);
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1]!.score === r.score ? rows[i - 1]!.rank : i + 1));
  return rows;
}
