import { describe, expect, it } from 'vitest';
import { workCalendar } from '../calendar/work-calendar';
import { plannedReminders, type ReminderInput } from './reminders';

const calendarDays = workCalendar({ basis: 'calendar', shiftDeadlines: false, days: [] });
const input = (today: string, calendar = calendarDays): ReminderInput => ({
  today,
  calendar,
  periods: [
    { id: 2, label: '2024年第二季度', deadline: '2024-07-01', status: 'open' },
    { id: 3, label: '2024年第三季度', deadline: '2024-10-01', status: 'planned' },
  ],
  units: [
    { periodId: 2, unitId: 10, unitName: '区交通运输局', reached: false },
    { periodId: 2, unitId: 11, unitName: '区发改局', reached: true },
  ],
});
const keys = (today: string, calendar = calendarDays) => plannedReminders(input(today, calendar)).map((r) => r.key);

describe('reminder plan', () => {
  it('reminds units whose report has not reached the office 7, 3 and 1 days before', () => {
    expect(keys('2024-06-24')).toEqual(['before:2:10:7']);
    expect(plannedReminders(input('2024-06-28'))[0]).toMatchObject({ kind: 'before_deadline', audience: 'unit', key: 'before:2:10:3', title: '【提醒】2024年第二季度进展报送还有3天截止' });
    expect(keys('2024-06-30')).toEqual(['before:2:10:1']);
  });

  it('catches up a day no sweep ran with the same key, the latest of its kind only', () => {
    // 25 June: the 7-day reminder's day (24 June) passed unsent; it is still due, under its own key.
    expect(keys('2024-06-25')).toEqual(['before:2:10:7']);
    // A week down after the deadline: one urge, the latest due (7 days late), not 1, 3 and 7 at once.
    expect(keys('2024-07-09')).toEqual(['urge:2:10:7']);
    expect(keys('2024-07-03')).toEqual(['urge:2:10:1']);
    expect(keys('2024-07-04')).toEqual(['urge:2:10:3']);
  });

  it('reminds the unit head on the deadline day and urges through the leaders after it', () => {
    expect(plannedReminders(input('2024-07-01'))[0]).toMatchObject({ kind: 'deadline_day', audience: 'unit_head', key: 'deadline:2:10' });
    expect(plannedReminders(input('2024-07-02'))[0]).toMatchObject({ kind: 'overdue_urge', audience: 'leaders', key: 'urge:2:10:1', title: '【催办】区交通运输局2024年第二季度报告已逾期1天' });
  });

  it('counts working days on the working-day calendar', () => {
    const working = workCalendar();
    // Friday 28 June 2024 is one working day before Monday 1 July.
    expect(plannedReminders(input('2024-06-28', working))[0]).toMatchObject({ key: 'before:2:10:1', title: '【提醒】2024年第二季度进展报送还有1个工作日截止' });
    // Saturday 29 June: still the same reminder, not a second one.
    expect(keys('2024-06-29', working)).toEqual(['before:2:10:1']);
    expect(plannedReminders(input('2024-07-03', working))[0]).toMatchObject({ key: 'urge:2:10:1', title: '【催办】区交通运输局2024年第二季度报告已逾期2个工作日' });
  });

  it('follows the schedule setting, and ignores periods that are not open', () => {
    expect(plannedReminders(input('2024-06-26'), { daysBefore: [5], urgeAfterDays: [] }).map((r) => r.key)).toEqual(['before:2:10:5']);
    expect(plannedReminders(input('2024-06-20'), { daysBefore: [5], urgeAfterDays: [] })).toEqual([]);
    expect(plannedReminders({ ...input('2024-09-30'), units: [{ periodId: 3, unitId: 10, unitName: 'x', reached: false }] })).toEqual([]);
  });
});
