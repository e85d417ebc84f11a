import { describe, expect, it } from 'vitest';
import { beijingDate, onFixedDate } from './business-time';

describe('business time', () => {
  it('dates an instant in Beijing', () => {
    expect(beijingDate(new Date('2026-12-06T15:59:59Z'))).toBe('2026-12-06');
    expect(beijingDate(new Date('2026-12-06T16:00:00Z'))).toBe('2026-12-07');
  });

  it('puts the real Beijing time of day on the fixed date', () => {
    // 2026-12-07 05:57 in Beijing → 2024-06-25 05:57 in Beijing.
    expect(onFixedDate('2024-06-25', new Date('2026-12-06T21:57:00Z')).toISOString()).toBe('2024-06-24T21:57:00.000Z');
    expect(onFixedDate('2024-06-25', new Date('2026-12-07T03:30:00Z')).toISOString()).toBe('2024-06-25T03:30:00.000Z');
    expect(beijingDate(onFixedDate('2024-06-25', new Date('2026-12-07T15:59:00Z')))).toBe('2024-06-25');
  });
});
