import { reportStanding } from '../../core/reporting/standing';
import type { WorkCalendar } from '../../core/calendar/work-calendar';
import type { indicatorActualsOfTask, reportEntriesOfTask } from '../ledger/task-detail.repository';
import { historyOf, periodDates } from '../reporting/standings';

type Entry = Awaited<ReturnType<typeof reportEntriesOfTask>>[number];
type Actual = Awaited<ReturnType<typeof indicatorActualsOfTask>>[1][number];

/**
 * What an upper office may read of a lower organisation's task in the roll-up drill-down: the
 * entries and indicator actuals of reports whose content is with the lower office now
 * (`inOffice` of core/reporting/standing.ts, the one rule of where a report stands). A unit's
 * draft, a report waiting for its head's approval, or one back with the unit for changes is the
 * unit's own work in progress: it never crosses organisations (issue 17, finding 12).
 */
export function reportsThatReachedTheOffice(
  entries: readonly Entry[],
  actuals: readonly Actual[],
  at: { today: string; calendar: WorkCalendar },
): { entries: Entry[]; actuals: Actual[] } {
  const readable = entries.filter((e) => reportStanding(historyOf(e), periodDates(e), at).inOffice);
  const reportIds = new Set(readable.map((e) => e.report_id));
  return { entries: readable, actuals: actuals.filter((a) => reportIds.has(a.report_id)) };
}
