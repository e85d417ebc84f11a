import { describe, expect, it } from 'vitest';
import { deadlineText, periodsDueUnopened, scheduleText, setByText } from './periodDays';

const on = { autoOpen: true, autoClose: true };

describe('a period’s days in words', () => {
  it('shows the printed deadline and the one in force when a holiday moves it', () => {
    expect(
      deadlineText({
        deadline: '2024-10-01',
        effectiveDeadline: '2024-10-08',
        deadlineHoliday: '国庆节',
        extensionReason: null,
      }),
    ).toEqual({
      main: '2024年10月1日（国庆节）',
      moved: '→ 顺延至10月8日',
      extension: null,
    });
    expect(
      deadlineText({
        deadline: '2024-07-01',
        effectiveDeadline: '2024-07-01',
        deadlineHoliday: null,
        extensionReason: null,
      }).main,
    ).toBe('2024年7月1日');
    expect(
      deadlineText({
        deadline: '2024-10-01',
        effectiveDeadline: '2024-10-15',
        deadlineHoliday: null,
        extensionReason: '汛期延后',
      }),
    ).toEqual({
      main: '2024年10月15日',
      moved: null,
      extension: '原定10月1日，已延期：汛期延后',
    });
  });

  it('says when the schedule opens and closes a period, or that the office took it over', () => {
    const q3 = {
      status: 'planned',
      statusSetBy: 'auto',
      opensOn: '2024-07-02',
      closesOn: '2024-10-23',
      autoOpens: true,
      pastAtImport: false,
    } as const;
    expect(scheduleText(q3, on)).toEqual(['7月2日自动开启', '10月23日自动关闭']);
    expect(scheduleText({ ...q3, opensOn: null }, on)).toEqual(['导入时开启', '10月23日自动关闭']);
    expect(scheduleText({ ...q3, opensOn: null, autoOpens: false, pastAtImport: true }, on)[0]).toBe(
      '需督查室手动开启',
    );
    expect(scheduleText(q3, { autoOpen: false, autoClose: false })).toEqual([
      '不自动开启（系统设置）',
      '不自动关闭（系统设置）',
    ]);
    expect(scheduleText({ ...q3, status: 'open' }, on)).toEqual(['10月23日自动关闭']);
    expect(scheduleText({ ...q3, status: 'closed', statusSetBy: 'office' }, on)).toEqual([
      '督查室已手动关闭，不再自动开启、关闭',
    ]);
    expect(setByText({ status: 'open', statusSetBy: 'auto' })).toBe('系统自动开启');
    expect(setByText({ status: 'closed', statusSetBy: 'office' })).toBe('督查室手动关闭');
    expect(setByText({ status: 'planned', statusSetBy: 'auto' })).toBeNull();
  });

  it('warns of a period due within 14 days that is not open, not of one past at import or far off', () => {
    const periods = [
      { label: 'Q1', status: 'planned', effectiveDeadline: '2024-04-01', pastAtImport: true },
      { label: 'Q2', status: 'planned', effectiveDeadline: '2024-07-01', pastAtImport: false },
      { label: 'Q3', status: 'planned', effectiveDeadline: '2024-10-08', pastAtImport: false },
      { label: 'Q2b', status: 'open', effectiveDeadline: '2024-07-01', pastAtImport: false },
    ];
    expect(periodsDueUnopened(periods, '2024-06-25').map((p) => p.label)).toEqual(['Q2']);
    expect(periodsDueUnopened(periods, '2024-09-24').map((p) => p.label)).toEqual(['Q2', 'Q3']);
    expect(periodsDueUnopened(periods, '2024-09-23').map((p) => p.label)).toEqual(['Q2']);
  });
});
