// Field-level merging for autosave conflicts (pure, unit-tested in merge.test.ts).
import type { ConflictCurrent, ProgressValues } from './api';

const TEXT_FIELDS = ['status', 'narrative', 'problems', 'nextSteps'] as const;

export function textOf(c: ConflictCurrent): Omit<ProgressValues, 'actuals'> {
  return { status: c.status, narrative: c.narrative, problems: c.problems, nextSteps: c.nextSteps };
}

/** The other person's entry with the fields I changed laid over it. */
export function mergeMine(theirs: ConflictCurrent, mine: ProgressValues, touched: Set<string>): ProgressValues {
  const out: ProgressValues = { ...mine, ...textOf(theirs) };
  for (const f of TEXT_FIELDS) if (touched.has(f)) Object.assign(out, { [f]: mine[f] });
  return out;
}

/** What a save sends: every text field, but only the indicator figures the clerk changed. */
export function onlyTouched(v: ProgressValues, touched: Set<string>): ProgressValues {
  return { ...v, actuals: Object.fromEntries(Object.entries(v.actuals).filter(([id]) => touched.has(`a:${id}`))) };
}
