import type { Grade } from '../../../core/assessment/scheme';

export const GRADE_COLORS: Record<Grade, string> = { excellent: 'green', good: 'blue', pass: 'gold', fail: 'red' };

/** 87.2 → "87.20": scores read as the exports print them. */
export const fixed = (x: number) => x.toFixed(2);
export const signed = (x: number) => (x > 0 ? `+${fixed(x)}` : fixed(x));
