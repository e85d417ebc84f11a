import type { WorkCalendar } from '../calendar/work-calendar';

/**
 * Which reminders are due on a date (催办). Pure: the server feeds it the open periods and where
 * each unit's report stands (core/reporting/standing.ts), and delivers what it returns exactly
 * once (each reminder has a stable key, stored under a unique constraint).
 * - before the deadline, on the configured days (e.g. 7, 3 and 1 working days before): remind the
 *   units whose report has not reached the office;
 * - on the deadline day: remind the unit head (the approval is theirs);
 * - after it, on the configured days late: record an urge and tell the leaders in charge.
 * Days count on the organisation's calendar (working days by default). A reminder whose day
 * passed while no sweep ran is still due at the next sweep — but only the latest of each kind, so
 * a server that was down for a week sends one reminder, not a burst of stale ones; its key is the
 * same as on its own day, so it never goes out twice.
 */
export type ReminderSchedule = { daysBefore: number[]; urgeAfterDays: number[] };

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { daysBefore: [7, 3, 1], urgeAfterDays: [1, 3, 7] };

export type ReminderKind = 'before_deadline' | 'deadline_day' | 'overdue_urge';

export type PlannedReminder = {
  /** Stable across restarts and instances: the unit of delivery, stored with a unique constraint. */
  key: string;
  kind: ReminderKind;
  periodId: number;
  unitId: number;
  /** Days before (positive) or after (negative) the deadline. */
  daysToDeadline: number;
  audience: 'unit' | 'unit_head' | 'leaders';
  title: string;
  body: string;
};

export type ReminderInput = {
  today: string;
  calendar: WorkCalendar;
  /** deadline: the one in force (core/reporting/standing.ts periodDeadline). */
  periods: { id: number; label: string; deadline: string; status: 'planned' | 'open' | 'closed' }[];
  /** Units the period asks for a report, with whether it has reached the office (standing.reached); exempt units are left out. */
  units: { periodId: number; unitId: number; unitName: string; reached: boolean }[];
};

/** The latest configured day that has come: the largest threshold ≤ n (days late), or the smallest ≥ n (days left). */
const latestPassed = (thresholds: number[], n: number, direction: 'late' | 'left') =>
  direction === 'late' ? Math.max(-Infinity, ...thresholds.filter((d) => d <= n)) : Math.min(Infinity, ...thresholds.filter((d) => d >= n));

export function plannedReminders(input: ReminderInput, schedule: ReminderSchedule = DEFAULT_REMINDER_SCHEDULE): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const unit = input.calendar.dayUnit;
  for (const p of input.periods.filter((x) => x.status === 'open')) {
    const left = input.calendar.daysUntil(input.today, p.deadline);
    const onDeadlineDay = input.today === p.deadline;
    for (const u of input.units.filter((x) => x.periodId === p.id && !x.reached)) {
      if (input.today < p.deadline && left > 0) {
        const n = latestPassed(schedule.daysBefore, left, 'left');
        if (!Number.isFinite(n)) continue;
        out.push({
          periodId: p.id,
          unitId: u.unitId,
          daysToDeadline: left,
          key: `before:${p.id}:${u.unitId}:${n}`,
          kind: 'before_deadline',
          audience: 'unit',
          title: `【提醒】${p.label}进展报送还有${left}${unit}截止`,
          body: `${u.unitName}：请于${p.deadline}前完成${p.label}责任事项进展填报，经主要负责人审定后报送区政府督查室。`,
        });
      } else if (onDeadlineDay || (input.today < p.deadline && left === 0)) {
        out.push({
          periodId: p.id,
          unitId: u.unitId,
          daysToDeadline: 0,
          key: `deadline:${p.id}:${u.unitId}`,
          kind: 'deadline_day',
          audience: 'unit_head',
          title: `【提醒】${p.label}进展报送今日截止`,
          body: `${u.unitName}${p.label}报告尚未经主要负责人审定报送，今日（${p.deadline}）截止，请及时审定。`,
        });
      } else if (input.today > p.deadline) {
        const late = -left;
        const n = latestPassed(schedule.urgeAfterDays, late, 'late');
        if (!Number.isFinite(n)) continue;
        out.push({
          periodId: p.id,
          unitId: u.unitId,
          daysToDeadline: left,
          key: `urge:${p.id}:${u.unitId}:${n}`,
          kind: 'overdue_urge',
          audience: 'leaders',
          title: `【催办】${u.unitName}${p.label}报告已逾期${late}${unit}`,
          body: `${u.unitName}${p.label}责任事项进展报告截止${p.deadline}，至今未报送督查室，已逾期${late}${unit}，请督促。`,
        });
      }
    }
  }
  return out;
}
