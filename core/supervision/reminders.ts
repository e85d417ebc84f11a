/**
 * Which reminders are due on a date (催办). Pure: the server feeds it the open periods and the
 * units' report states, and delivers what it returns exactly once (each reminder has a stable key).
 * - before the deadline, on each configured day (e.g. 7, 3 and 1 days before): remind the units
 *   whose report is not yet approved;
 * - on the deadline day: remind the unit head (the approval is theirs);
 * - after it (every day late up to the configured limit, first day always): record an urge and tell
 *   the leaders in charge of the unit's tasks.
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
  periods: { id: number; label: string; deadline: string; status: 'planned' | 'open' | 'closed' }[];
  /** Units responsible in each period, with whether their report is approved (submitted or accepted). */
  units: { periodId: number; unitId: number; unitName: string; approved: boolean }[];
};

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export function plannedReminders(input: ReminderInput, schedule: ReminderSchedule = DEFAULT_REMINDER_SCHEDULE): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  for (const p of input.periods.filter((x) => x.status === 'open')) {
    const left = days(input.today, p.deadline);
    for (const u of input.units.filter((x) => x.periodId === p.id && !x.approved)) {
      const base = { periodId: p.id, unitId: u.unitId, daysToDeadline: left };
      if (left > 0 && schedule.daysBefore.includes(left)) {
        out.push({
          ...base,
          key: `before:${p.id}:${u.unitId}:${left}`,
          kind: 'before_deadline',
          audience: 'unit',
          title: `【提醒】${p.label}进展报送还有${left}天截止`,
          body: `${u.unitName}：请于${p.deadline}前完成${p.label}责任事项进展填报，经主要负责人审定后报送区政府督查室。`,
        });
      } else if (left === 0) {
        out.push({
          ...base,
          key: `deadline:${p.id}:${u.unitId}`,
          kind: 'deadline_day',
          audience: 'unit_head',
          title: `【提醒】${p.label}进展报送今日截止`,
          body: `${u.unitName}${p.label}报告尚未经主要负责人审定报送，今日（${p.deadline}）截止，请及时审定。`,
        });
      } else if (left < 0 && schedule.urgeAfterDays.includes(-left)) {
        out.push({
          ...base,
          key: `urge:${p.id}:${u.unitId}:${-left}`,
          kind: 'overdue_urge',
          audience: 'leaders',
          title: `【催办】${u.unitName}${p.label}报告已逾期${-left}天`,
          body: `${u.unitName}${p.label}责任事项进展报告截止${p.deadline}，至今未报送，已逾期${-left}天，请督促。`,
        });
      }
    }
  }
  return out;
}
