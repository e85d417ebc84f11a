// A layout strategy reads the rows of one annex (or of a whole notice without annexes) as tasks in
// one layout. Several are tried on every segment; select.ts keeps the reading that explains the
// most text with the fewest anomalies.

import type { RawTask } from '../table';
import type { AnnexKind, CategoryVariant, LayoutName, NoticeRow } from '../types';

export interface LayoutReading {
  layout: LayoutName;
  tasks: RawTask[];
  categories: CategoryVariant[];
  anomalies: string[];
  /**
   * Source lines the reading accounts for besides its tasks' own spans (headers, headings, notes
   * applied to every task), so they are not listed as text read as no task.
   */
  explainedLines?: number[];
  /** The printed headers of an upstream column (tables only), for the annex-level check in parse.ts. */
  upstreamHeaders?: string[];
}

export interface SegmentInfo {
  kind: AnnexKind;
  /** The annex's title ('' for a notice read whole). */
  title: string;
}

/**
 * Reads the rows in this strategy's layout; null (or no tasks) when the rows are not in it.
 * Must be linear in the rows' total length: it runs on every upload, including hostile ones.
 */
export type LayoutStrategy = (rows: NoticeRow[], segment: SegmentInfo) => LayoutReading | null;

/** A blank RawTask for strategies to fill. */
export function rawTask(line: number, fields: Partial<RawTask> = {}): RawTask {
  return {
    seq: '',
    seqNo: null,
    categoryNo: null,
    categoryPrinted: null,
    upstreamNo: null,
    upstreamItem: null,
    standard: '',
    deadline: null,
    leadersRaw: '',
    leadUnitsRaw: '',
    coUnitsRaw: '',
    line,
    anomalies: [],
    repairs: [],
    uncertain: false,
    section: null,
    ...fields,
  };
}
