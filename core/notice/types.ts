// The shapes the notice parser produces. Pure data, JSON-serialisable.

import type { DueDateSource } from './due-date';

/** One row of the "rows" intermediate: the cells of a table row, or one paragraph as one cell. */
export interface NoticeRow {
  /** 1-based line (or paragraph/row index) in the source, for messages and repairs. */
  line: number;
  cells: string[];
}

/** A directory entry for leaders or units: the canonical name and the other spellings. */
export interface DirectoryEntry {
  name: string;
  aliases: string[];
  /** How often the name occurs in the document (directories built from the document). */
  count?: number;
  /** False when an alias was proposed by the parser and a person should confirm it. */
  confirmed?: boolean;
}

export type RepairField = 'leaders' | 'units' | 'category' | 'row' | 'seq' | 'standard';

/** One change the parser made to what was printed, with the raw text, for review. */
export interface Repair {
  field: RepairField;
  raw: string;
  result: string | string[];
  rule: string;
  /** True when a person should confirm the repair. */
  uncertain: boolean;
  line: number;
}

export interface Indicator {
  name: string;
  value: number;
  unit: string;
  /** 以上 ≥, 不低于 ≥, 左右 ≈, … as printed; null when the value is exact. */
  qualifier: string | null;
  /** The printed span the indicator came from. */
  text: string;
}

export interface TaskLink {
  annexNo: number;
  seq: string;
  reason: string;
  similarity: number;
}

export interface UnitRef {
  name: string;
  printed: string;
  note: string | null;
  role: 'lead' | 'co';
}

export interface Category {
  no: number;
  name: string;
}

export interface ParsedTask {
  seq: string;
  seqNo: number | null;
  category: Category | null;
  /** (一)-level heading under the category, for list layouts. */
  section: string | null;
  upstreamNo: number | null;
  upstreamItem: string | null;
  standard: string;
  deadline: string | null;
  /**
   * The due date as an ISO date (due-date.ts): the printed deadline read in the notice's year
   * (`12月` → YYYY-12-31, `6月底前` → YYYY-06-30), or for the year's own tasks (kind
   * `district-gwr`, no deadline column) the notice year's last day; null when there is none.
   */
  dueDate: string | null;
  /**
   * Where dueDate came from: 'printed', 'annual' (derived), 'open-ended' (长期: no date), or null.
   * The parser always sets it; optional for rows built by hand (tests, older previews).
   */
  dueDateSource?: DueDateSource | null;
  leaders: string[];
  leadersPrinted: string;
  units: string[];
  unitsPrinted: string[];
  unitRefs: UnitRef[];
  indicators: Indicator[];
  links: TaskLink[];
  anomalies: string[];
  repairs: Repair[];
  /** True when something about this task needs a person to confirm. */
  uncertain: boolean;
  line: number;
}

export type AnnexKind =
  'district-gwr' | 'province-gwr' | 'province-livelihood' | 'city-gwr' | 'city-livelihood' | 'other';

export interface CategoryVariant {
  no: number;
  name: string;
  printed: { name: string; line: number }[];
}

export interface ParsedAnnex {
  no: number;
  title: string;
  kind: AnnexKind;
  layout: 'table' | 'labelled' | 'inline';
  categories: CategoryVariant[];
  tasks: ParsedTask[];
  anomalies: string[];
  line: number;
}

export interface NoticeDocument {
  docNumber: string | null;
  title: string | null;
  issuer: string | null;
  issuedDate: string | null;
  year: number | null;
  reportingDeadlines: string[];
  reportTo: string | null;
  annexTitles: string[];
  fileName: string | null;
}

export interface ParsedNotice {
  document: NoticeDocument;
  annexes: ParsedAnnex[];
  directories: { leaders: DirectoryEntry[]; units: DirectoryEntry[] };
  anomalies: string[];
  stats: { tasks: number; repairs: number; uncertainTasks: number };
}

export interface ParseOptions {
  fileName?: string;
  /** An edited leader directory; when absent one is built from the document. */
  leaderDirectory?: DirectoryEntry[];
  /** An edited unit directory; when absent one is built from the document. */
  unitDirectory?: DirectoryEntry[];
}
