import { describe, expect, it } from 'vitest';
import { latestActuals, type ReportedActual } from './latest-actuals';

describe('the latest reported value of an indicator', () => {
  const row = (id: number, position: number, unit_role: 'lead' | 'co', value: number | null, indicator_id = 1): ReportedActual => ({ id, indicator_id, value, position, unit_role });

  it('takes the latest period, then the lead unit, then the last written — in any row order', () => {
    const rows = [row(1, 0, 'lead', 10), row(5, 1, 'co', 25), row(3, 1, 'lead', 20), row(7, 1, 'co', 30), row(2, 0, 'co', 99)];
    for (const order of [rows, [...rows].reverse(), [rows[2]!, rows[0]!, rows[4]!, rows[1]!, rows[3]!]]) expect(latestActuals(order).get(1)).toBe(20);
    expect(latestActuals([row(5, 1, 'co', 25), row(7, 1, 'co', 30)]).get(1)).toBe(30);
    expect(latestActuals([row(7, 1, 'co', 30), row(5, 1, 'co', 25)]).get(1)).toBe(30);
  });

  it('ignores values not given and keeps indicators apart', () => {
    const latest = latestActuals([row(1, 2, 'lead', null), row(2, 1, 'lead', 4), row(3, 0, 'lead', 8, 2)]);
    expect(latest.get(1)).toBe(4);
    expect(latest.get(2)).toBe(8);
    expect(latest.has(3)).toBe(false);
  });
});
