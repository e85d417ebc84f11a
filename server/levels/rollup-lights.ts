import type { WorkCalendar } from '../../core/calendar/work-calendar';
import type { LightResult } from '../../core/supervision/lights';
import type { AppContext } from '../context';
import { milestonesOfTasks } from '../ledger/milestones.repository';
import { REPORT_HISTORY_COLUMNS } from '../reporting/standings';
import { selectIn } from '../db/select-in';
import { getSettingOfOrgs } from '../settings/settings.service';
import { evaluateLights, type ApprovedActualRow, type IndicatorRow, type LightData, type TaskEntryRow } from '../supervision/lights.service';
import type { LowerTasks } from './rollup-reads';

/** The periods of the lower tasks' notices, as the lights read them (every status). */
export type RollupPeriod = LightData['periods'][number];

/**
 * The lights of the roll-up's lower tasks: the lights' one rule (evaluateLights of
 * supervision/lights.service.ts) over the data loadLightData would read for them, read here by
 * the lower-task subquery, with the latest-entry and latest-actual candidates of rollup-reads.ts
 * in place of every entry and actual (the rule picks the same ones from them).
 */
export async function lightsOfLowerTasks(
  ctx: AppContext,
  lowerTasks: LowerTasks,
  given: {
    lowerTaskIds: readonly number[];
    orgIds: readonly number[];
    periods: RollupPeriod[];
    taskUnits: LightData['taskUnits'];
    calendars: Map<number, WorkCalendar>;
    entries: TaskEntryRow[];
    actuals: ApprovedActualRow[];
    indicators: IndicatorRow[];
  },
): Promise<Map<number, LightResult>> {
  const db = ctx.db;
  const [thresholdsOf, tasks, arrivals, milestones, reports] = await Promise.all([
    getSettingOfOrgs(db, given.orgIds, 'lightThresholds'),
    db
      .selectFrom('tasks')
      .innerJoin('notices', 'notices.id', 'tasks.notice_id')
      .select(['tasks.id', 'tasks.org_id', 'tasks.due_date', 'tasks.notice_id', 'tasks.closed_on', 'tasks.closed_after_position', 'tasks.co_reporting', 'notices.year'])
      .where('tasks.id', 'in', lowerTasks)
      .where('tasks.org_id', 'in', [...given.orgIds])
      .execute(),
    db.selectFrom('handdowns').select(['lower_task_id', 'arrived_on']).where('lower_task_id', 'in', lowerTasks).where('arrived_on', 'is not', null).execute(),
    milestonesOfTasks(db, given.lowerTaskIds),
    selectIn(
      given.periods.map((p) => p.id),
      (ids) => db.selectFrom('unit_reports').select(['period_id', 'unit_id', ...REPORT_HISTORY_COLUMNS]).where('period_id', 'in', ids).execute(),
    ),
  ]);
  const data: LightData = {
    milestones,
    thresholdsOf,
    tasks,
    periods: given.periods,
    taskUnits: given.taskUnits,
    entries: given.entries,
    indicators: given.indicators,
    actuals: given.actuals,
    arrivals,
    reports,
    calendars: given.calendars,
  };
  return evaluateLights(data, { today: ctx.clock.today() });
}

/**
 * A calendar that remembers the deadlines it moved off days off: the roll-up asks for the same
 * few period deadlines tens of thousands of times (once per unit and period of every item).
 */
export function rememberingCalendar(calendar: WorkCalendar): WorkCalendar {
  const effective = new Map<string, string>();
  return {
    ...calendar,
    effectiveDeadline: (deadline) => {
      let d = effective.get(deadline);
      if (d === undefined) effective.set(deadline, (d = calendar.effectiveDeadline(deadline)));
      return d;
    },
  };
}
