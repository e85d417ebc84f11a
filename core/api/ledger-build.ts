import { z } from 'zod';
import { PASTE_FIELDS } from '../ledger/paste';
import { dbId, isoDate } from './common';

/** Building the ledger without a notice file (issue 16): 新建台账, 新增任务, 粘贴导入, move and delete. */

export const ANNEX_KINDS = ['district-gwr', 'province-gwr', 'province-livelihood', 'city-gwr', 'city-livelihood', 'other'] as const;

/** The four reporting deadlines a hand-built ledger gets unless the office gives others (a quarter's report early the next month). */
export function defaultReportingDeadlines(year: number): string[] {
  return [`${year}-04-01`, `${year}-07-01`, `${year}-10-01`, `${year + 1}-01-01`];
}

/** 新建台账: a notice record with no file, one annex of the chosen kind. */
export const ledgerCreateBody = z.object({
  title: z.string().trim().min(1, '请填写台账名称').max(200),
  year: z.number().int().min(2000).max(2100),
  docNumber: z.string().trim().max(60).nullable().optional(),
  annexKind: z.enum(ANNEX_KINDS).default('district-gwr'),
  annexTitle: z.string().trim().max(200).nullable().optional(),
  /** 报送截止日期, one per reporting period; default: defaultReportingDeadlines(year). */
  reportingDeadlines: z.array(isoDate()).min(1).max(12).optional(),
});

export const annexCreateBody = z.object({
  annexKind: z.enum(ANNEX_KINDS),
  title: z.string().trim().max(200).nullable().optional(),
});

const names = z.array(z.string().trim().min(1).max(100)).max(30);

/** A task as the office writes or pastes it (core/ledger/task-draft.ts TaskDraft); the server checks it again. */
export const taskDraftSchema = z.object({
  seq: z.string().trim().max(20).nullable().default(null),
  category: z.string().trim().max(100).nullable().default(null),
  standard: z.string().trim().max(5000),
  leaders: names.default([]),
  leadUnits: names,
  coUnits: names.default([]),
  deadline: z.string().trim().max(50).nullable().default(null),
  indicators: z.string().trim().max(2000).nullable().default(null),
});

/** 新增任务 (one) and 粘贴导入 (many): all are written, or none. */
export const tasksCreateBody = z.object({
  annexNo: z.number().int().positive(),
  tasks: z.array(taskDraftSchema).min(1).max(500),
});

export const tasksCreatedSchema = z.object({
  taskIds: z.array(z.number()),
  /** Units and leaders that were not in the directory and were added to it. */
  createdUnits: z.array(z.string()),
  createdLeaders: z.array(z.string()),
});

/** 上移/下移 within the annex, or 移动到 another annex and category (at its end). */
export const taskMoveBody = z.union([
  z.object({ direction: z.enum(['up', 'down']) }),
  z.object({ annexNo: z.number().int().positive(), categoryId: dbId().nullable() }),
]);

/** A notice's annexes and categories: where a task can be added or moved to. */
export const noticeStructureSchema = z.object({
  notice: z.object({ id: z.number(), title: z.string(), docNumber: z.string().nullable(), year: z.number(), hasFile: z.boolean() }),
  annexes: z.array(
    z.object({
      no: z.number(),
      title: z.string(),
      kind: z.string(),
      taskCount: z.number(),
      categories: z.array(z.object({ id: z.number(), no: z.number(), name: z.string() })),
    }),
  ),
});

/** Which of the listed tasks have report entries (they are closed with 销号, never deleted). */
export const reportedTasksQuery = z.object({ ids: z.string().regex(/^\d+(,\d+){0,499}$/) });
export const reportedTasksSchema = z.object({ reported: z.array(z.number()) });

export const pasteMemorySchema = z.object({
  byHeader: z.record(z.string().max(100), z.enum(PASTE_FIELDS)),
  byColumn: z.array(z.enum(PASTE_FIELDS)).max(50),
});
