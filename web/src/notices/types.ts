// Shapes of the notice-import API, for the browser. Type-only imports from core (the one piece of
// the parser in the bundle is extractIndicators, for a corrected standard: corrections.ts). The preview and diff are not zod schemas in core/api (the server builds them
// from the parser's own types), so the diff shape is restated here from server/import/notice-diff.ts.
import type { z } from 'zod';
import type { importResultSchema, TaskCorrection } from '../../../core/api/notices';
import type { ParsedAnnex, ParsedNotice, ParsedTask } from '../../../core/notice/types';

export type {
  AnnexKind,
  DirectoryEntry,
  Indicator,
  LayoutName,
  MissingFact,
  TaskField,
  UnreadText,
  ParsedAnnex,
  ParsedNotice,
  ParsedTask,
  Repair,
} from '../../../core/notice/types';
export type { TaskCorrection };
export type ImportResult = z.infer<typeof importResultSchema>;

export type DiffField = 'standard' | 'upstreamNo' | 'upstreamItem' | 'deadline' | 'category' | 'leaders' | 'units';

export interface TaskChange {
  key: string;
  annexNo: number;
  seq: string;
  taskId: number;
  fields: Partial<Record<DiffField, { before: unknown; after: unknown }>>;
}

export interface NoticeDiff {
  added: { key: string; annexNo: number; seq: string; standard: string }[];
  removed: { key: string; annexNo: number; seq: string; taskId: number; standard: string }[];
  changed: TaskChange[];
  unchanged: number;
}

/** A unit or leader the notice names that the directory does not hold (server/import/preview-directory.ts). */
export interface NewName {
  name: string;
  printed: string[];
  tasks: string[];
  suggestion: string | null;
}

/** The office's own values for facts a notice does not print (server/import/document-defaults.ts). */
export interface DocumentDefaults {
  title: string;
  issuer: string;
  issuedDate: string;
  year: number;
}

export interface NoticePreview {
  file: { name: string; format: string; size: number };
  parsed: ParsedNotice;
  existing: { noticeId: number; diff: NoticeDiff } | null;
  directory: { units: NewName[]; leaders: NewName[] };
  documentDefaults: DocumentDefaults;
}

/** One row of a preview table: the parsed task, its key, and the office's correction if any. */
export interface TaskRow {
  key: string;
  annex: ParsedAnnex;
  task: ParsedTask;
  correction: TaskCorrection | undefined;
  /** The office settled the row's only doubt elsewhere (a new unit or leader accepted or mapped). */
  settled?: boolean;
}
