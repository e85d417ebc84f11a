import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

export const raiseCoordinationBody = z.object({
  problem: text(2000),
  departments: z.string().trim().max(500).default(''),
  /** One of the task's leaders in charge; the first when omitted. */
  leaderId: z.number().int().positive().optional(),
});

export const coordinationSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  task: z.object({ annexNo: z.number(), seq: z.string(), standard: z.string() }),
  unit: z.object({ id: z.number(), name: z.string() }),
  leader: z.object({ id: z.number(), name: z.string() }),
  raisedByName: z.string(),
  problem: z.string(),
  departments: z.string(),
  status: z.enum(['open', 'assigned', 'closed']),
  statusLabel: z.string(),
  assignedUnit: z.object({ id: z.number(), name: z.string() }).nullable(),
  resolution: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  comments: z.array(z.object({ authorName: z.string(), body: z.string(), createdAt: z.string() })),
});

export const assignBody = z.object({ unitId: z.number().int().positive(), comment: z.string().trim().max(2000).optional() });
export const commentBody = z.object({ body: text(2000) });
export const closeBody = z.object({ resolution: text(2000) });

export const proposeAdjustmentBody = z
  .object({
    indicatorId: z.number().int().positive().optional(),
    afterText: z.string().trim().max(5000).optional(),
    afterValue: z.number().finite().optional(),
    reason: text(2000),
  })
  .refine((b) => (b.indicatorId !== undefined ? b.afterValue !== undefined : !!b.afterText), {
    message: 'an indicator adjustment needs afterValue; a standard adjustment needs afterText',
  });

export const adjustmentSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  task: z.object({ annexNo: z.number(), seq: z.string() }),
  unitName: z.string(),
  /** 'upstream': proposed by the upper level because it changed the item it handed down (issue 7). */
  source: z.enum(['unit', 'upstream']),
  proposedByName: z.string(),
  indicator: z.object({ id: z.number(), name: z.string(), unit: z.string() }).nullable(),
  beforeText: z.string().nullable(),
  afterText: z.string().nullable(),
  beforeValue: z.number().nullable(),
  afterValue: z.number().nullable(),
  reason: z.string(),
  status: z.enum(['proposed', 'approved', 'rejected']),
  statusLabel: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  resultingVersion: z.number().nullable(),
  createdAt: z.string(),
});

export const decideBody = z.object({ note: z.string().trim().max(2000).default('') });
export const instructionBody = z.object({ body: text(2000) });

export const instructionSchema = z.object({ id: z.number(), authorName: z.string(), body: z.string(), createdAt: z.string() });

export const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});

export const todoSchema = z.object({ kind: z.string(), title: z.string(), detail: z.string(), link: z.string() });
