import { z } from 'zod';
import { evidenceFileSchema } from './evidence';
import { adjustmentSchema, coordinationSchema, instructionSchema } from './collaboration';
import { DUE_DATE_SOURCES } from '../notice/due-date';
import { coReportingMode } from './co-reporting';

/** Ledger (台账) filters. Everything optional; unit roles always see only their unit's tasks. */
export const taskListQuery = z.object({
  noticeId: z.coerce.number().int().positive().optional(),
  /** The tasks of that year's notices (the dashboard's figures click through with their year). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  annexNo: z.coerce.number().int().positive().optional(),
  categoryId: z.coerce.number().int().positive().optional(),
  leaderId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  unitRole: z.enum(['lead', 'co', 'any']).default('any'),
  /** Tasks due on or before this date (YYYY-MM-DD). */
  dueBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Status light (红黄绿灯) computed from reports, indicators and the calendar. */
  light: z.enum(['blue', 'green', 'yellow', 'red', 'grey']).optional(),
  /** 销号: only the tasks the office closed (yes) or only those still open (no). */
  closed: z.enum(['yes', 'no']).optional(),
  /** Chinese full text: every space-separated term must occur in the standard, upstream item or category. */
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

const unitRef = z.object({ id: z.number(), name: z.string(), role: z.enum(['lead', 'co']) });

/**
 * 销号: the office closed the task as completed and accepted. It stays in the ledger with its
 * history; periods after the one whose accepted report said completed (periodLabel) no longer ask for it.
 */
export const taskClosureSchema = z.object({
  /** The business day it was closed. */
  closedOn: z.string(),
  closedByName: z.string(),
  note: z.string().nullable(),
  /** The period whose report, accepted by the office, said the task was completed. */
  periodLabel: z.string(),
});

export const taskRowSchema = z.object({
  id: z.number(),
  noticeId: z.number(),
  annex: z.object({ no: z.number(), kind: z.string(), title: z.string() }),
  category: z.object({ id: z.number(), no: z.number(), name: z.string() }).nullable(),
  seq: z.string(),
  standard: z.string(),
  upstreamNo: z.number().nullable(),
  /** The deadline as the notice prints it (完成时限), e.g. 12月, 6月底前, 长期. */
  deadline: z.string().nullable(),
  dueDate: z.string().nullable(),
  /** Where dueDate came from: printed, annual (附件1: the year's end), office, open-ended (长期: none). */
  dueDateSource: z.enum(DUE_DATE_SOURCES).nullable(),
  leaders: z.array(z.object({ id: z.number(), name: z.string() })),
  units: z.array(unitRef),
  indicatorCount: z.number(),
  uncertain: z.boolean(),
  version: z.number(),
  light: z.object({ color: z.enum(['blue', 'green', 'yellow', 'red', 'grey']), label: z.string(), reasons: z.array(z.string()) }),
  closure: taskClosureSchema.nullable(),
  /** How its co-operating units report: separately to the office, or their part to the lead unit (报牵头单位). */
  coReporting: coReportingMode,
});

export const taskListSchema = z.object({ items: z.array(taskRowSchema), total: z.number(), page: z.number(), pageSize: z.number() });

/** One unit's entry on a task in one period's report, as the task page (and a roll-up drill-down) lists it. */
export const taskReportEntrySchema = z.object({
  reportId: z.number(),
  periodLabel: z.string(),
  unitName: z.string(),
  unitRole: z.enum(['lead', 'co']),
  reportState: z.string(),
  status: z.string(),
  narrative: z.string(),
  problems: z.string(),
  taskVersion: z.number(),
  updatedAt: z.string(),
  /** 佐证材料 the person may open; only on the organisation's own task page (not in an upper level's view). */
  evidence: z.array(evidenceFileSchema).optional(),
});

export const taskDetailSchema = z.object({
  task: taskRowSchema.extend({
    upstreamItem: z.string().nullable(),
    leadersPrinted: z.string(),
    unitsPrinted: z.array(z.string()),
    repairs: z.array(z.unknown()),
    anomalies: z.array(z.string()),
    /** Whether the office may close (销号) it now: its lead unit's latest report the office accepted says completed. */
    canClose: z.boolean(),
    /** Why it cannot be closed now (null when it can, or is closed already). */
    closeBlockedReason: z.string().nullable(),
  }),
  indicators: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      target: z.number(),
      unit: z.string(),
      qualifier: z.string().nullable(),
      actuals: z.array(z.object({ periodLabel: z.string(), unitName: z.string(), value: z.number().nullable() })),
    }),
  ),
  links: z.array(z.object({ taskId: z.number(), annexNo: z.number(), seq: z.string(), standard: z.string(), reason: z.string(), status: z.string() })),
  reports: z.array(taskReportEntrySchema),
  history: z.array(z.object({ at: z.string(), actorName: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() })),
  coordination: z.array(coordinationSchema),
  adjustments: z.array(adjustmentSchema),
  instructions: z.array(instructionSchema),
  /** Every version of the task's targets, newest first: reports name the version they were made against. */
  versions: z.array(z.object({ version: z.number(), standard: z.string(), indicators: z.unknown(), reason: z.string(), changedByName: z.string(), createdAt: z.string() })),
});

export const taskPatch = z.object({
  /** The version the office edited: an edit over someone else's newer edit is refused. */
  version: z.number().int().positive(),
  standard: z.string().trim().min(1).max(5000).optional(),
  deadline: z.string().trim().max(50).nullable().optional(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().optional(),
  leaderIds: z.array(z.number().int().positive()).max(10).optional(),
  /** In order: the first is the lead unit. */
  unitIds: z.array(z.number().int().positive()).min(1).max(30).optional(),
});

/** 销号: the office closes a task its lead unit reported completed in a report the office accepted. */
export const taskCloseBody = z.object({
  /** 说明 (optional): why, or on what evidence, the task is closed. */
  note: z.string().trim().max(2000).optional(),
});

/** 撤销销号: the task is asked for again from the next period on; the reason is required and audited. */
export const taskReopenBody = z.object({
  reason: z.string().trim().min(1, '请填写撤销销号的理由').max(2000),
});
