// The shapes the notice parser produces. Pure data, JSON-serialisable.

import type { DueDateSource } from './due-date';

/** One row of the "rows" intermediate: the cells of a table row, or one paragraph as one cell. */
export interface NoticeRow {
  /** 1-based line (or paragraph/row index) in the source, for messages and repairs. */
  line: number;
  cells: string[];
  /** True when the text was recognised from an image (OCR): every cell needs a person's confirmation. */
  ocr?: boolean;
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

export type RepairField = 'leaders' | 'units' | 'category' | 'row' | 'seq' | 'standard' | 'indicators';

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
  /** The cells a person should check (the preview highlights them); absent or empty = none in particular. */
  uncertainFields?: TaskField[];
  /** Dated steps printed inside the task (「6月底前完成…；9月底前…」), in order. */
  milestones?: ParsedMilestone[];
  /** Printed role text that names no unit (「等有关部门」「各县（市、区）政府」), kept as a note. */
  notes?: string[];
  line: number;
  /** The last source line of the task (inclusive); absent = the task is its first line only. */
  endLine?: number;
}

export type TaskField = 'standard' | 'leaders' | 'units' | 'deadline' | 'category' | 'indicators';

export interface ParsedMilestone {
  /** The printed step, e.g. 「6月底前完成立项」. */
  text: string;
  /** Its date read in the notice's year (due-date.ts), or null. */
  dueDate: string | null;
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
  /** The layout strategy whose reading was kept (strategies/: the one explaining the most text). */
  layout: LayoutName;
  /** Every strategy that read something, best first, for the preview's "how this was read". */
  readings?: { layout: LayoutName; tasks: number; score: number }[];
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

/**
 * The ways a notice lays its tasks out. Each is read by a strategy (core/notice/strategies/);
 * the Chinese names the preview shows are in layout-names.ts.
 */
export type LayoutName =
  | 'table' // one row per task, tab-separated cells (txt, docx, xlsx)
  | 'pipe-table' // | 序号 | 任务 | 牵头单位 | one row per line
  | 'cell-table' // a table flattened to one cell per line (copied from a web page or PDF)
  | 'labelled' // numbered task, then 牵头单位：… lines
  | 'inline' // numbered task with its roles in a trailing （…）
  | 'headings' // numbered headings at any level, the heading being the task
  | 'free-text' // roles in running text: 「由市财政局牵头，市发改委配合」「市交通局负责」
  | 'grouped' // tasks grouped under a leader (「XX同志负责：」) or a unit
  | 'key-value' // blocks of 任务：… 牵头单位：… per task, unnumbered
  | 'indicator-table'; // 指标 / 单位 / 目标值 / 责任单位

/** A line the parser read as no task and no document fact, for the preview's "text not read". */
export interface UnreadText {
  line: number;
  text: string;
}

/** Document facts the notice did not print; the preview asks for them (with the office's defaults). */
export type MissingFact = 'docNumber' | 'title' | 'issuer' | 'issuedDate' | 'year';

export interface ParsedNotice {
  document: NoticeDocument;
  annexes: ParsedAnnex[];
  directories: { leaders: DirectoryEntry[]; units: DirectoryEntry[] };
  anomalies: string[];
  /** Lines read as no task (within the annexes or the body that holds the tasks), in order; capped. */
  unread?: UnreadText[];
  /** Facts to ask the office for before import. */
  missingFacts?: MissingFact[];
  /** recognisedTasks: tasks read from a scan (OCR), every cell of them marked for confirmation. */
  stats: { tasks: number; repairs: number; uncertainTasks: number; recognisedTasks?: number };
}

export interface ParseOptions {
  fileName?: string;
  /** An edited leader directory; when absent one is built from the document. */
  leaderDirectory?: DirectoryEntry[];
  /** An edited unit directory; when absent one is built from the document. */
  unitDirectory?: DirectoryEntry[];
  /** Facts the office gives for a notice that does not print them (no letterhead): used where the text has none. */
  documentDefaults?: Partial<Pick<NoticeDocument, 'docNumber' | 'title' | 'issuer' | 'issuedDate' | 'year'>>;
}
