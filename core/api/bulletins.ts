import { z } from 'zod';
import { isoDate } from './common';
import { PROGRESS_STATUSES } from '../reporting/states';

const light = z.enum(['blue', 'green', 'yellow', 'red', 'grey']);
const lightRecord = <T extends z.ZodType>(v: T) => z.object({ blue: v, green: v, yellow: v, red: v, grey: v });

const taskRef = z.object({
  taskId: z.number(),
  annexNo: z.number(),
  seq: z.string(),
  standard: z.string(),
  unitName: z.string().nullable(),
  reportId: z.number().nullable(),
  progressId: z.number().nullable(),
});

/** core/bulletins/figures.ts BulletinFigures, for validation and the OpenAPI document. */
export const bulletinFiguresSchema = z.object({
  periodId: z.number(),
  periodLabel: z.string(),
  deadline: z.string(),
  asOf: z.string(),
  year: z.number(),
  notice: z.object({ id: z.number(), title: z.string(), docNumber: z.string().nullable() }),
  lights: z.object({ counts: lightRecord(z.number()).extend({ total: z.number() }), taskIds: lightRecord(z.array(z.number())) }),
  reporting: z.object({
    expected: z.number(),
    onTime: z.number(),
    late: z.number(),
    missing: z.number(),
    pending: z.number(),
    exempt: z.number().optional(),
    returned: z.number().optional(),
    units: z.array(
      z.object({
        unitId: z.number(),
        unitName: z.string(),
        status: z.enum(['on_time', 'late', 'missing', 'pending', 'exempt']),
        reportId: z.number().nullable(),
        lateDays: z.number().nullable(),
        approvedAt: z.string().nullable(),
        reachedOn: z.string().nullable().optional(),
        stateLabel: z.string().optional(),
        returned: z.boolean().optional(),
        text: z.string().optional(),
        timelinessLabel: z.string().optional(),
      }),
    ),
  }),
  completed: z.array(taskRef),
  behind: z.array(taskRef.extend({ light, reasons: z.array(z.string()), leaders: z.array(z.string()), units: z.array(z.string()) })),
  behindTotal: z.object({ red: z.number(), yellow: z.number() }),
  highlightCandidates: z.array(taskRef.extend({ status: z.enum(PROGRESS_STATUSES), narrative: z.string(), exceeded: z.boolean() })),
});

export const bulletinSummarySchema = z.object({
  id: z.number(),
  periodId: z.number(),
  periodLabel: z.string(),
  year: z.number(),
  issueNo: z.number(),
  docNumber: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'published']),
  statusLabel: z.string(),
  issueDate: z.string(),
  createdByName: z.string(),
  publishedAt: z.string().nullable(),
  publishedByName: z.string().nullable(),
});

export const bulletinSchema = bulletinSummarySchema.extend({
  version: z.number(),
  issuerMark: z.string(),
  addressee: z.string(),
  body: z.string(),
  signature: z.string(),
  figures: bulletinFiguresSchema,
  highlightProgressIds: z.array(z.number()),
});

export const createBulletinBody = z.object({ periodId: z.number().int().positive() });

const line = (max: number) => z.string().trim().min(1).max(max);

export const updateBulletinBody = z.object({
  version: z.number().int().positive(),
  issuerMark: line(60),
  docNumber: line(60),
  title: line(200),
  addressee: z.string().trim().max(200),
  body: line(50_000),
  signature: line(60),
  issueDate: isoDate(),
  highlightProgressIds: z.array(z.number().int().positive()).max(50),
});

/** Re-reads the figures from the reports and rewrites the text (the office's edits are replaced). */
export const regenerateBulletinBody = z.object({ version: z.number().int().positive(), highlightProgressIds: z.array(z.number().int().positive()).max(50) });

export const publishBulletinBody = z.object({ version: z.number().int().positive() });
