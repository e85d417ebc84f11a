import { describe, expect, it } from 'vitest';
import { DEFAULT_PERIOD_SCHEDULE as S, periodWindows, scheduledStatus } from './period-schedule';

// The demo notice's four deadlines, on the working-day calendar (10月1日 → 10月8日, 1月1日 → 1月2日).
const periods = [
  { position: 0, effectiveDeadline: '2024-04-01', pastAtImport: true },
  { position: 1, effectiveDeadline: '2024-07-01', pastAtImport: false },
  { position: 2, effectiveDeadline: '2024-10-08', pastAtImport: false },
  { position: 3, effectiveDeadline: '2025-01-02', pastAtImport: false },
];

describe('periods that open and close themselves', () => {
  const w = periodWindows(periods, S);

  it('opens the first period at import and each next one the day after the previous deadline', () => {
    expect(w.get(1)).toMatchObject({ opensOn: null, closesOn: '2024-07-16', autoOpens: true });
    expect(w.get(2)).toMatchObject({ opensOn: '2024-07-02', closesOn: '2024-10-23' });
    expect(w.get(3)).toMatchObject({ opensOn: '2024-10-09' });
    // A period already past at import is the office's to open.
    expect(w.get(0)).toMatchObject({ autoOpens: false });
    expect(scheduledStatus('planned', w.get(0)!, '2024-04-05', S)).toBeNull();
  });

  it('says what to do on a day', () => {
    expect(scheduledStatus('planned', w.get(1)!, '2024-06-25', S)).toBe('open');
    expect(scheduledStatus('open', w.get(1)!, '2024-07-16', S)).toBeNull();
    expect(scheduledStatus('open', w.get(1)!, '2024-07-17', S)).toBe('closed');
    expect(scheduledStatus('planned', w.get(2)!, '2024-07-01', S)).toBeNull();
    expect(scheduledStatus('planned', w.get(2)!, '2024-07-02', S)).toBe('open');
    // A sweep that did not run for months still lands where the schedule says.
    expect(scheduledStatus('planned', w.get(2)!, '2024-12-01', S)).toBe('closed');
    expect(scheduledStatus('closed', w.get(2)!, '2024-08-01', S)).toBeNull();
  });

  it('follows the settings', () => {
    expect(scheduledStatus('planned', w.get(2)!, '2024-07-02', { ...S, autoOpen: false })).toBeNull();
    expect(scheduledStatus('open', w.get(1)!, '2024-08-01', { ...S, autoClose: false })).toBeNull();
    expect(periodWindows(periods, { ...S, openDaysAfterPreviousDeadline: 10, closeDaysAfterDeadline: 5 }).get(2)).toMatchObject({ opensOn: '2024-07-11', closesOn: '2024-10-13' });
  });
});
