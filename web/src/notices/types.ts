// Shapes of the notice-import API, for the browser. Type-only imports from core: no parser code
// reaches the bundle. The preview and diff are not zod schemas in core/api (the server builds them
// from the parser's own types), so the diff shape is restated here from server/import/notice-diff.ts.
import type { z } from 'zod';
import type { importResultSchema, TaskCorrection } from '../../../core/api/notices';
import type { ParsedAnnex, ParsedNotice, ParsedTask } from '../../../core/notice/types';

export type {
  AnnexKind,
  DirectoryEntry,
  Indicator,
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

export interface NoticePreview {
  file: { name: string; format: string; size: number };
  parsed: ParsedNotice;
  existing: { noticeId: number; diff: NoticeDiff } | null;
}

/** One row of a preview table: the parsed task, its key, and the office's correction if any. */
export interface TaskRow {
  key: string;
  annex: ParsedAnnex;
  task: ParsedTask;
  correction: TaskCorrection | undefined;
}
