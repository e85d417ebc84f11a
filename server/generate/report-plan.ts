import { beijingDate } from '../clock';
import { addDays, beijingInstant, GENERATED_TODAY, officeHours, plusMinutes } from './calendar';
import { between, type Dice } from './dice';
import { EXTENSION_REASON, HEAD_RETURN_REASON } from './report-texts';
import { SimulatedReport, type PlanPeriod, type PlanUnit, type YearPlan, type YearPlanInput } from './simulated-report';

/**
 * A district-year of reporting: which periods the office opened and closed by the business date,
 * and each unit's report in them — on time, late, never, returned and corrected, or (in the quarter
 * open on 2024-06-25) at whatever stage a unit has reached a week before the deadline. The reports
 * themselves are simulated step by step in simulated-report.ts.
 */
/** When the office opens a period: four weeks before its deadline, but not before the notice is in. */
export function periodOpens(deadline: string, issuedDate: string): string {
  const fourWeeks = addDays(deadline, -28);
  const afterIssue = addDays(issuedDate, 3);
  return fourWeeks > afterIssue ? fourWeeks : afterIssue;
}

/** The office closes a period 19 days after its deadline (the demo closes Q1 on 20 April). */
export const periodCloses = (effectiveDeadline: string) => addDays(effectiveDeadline, 19);

export function planYear(input: YearPlanInput): YearPlan {
  const plan: YearPlan = { periods: [], reports: [], entries: [], actuals: [], notifications: [] };
  for (const period of input.periods) {
    const opens = periodOpens(period.deadline, input.issuedDate);
    if (opens > GENERATED_TODAY) continue; // still planned on the business date
    const extended = input.dice('extend', input.district, input.year, period.position) < 0.06;
    const effectiveDeadline = extended ? addDays(period.deadline, 7) : period.deadline;
    const closes = periodCloses(effectiveDeadline);
    const closed = closes <= GENERATED_TODAY;
    const openedAt = beijingInstant(opens, 9 * 60);
    const closedAt = closed ? beijingInstant(closes, 17 * 60 + 30) : null;
    plan.periods.push({
      id: period.id,
      status: closed ? 'closed' : 'open',
      opened_at: openedAt,
      closed_at: closedAt,
      extended_deadline: extended ? effectiveDeadline : null,
      extension_reason: extended ? EXTENSION_REASON : null,
      updated_at: closedAt ?? openedAt,
    });
    const p = { ...period, effectiveDeadline };
    for (const unit of input.units) {
      if (input.tasksOf(unit.id).length === 0) continue;
      const report = closed
        ? closedPeriodReport(plan, input, p, unit, opens, closes)
        : openPeriodReport(plan, input, p, unit, opens);
      report?.write();
    }
  }
  return plan;
}

type Day = (from: string, to: string, key: string) => string;

function dayPicker(dice: Dice, base: string): Day {
  return (from, to, key) => {
    const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
    return addDays(from, between(dice('day', base, key), 0, span));
  };
}

/** A time on `day` (office hours) that is after `previous`: events of one report never go backwards. */
function after(previous: string, day: string, r: number): string {
  const at = officeHours(day, r);
  return at > previous ? at : plusMinutes(previous, 20 + Math.floor(r * 120));
}

