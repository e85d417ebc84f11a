import { z } from 'zod';
import { isoDate } from './common';

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  beforeId: z.coerce.number().int().positive().optional(),
});

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export const auditListSchema = z.object({ items: z.array(auditEntrySchema), nextBeforeId: z.number().nullable() });

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  firstBrokenId: z.number().nullable(),
  reason: z.string().nullable(),
});


/** The audit export's date range (Beijing dates, both included). */
export const auditExportQuery = z
  .object({ from: isoDate(), to: isoDate() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
