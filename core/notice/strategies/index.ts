// The registry of layout strategies, tried in this order; on equal scores the earlier one wins.
// To add a layout: write a LayoutStrategy in its own file here, give its name in ../types.ts
// (LayoutName) and ../layout-names.ts, add it below, and add fixtures to ../fixtures/corpus/.

import { cellTableStrategy } from './cell-table';
import { labelledStrategy, tableStrategy } from './existing';
import { freeTextStrategy } from './free-text';
import { groupedStrategy } from './grouped';
import { headingsStrategy } from './headings';
import { indicatorTableStrategy } from './indicator-table';
import { keyValueStrategy } from './key-value';
import { pipeTableStrategy } from './pipe-table';
import type { LayoutStrategy } from './types';

export const STRATEGIES: readonly LayoutStrategy[] = [
  tableStrategy,
  pipeTableStrategy,
  cellTableStrategy,
  indicatorTableStrategy,
  labelledStrategy,
  keyValueStrategy,
  groupedStrategy,
  headingsStrategy,
  freeTextStrategy,
];

/** The strategies that read running text (select.ts skips them on a segment already read as a table). */
export const PROSE_STRATEGIES: ReadonlySet<LayoutStrategy> = new Set([
  labelledStrategy,
  keyValueStrategy,
  groupedStrategy,
  headingsStrategy,
  freeTextStrategy,
]);

export { readSegmentBest, scoreReading } from './select';
export type { LayoutReading, LayoutStrategy, SegmentInfo } from './types';
