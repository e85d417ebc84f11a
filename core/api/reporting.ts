import { z } from 'zod';
import { isoDate } from './common';
import { PROGRESS_STATUSES, REPORT_STATES } from '../reporting/states';


export const periodSchema = z.object({
  id: z.number(),
  noticeId: z.number(),
  docNumber: z.string().nullable(),
  label: z.string(),
  kind: z.string(),
  deadline: z.string(),
  effectiveDeadline: z.string(),
  extensionReason: z.string().nullable(),
  status: z.enum(['planned', 'open', 'closed']),
  statusLabel: z.string(),
  /** The deadline had passed when the notice was issued or imported: the office should look at it. */
  pastAtImport: z.boolean(),
});

export const extendPeriodBody = z.object({ deadline: isoDate(), reason: z.string().trim().min(1).max(500) });

export const reportSummarySchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodLabel: z.string(),
  deadline: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  state: z.enum(REPORT_STATES),
  stateLabel: z.string(),
  version: z.number(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  lateDays: z.number().nullable(),
  returnReason: z.string().nullable(),
  returnedByRole: z.enum(['unit_head', 'office']).nullable(),
});

export const reportItemSchema = z.object({
  progressId: z.number(),
  taskId: z.number(),
  annexNo: z.number(),
  seq: z.string(),
  standard: z.string(),
  unitRole: z.enum(['lead', 'co']),
  /** The ledger version reported against, and whether the task changed since (target adjusted). */
  taskVersion: z.number(),
  taskChangedSince: z.boolean(),
  status: z.enum(PROGRESS_STATUSES),
  statusLabel: z.string(),
  narrative: z.string(),
  problems: z.string(),
  nextSteps: z.string(),
  officeComment: z.string().nullable(),
  version: z.number(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string(),
  indicators: z.array(
    z.object({ id: z.number(), name: z.string(), target: z.number(), unit: z.string(), qualifier: z.string().nullable(), actual: z.number().nullable() }),
  ),
  coParts: z.array(z.object({ unitName: z.string(), reportState: z.string(), status: z.string(), narrative: z.string(), problems: z.string() })),
  evidence: z.array(z.object({ id: z.number(), fileName: z.string(), size: z.number(), contentType: z.string() })),
});

export const reportViewSchema = z.object({
  report: reportSummarySchema,
  items: z.array(reportItemSchema),
  /** Leaders' instructions (批示) on this report. */
  instructions: z.array(z.object({ id: z.number(), authorName: z.string(), body: z.string(), createdAt: z.string() })),
});

export const progressBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(PROGRESS_STATUSES),
  narrative: z.string().max(5000),
  problems: z.string().max(5000).default(''),
  nextSteps: z.string().max(5000).default(''),
  actuals: z.array(z.object({ indicatorId: z.number().int().positive(), value: z.number().finite().nullable() })).max(50).default([]),
});

export const transitionBody = z.object({
  version: z.number().int().positive(),
  reason: z.string().trim().max(2000).optional(),
  taskReasons: z.array(z.object({ taskId: z.number().int().positive(), reason: z.string().trim().max(2000) })).max(500).optional(),
});

export const periodReportRowSchema = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  reportId: z.number().nullable(),
  state: z.string(),
  stateLabel: z.string(),
  lateDays: z.number().nullable(),
  approvedAt: z.string().nullable(),
});
