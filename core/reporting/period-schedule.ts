/**
 * Periods that run themselves (issue 14): a period opens on a configured day — by default the day
 * after the previous period's deadline; the first one (the first whose deadline had not passed at
 * import) as soon as the notice is imported — and closes a configured number of days after its
 * deadline in force (an extension moves it). The office can still open, close and extend by hand;
 * a period it closed by hand, or reopened after its closing day, stays as the office left it
 * (periods.status_set_by = 'office'). Pure: dates in, the status the schedule wants out.
 */
export type PeriodScheduleSettings = {
  autoOpen: boolean;
  /** Days after the previous period's deadline in force that the next period opens (1 = the day after). */
  openDaysAfterPreviousDeadline: number;
  autoClose: boolean;
  /** Calendar days after the deadline in force that a period closes. */
  closeDaysAfterDeadline: number;
};

export const DEFAULT_PERIOD_SCHEDULE: PeriodScheduleSettings = { autoOpen: true, openDaysAfterPreviousDeadline: 1, autoClose: true, closeDaysAfterDeadline: 15 };

export type ScheduledPeriod = {
  position: number;
  /** The deadline in force (extension, calendar): core/reporting/standing.ts periodDeadline. */
  effectiveDeadline: string;
  /** Its deadline had passed when the notice was issued or imported: only the office opens it. */
  pastAtImport: boolean;
};

export type PeriodWindow = { opensOn: string | null; closesOn: string };

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** When the schedule opens and closes each period of one notice (null opensOn: from import; never for one past at import). */
export function periodWindows(periods: readonly ScheduledPeriod[], s: PeriodScheduleSettings): Map<number, PeriodWindow & { autoOpens: boolean }> {
  const sorted = [...periods].sort((a, b) => a.position - b.position);
  const out = new Map<number, PeriodWindow & { autoOpens: boolean }>();
  let previous: ScheduledPeriod | null = null;
  for (const p of sorted) {
    const closesOn = addDays(p.effectiveDeadline, s.closeDaysAfterDeadline);
    if (p.pastAtImport) {
      out.set(p.position, { opensOn: null, closesOn, autoOpens: false });
      continue;
    }
    const opensOn = previous ? addDays(previous.effectiveDeadline, s.openDaysAfterPreviousDeadline) : null;
    out.set(p.position, { opensOn, closesOn, autoOpens: true });
    previous = p;
  }
  return out;
}

/** The status the schedule wants on `today`, or null when it leaves the period as it is. */
export function scheduledStatus(
  current: 'planned' | 'open' | 'closed',
  window: PeriodWindow & { autoOpens: boolean },
  today: string,
  s: PeriodScheduleSettings,
): 'open' | 'closed' | null {
  const closing = s.autoClose && today > window.closesOn;
  if (current === 'planned' && s.autoOpen && window.autoOpens && (window.opensOn === null || today >= window.opensOn)) return closing ? 'closed' : 'open';
  if (current === 'open' && closing) return 'closed';
  return null;
}
