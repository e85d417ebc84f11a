import { describe, expect, it } from 'vitest';
import { SHIPPED_DAYS } from './cn-holidays';
import { workCalendar } from './work-calendar';

describe('the working-day calendar', () => {
  const cal = workCalendar();

  it('knows weekends, holidays and adjusted workdays', () => {
    expect(cal.isWorkingDay('2024-10-01')).toBe(false); // 国庆节
    expect(cal.isWorkingDay('2024-10-08')).toBe(true);
    expect(cal.isWorkingDay('2024-10-12')).toBe(true); // a Saturday worked (调休)
    expect(cal.isWorkingDay('2024-10-13')).toBe(false); // Sunday
    expect(cal.isWorkingDay('2025-01-01')).toBe(false); // 元旦
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // 春节调休上班
    expect(cal.dayName('2024-10-03')).toBe('国庆节');
  });

  it('moves a deadline off a holiday to the next working day', () => {
    expect(cal.effectiveDeadline('2024-10-01')).toBe('2024-10-08');
    expect(cal.effectiveDeadline('2025-01-01')).toBe('2025-01-02');
    expect(cal.effectiveDeadline('2024-07-01')).toBe('2024-07-01');
    expect(cal.effectiveDeadline('2024-06-29')).toBe('2024-07-01'); // a Saturday
    expect(workCalendar({ basis: 'working', shiftDeadlines: false, days: [] }).effectiveDeadline('2024-10-01')).toBe('2024-10-01');
  });

  it('counts lateness in working days after the effective deadline (issue 14: Q3 2024)', () => {
    const deadline = cal.effectiveDeadline('2024-10-01');
    expect(cal.daysLate(deadline, '2024-10-08')).toBe(0);
    expect(cal.daysLate(deadline, '2024-10-10')).toBe(2);
    expect(cal.daysLate('2024-04-01', '2024-04-08')).toBe(4); // 4–6 April off, 7 April worked
    expect(cal.daysLate('2024-07-01', '2024-06-30')).toBe(0);
  });

  it('counts calendar days when the office chooses them', () => {
    const plain = workCalendar({ basis: 'calendar', shiftDeadlines: false, days: [] });
    expect(plain.daysLate('2024-10-01', '2024-10-10')).toBe(9);
    expect(plain.daysUntil('2024-06-24', '2024-07-01')).toBe(7);
    expect(plain.dayUnit).toBe('天');
  });

  it('counts days before a deadline on the same basis', () => {
    expect(cal.daysUntil('2024-06-28', '2024-07-01')).toBe(1); // Friday → Monday
    expect(cal.daysUntil('2024-07-01', '2024-07-01')).toBe(0);
    expect(cal.daysUntil('2024-07-03', '2024-07-01')).toBe(-2);
  });

  it("lets the office's own days override the shipped ones", () => {
    const local = workCalendar({ basis: 'working', shiftDeadlines: true, days: [{ date: '2027-10-01', off: true, name: '国庆节' }, { date: '2024-10-08', off: true, name: '本地安排' }] });
    expect(local.isWorkingDay('2027-10-01')).toBe(false);
    expect(local.effectiveDeadline('2024-10-01')).toBe('2024-10-09');
  });

  it('ships 2024 to 2026 with no day listed twice', () => {
    const dates = SHIPPED_DAYS.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates[0]!.startsWith('2024')).toBe(true);
    expect(dates.at(-1)!.startsWith('2026')).toBe(true);
  });
});
