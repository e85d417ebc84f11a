import { describe, expect, it } from 'vitest';
import type { LightResult } from './lights';
import { mostBehind } from './most-behind';

const l = (light: LightResult['light'], progress: number | null, schedule = 0.5): LightResult => ({ light, reasons: [], schedule, progress });

describe('the tasks most behind', () => {
  it('puts red before yellow, then the larger gap to the schedule first, and leaves out the rest', () => {
    const tasks = { a: l('yellow', 0.1), b: l('red', 0.4), c: l('green', 0.6), d: l('red', 0.1), e: l('grey', null), f: l('red', null), g: l('blue', 1) };
    expect(mostBehind(Object.keys(tasks), (k) => tasks[k as keyof typeof tasks])).toEqual(['d', 'b', 'f', 'a']);
    expect(mostBehind(Object.keys(tasks), (k) => tasks[k as keyof typeof tasks], 2)).toEqual(['d', 'b']);
  });
});
