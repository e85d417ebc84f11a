import type { WorkCalendar } from '../calendar/work-calendar';
import type { ReportState } from './states';

/**
 * Where a unit's report for a period stands — THE rule (issue 14). Lights, the dashboard,
 * bulletins, the 汇总表, the assessment, the roll-up and ranking, reminders, urges and every export
 * read it; none of them looks at a report's state or dates to decide for itself.
 *
 * - Reaching the office is the head's approval (主要负责人审定报送). Its first arrival is kept: a
 *   report the office returns for changes still reached the office when it first did, and its
 *   lateness stays what it was — unless the office ruled the return "not a valid report"
 *   (invalid_return), when the first valid arrival is the resubmission.
 * - Lateness and overdue days follow the organisation's working-day calendar, counted after the
 *   deadline in force (the extension when granted, moved off a day off when the setting says so).
 * - A unit with nothing to report in the period (its tasks closed (销号) or handed down after the
 *   deadline) is exempt: never missing, never late. So is, from the office's point of view, a
 *   co-operating unit whose every task of the period feeds its part to the lead unit (报牵头单位,
 *   officeHearsFrom): it writes its parts, the lead unit's report carries them to the office.
 * - Evaluated on a past date (a bulletin's as-of day, the dashboard's trend), an arrival after that
 *   day has not happened yet.
 */

/**
 * The states in which a report's content is with the office. Only a pre-filter for queries (a
 * report in them may still not have reached the office on a past as-of day): `inOffice` decides.
 */
export const IN_OFFICE_STATES = ['submitted', 'accepted'] as const satisfies readonly ReportState[];

/** What the rule reads of a report: a summary of its history kept on the row. */
export type ReportHistory = {
  state: ReportState;
  /** The business day it first (validly) reached the office; null if never. */
  firstReachedOn: string | null;
  /** How many times the office returned it. */
  officeReturns: number;
  /** The office's last return ruled it not a valid report. */
  invalidReturn: boolean;
  /** Who returned it last, when it is back with the unit. */
  returnedBy: 'unit_head' | 'office' | null;
  /** The date the office asked for a returned report back by. */
  resubmitBy: string | null;
};

export type PeriodDates = { deadline: string; extendedDeadline: string | null };

export type StandingKind = 'exempt' | 'not_started' | 'drafting' | 'pending_head' | 'reached' | 'returned' | 'resubmitted' | 'accepted';
export type Timeliness = 'on_time' | 'late' | 'missing' | 'pending' | 'exempt';

export const STANDING_LABELS: Record<StandingKind, string> = {
  exempt: '本期免报',
  not_started: '未填报',
  drafting: '填报中',
  pending_head: '待负责人审定',
  reached: '已报送督查室',
  returned: '退回修改',
  resubmitted: '已重新报送',
  accepted: '已通过',
};

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: '按时报送',
  late: '逾期报送',
  missing: '逾期未报',
  pending: '未到截止日期',
  exempt: '本期免报',
};

/** What each state means, for the user guide and the help popovers (one text, in Chinese). */
export const STANDING_MEANINGS: Record<StandingKind, string> = {
  exempt:
    '本单位本期没有需要报送督查室的事项（事项已销号，或在截止日期后才下达，或本单位配合的事项均设为“报牵头单位”——配合部分仍须填写，由牵头单位汇总报送），不计未报、不计逾期。',
  not_started: '本期报告尚未开始填写。截止日期过后即为“逾期未报”。',
  drafting: '经办人正在填写（含被单位负责人退回、或被督查室认定为无效报送后重新填写）。尚未报送督查室。',
  pending_head: '经办人已提交，等待单位主要负责人审定。尚未报送督查室。',
  reached: '经主要负责人审定，已报送督查室，等待审核。报送时间以首次送达督查室的日期为准。',
  returned: '督查室退回修改。报告已按首次送达日期计为已报送（按时或逾期不变），不计“未报送”；单位应在要求日期前修改后重新报送。',
  resubmitted: '退回修改后已重新报送督查室，等待审核。按时与否仍以首次送达日期为准。',
  accepted: '督查室审核通过。',
};

export type Standing = {
  kind: StandingKind;
  /** The state in words (退回修改, 待负责人审定 …), with the return's nuance where there is one. */
  label: string;
  /** The report counts as having reached the office (its timeliness is settled). */
  reached: boolean;
  /** The business day it first (validly) reached the office. */
  reachedOn: string | null;
  /** When reached: days late (0 = on time), on the calendar's basis. */
  lateDays: number | null;
  /** When not reached and past the deadline: days overdue so far. */
  overdueDays: number | null;
  timeliness: Timeliness;
  /** The timeliness in words: 按时报送, 逾期2个工作日报送, 逾期未报（已逾期5个工作日）, 未到截止日期, 本期免报. */
  timelinessLabel: string;
  /** The report's current content is the office's to read (it is with the office now): what lights, bulletins and the 汇总表 show. */
  inOffice: boolean;
  /** The deadline as printed (or extended) and the one in force on the calendar. */
  deadline: { printed: string; extended: string | null; effective: string };
  resubmitBy: string | null;
  invalidReturn: boolean;
  /** One line a person reads: 退回修改（4月1日按时报送，请于7月5日前重新报送）. */
  text: string;
};

/** The deadline in force for a period on an organisation's calendar. */
export function periodDeadline(period: PeriodDates, calendar: WorkCalendar): Standing['deadline'] {
  return { printed: period.deadline, extended: period.extendedDeadline, effective: calendar.effectiveDeadline(period.extendedDeadline ?? period.deadline) };
}

