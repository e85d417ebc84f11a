import { describe, expect, it } from 'vitest';
import { beijingDate, createClock } from './clock';

describe('business clock', () => {
  it('uses the fixed date, with the time of day moving', () => {
    const clock = createClock({ today: '2024-06-25' });
    expect(clock.today()).toBe('2024-06-25');
    expect(beijingDate(clock.now())).toBe('2024-06-25');
  });

  it('uses the real date in Beijing time when not fixed', () => {
    expect(createClock({ today: null }).today()).toBe(beijingDate(new Date()));
    // 2024-06-30 17:00 UTC is already 1 July in Beijing.
    expect(beijingDate(new Date('2024-06-30T17:00:00Z'))).toBe('2024-07-01');
  });
});
