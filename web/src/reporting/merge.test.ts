import { describe, expect, it } from 'vitest';
import type { ConflictCurrent, ProgressValues } from './api';
import { mergeMine, onlyTouched } from './merge';

const theirs: ConflictCurrent = {
  version: 3,
  status: 'on_track',
  narrative: '陈静的进展',
  problems: '用地报批慢',
  nextSteps: '7月完成预审',
  updatedByName: '陈静',
  updatedAt: '2024-06-25T03:00:00Z',
};
const mine: ProgressValues = {
  status: 'not_started',
  narrative: '刘洋的进展',
  problems: '',
  nextSteps: '',
  actuals: { 7: 28, 8: null },
};

describe('conflict merge', () => {
  it('keeps the other person’s fields the clerk did not touch', () => {
    expect(mergeMine(theirs, mine, new Set(['narrative']))).toEqual({
      status: 'on_track',
      narrative: '刘洋的进展',
      problems: '用地报批慢',
      nextSteps: '7月完成预审',
      actuals: { 7: 28, 8: null },
    });
  });

  it('sends only the indicator figures the clerk changed', () => {
    expect(onlyTouched(mine, new Set(['a:7', 'narrative'])).actuals).toEqual({ 7: 28 });
    expect(onlyTouched(mine, new Set()).actuals).toEqual({});
  });
});