const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function kindOf(report: ReportHistory | null, reachedByNow: boolean): StandingKind {
  if (!report) return 'not_started';
  if (!reachedByNow) return report.state === 'pending_head' ? 'pending_head' : 'drafting';
  switch (report.state) {
    case 'accepted':
      return 'accepted';
    case 'submitted':
      return report.officeReturns > 0 ? 'resubmitted' : 'reached';
    default:
      return 'returned'; // back with the unit after the office returned it (draft, returned or again with the head)
  }
}

/** Why a unit is exempt: nothing asked at all, or everything it writes goes to the lead units (报牵头单位). */
export type ExemptBecause = 'nothing_asked' | 'via_lead';

const VIA_LEAD_TEXT = '本期免报（配合事项均报牵头单位汇总报送）';

export function reportStanding(
  report: ReportHistory | null,
  period: PeriodDates,
  at: { today: string; calendar: WorkCalendar },
  opts: { exempt?: boolean; exemptBecause?: ExemptBecause } = {},
): Standing {
  const { today, calendar } = at;
  const deadline = periodDeadline(period, calendar);
  const unit = calendar.dayUnit;
  const common = { deadline, resubmitBy: report?.resubmitBy ?? null, invalidReturn: report?.invalidReturn ?? false };
  if (opts.exempt) {
    return { ...common, kind: 'exempt', label: STANDING_LABELS.exempt, reached: false, reachedOn: null, lateDays: null, overdueDays: null, timeliness: 'exempt', timelinessLabel: TIMELINESS_LABELS.exempt, inOffice: false, text: opts.exemptBecause === 'via_lead' ? VIA_LEAD_TEXT : STANDING_LABELS.exempt };
  }
  const reachedOn = report?.firstReachedOn ?? null;
  const reached = reachedOn !== null && reachedOn <= today;
  const kind = kindOf(report, reached);
  // Whatever happened after the as-of day has not happened yet on that day.
  const inOffice = reached && (IN_OFFICE_STATES as readonly ReportState[]).includes(report!.state);

  let label: string = STANDING_LABELS[kind];
  if (kind === 'drafting' && report?.invalidReturn) label = '退回重报（不作为有效报送）';
  else if (kind === 'drafting' && report?.returnedBy === 'unit_head') label = '负责人退回修改';
  else if (kind === 'returned' && report?.state === 'pending_head') label = '退回修改（待负责人审定）';

  let timeliness: Timeliness;
  let lateDays: number | null = null;
  let overdueDays: number | null = null;
  let timelinessLabel: string;
  if (reached) {
    lateDays = calendar.daysLate(deadline.effective, reachedOn!);
    timeliness = lateDays > 0 ? 'late' : 'on_time';
    timelinessLabel = lateDays > 0 ? `逾期${lateDays}${unit}报送` : TIMELINESS_LABELS.on_time;
  } else if (today > deadline.effective) {
    overdueDays = calendar.daysLate(deadline.effective, today);
    timeliness = 'missing';
    timelinessLabel = overdueDays > 0 ? `逾期未报（已逾期${overdueDays}${unit}）` : TIMELINESS_LABELS.missing;
  } else {
    timeliness = 'pending';
    timelinessLabel = TIMELINESS_LABELS.pending;
  }

  let text: string;
  if (kind === 'returned') {
    text = `${label}（${md(reachedOn!)}${timelinessLabel}${report?.resubmitBy ? `，请于${md(report.resubmitBy)}前重新报送` : ''}）`;
  } else if (reached) {
    text = `${label}（${md(reachedOn!)}${timelinessLabel}）`;
  } else if (timeliness === 'missing') {
    text = kind === 'not_started' ? timelinessLabel : `${timelinessLabel}，${label}`;
  } else {
    text = label;
  }
  return { ...common, kind, label, reached, reachedOn: reached ? reachedOn : null, lateDays, overdueDays, timeliness, timelinessLabel, inOffice, text };
}

/**
 * Whether a period asks a unit about a task: not once the task was closed (销号) in an earlier
 * period, nor when the task reached the organisation (handed down) after the period's deadline.
 * A unit none of whose tasks a period asks about is exempt from it.
 */
export function periodAsksAbout(task: { closedAfterPosition: number | null; arrivedOn: string | null }, period: { position: number }, deadline: Standing['deadline']): boolean {
  if (task.closedAfterPosition !== null && period.position > task.closedAfterPosition) return false;
  if (task.arrivedOn !== null && task.arrivedOn > deadline.effective) return false;
  return true;
}

/**
 * How a task's co-operating units (配合单位) report, chosen by the office per task (issue 15):
 * 'separate' — each reports its part to the office in its own report (the default);
 * 'via_lead' — each still writes its part every period, but the part goes to the lead unit, whose
 * entry carries it to the office (one report to the office instead of several).
 */
export type CoReporting = 'separate' | 'via_lead';

export const CO_REPORTING_LABELS: Record<CoReporting, string> = {
  separate: '配合单位单独报送督查室',
  via_lead: '配合单位报牵头单位',
};

/**
 * Whether the office hears from a unit about a task directly: always from the lead unit; from a
 * co-operating unit unless the task's co-units feed the lead ('via_lead'). The office's views —
 * standings, lights, the dashboard, bulletins, the 汇总表, the assessment, the roll-up — read an
 * entry only where this holds, and a unit none of whose asked tasks it holds for is exempt.
 */
export function officeHearsFrom(role: 'lead' | 'co', coReporting: CoReporting): boolean {
  return role === 'lead' || coReporting !== 'via_lead';
}
