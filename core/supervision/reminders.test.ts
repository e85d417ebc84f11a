import { describe, expect, it } from 'vitest';
import { plannedReminders, type ReminderInput } from './reminders';

const input = (today: string): ReminderInput => ({
  today,
  periods: [
    { id: 2, label: '2024年第二季度', deadline: '2024-07-01', status: 'open' },
    { id: 3, label: '2024年第三季度', deadline: '2024-10-01', status: 'planned' },
  ],
  units: [
    { periodId: 2, unitId: 10, unitName: '区交通运输局', approved: false },
    { periodId: 2, unitId: 11, unitName: '区发改局', approved: true },
  ],
});

describe('reminder plan', () => {
  it('reminds units not yet approved 7, 3 and 1 days before, and no one on other days', () => {
    expect(plannedReminders(input('2024-06-24')).map((r) => r.key)).toEqual(['before:2:10:7']);
    expect(plannedReminders(input('2024-06-25'))).toEqual([]);
    expect(plannedReminders(input('2024-06-28'))[0]).toMatchObject({ kind: 'before_deadline', audience: 'unit', title: '【提醒】2024年第二季度进展报送还有3天截止' });
    expect(plannedReminders(input('2024-06-30')).map((r) => r.key)).toEqual(['before:2:10:1']);
  });

  it('reminds the unit head on the deadline day and urges through the leaders after it', () => {
    expect(plannedReminders(input('2024-07-01'))[0]).toMatchObject({ kind: 'deadline_day', audience: 'unit_head', key: 'deadline:2:10' });
    const urge = plannedReminders(input('2024-07-02'))[0]!;
    expect(urge).toMatchObject({ kind: 'overdue_urge', audience: 'leaders', key: 'urge:2:10:1', title: '【催办】区交通运输局2024年第二季度报告已逾期1天' });
    expect(plannedReminders(input('2024-07-03'))).toEqual([]);
    expect(plannedReminders(input('2024-07-08')).map((r) => r.key)).toEqual(['urge:2:10:7']);
  });

  it('follows the schedule setting, and ignores periods that are not open', () => {
    expect(plannedReminders(input('2024-06-26'), { daysBefore: [5], urgeAfterDays: [] }).map((r) => r.key)).toEqual(['before:2:10:5']);
    expect(plannedReminders({ ...input('2024-09-30'), units: [{ periodId: 3, unitId: 10, unitName: 'x', approved: false }] })).toEqual([]);
  });
});