/** A period closed by the business date: reported on time, late, not at all, returned… */
function closedPeriodReport(
  plan: YearPlan,
  input: YearPlanInput,
  period: PlanPeriod & { effectiveDeadline: string },
  unit: PlanUnit,
  opens: string,
  closes: string,
): SimulatedReport | null {
  const { dice, profile, district, year } = input;
  const key = `${district}:${year}:${period.position}:${unit.name}`;
  const fate = dice('fate', key);
  const E = period.effectiveDeadline;
  const day = dayPicker(dice, key);
  const last = addDays(closes, -1);
  if (fate < profile.missing * 0.6) return null; // never opened
  if (fate < profile.missing) {
    // Opened, partly filled, never submitted: 未报送 with a draft left behind.
    const created = officeHours(day(addDays(opens, 1), E, 'created'), dice('t', key, 'created'));
    const report = new SimulatedReport(plan, input, period, unit, created);
    report.fill(created, 0.3 + dice('share', key) * 0.5);
    return report;
  }
  const late = fate < profile.missing + profile.late;
  const approveDay = late
    ? addDays(E, between(dice('late-days', key), 1, 12))
    : addDays(E, -between(dice('early', key), 0, 6));
  const createdDay = day(addDays(opens, 1) < approveDay ? addDays(opens, 1) : approveDay, approveDay, 'created');
  const created = officeHours(createdDay, dice('t', key, 'created'));
  const report = new SimulatedReport(plan, input, period, unit, created);
  let at = report.fill(created);
  // One roll decides the review: reworked after the head's return, after the office's, returned
  // by the office and left so at closing, or neither (then accepted or still waiting).
  const r = dice('review', key);
  const review =
    r < profile.reworked / 2
      ? 'head-rework'
      : r < profile.reworked
        ? 'office-rework'
        : r < profile.reworked + profile.returned
          ? 'returned'
          : 'plain';
  if (review === 'head-rework') {
    at = after(at, approveDay, dice('t', key, 'submit0'));
    report.move('submit', at);
    at = after(at, approveDay, dice('t', key, 'head-return'));
    report.move('head_return', at, HEAD_RETURN_REASON);
    at = report.fill(at, 0.3);
  }
  at = after(at, approveDay, dice('t', key, 'submit'));
  report.move('submit', at);
  at = after(at, approveDay, dice('t', key, 'approve'));
  report.move('approve', at);
  const reviewDay = (k: string) => {
    const d = addDays(beijingDate(new Date(at)), between(dice('review-day', key, k), 1, 4));
    return d < last ? d : last;
  };
  if (review === 'office-rework') {
    // Returned by the office, corrected and resubmitted, then accepted.
    at = after(at, reviewDay('return'), dice('t', key, 'office-return'));
    for (const entry of report.officeReturn(at)) {
      at = plusMinutes(at, 30);
      report.save(entry, at);
    }
    at = after(at, reviewDay('resubmit'), dice('t', key, 'resubmit'));
    report.move('submit', at);
    at = plusMinutes(at, 45);
    report.move('approve', at);
    at = after(at, reviewDay('accept2'), dice('t', key, 'accept2'));
    report.move('accept', at);
  } else if (review === 'returned') {
    at = after(at, reviewDay('return'), dice('t', key, 'office-return'));
    report.officeReturn(at); // still returned when the office closed the period
  } else if (dice('accepted', key) < profile.accepted) {
    at = after(at, reviewDay('accept'), dice('t', key, 'accept'));
    report.move('accept', at);
  }
  if (dice('rated', key) < profile.rated) report.rate(dice('rating', key));
  return report;
}

/** The quarter open on the business date: a week before its deadline, units at every stage. */
function openPeriodReport(
  plan: YearPlan,
  input: YearPlanInput,
  period: PlanPeriod & { effectiveDeadline: string },
  unit: PlanUnit,
  opens: string,
): SimulatedReport | null {
  const { dice, profile, district, year } = input;
  const key = `${district}:${year}:${period.position}:${unit.name}`;
  const [none, partial, full, pending, returned, submitted] = profile.open;
  const r = dice('stage', key);
  if (r < none) return null;
  const day = dayPicker(dice, key);
  const yesterday = addDays(GENERATED_TODAY, -1);
  const created = officeHours(
    day(addDays(opens, 2), addDays(GENERATED_TODAY, -4), 'created'),
    dice('t', key, 'created'),
  );
  const report = new SimulatedReport(plan, input, period, unit, created);
  if (r < partial) {
    report.fill(created, 0.2 + dice('share', key) * 0.6);
    return report;
  }
  let at = report.fill(created);
  const next = (k: string) => {
    const d = addDays(beijingDate(new Date(at)), between(dice('gap', key, k), 0, 2));
    at = after(at, d < yesterday ? d : yesterday, dice('t', key, k));
    return at;
  };
  if (r < full) return report;
  report.move('submit', next('submit'));
  if (r < pending) return report;
  if (r < returned) {
    if (dice('who-returns', key) < 0.5) report.move('head_return', next('head-return'), HEAD_RETURN_REASON);
    else {
      report.move('approve', next('approve'));
      report.officeReturn(next('office-return'));
    }
    return report;
  }
  report.move('approve', next('approve'));
  if (r >= submitted) {
    report.move('accept', next('accept'));
    if (dice('rated', key) < profile.rated / 2) report.rate(dice('rating', key));
  }
  return report;
}
