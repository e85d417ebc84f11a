import { z } from 'zod';
import { dbId, isoDate, nameField } from './common';

/** An action code as the server writes them (auth.sign_in, task.indicator.update). */
const actionCode = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, { error: 'an action code such as progress.save' });

/**
 * The log, newest first, narrowed by person (an account, or a name the system wrote without one),
 * action (several, comma-separated), object type and date range (Beijing dates, both included;
 * the entries' system time). A page holds `limit` lines; autosaves of one item grouped into one
 * line count once.
 */
export const auditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    beforeId: dbId().optional(),
    actorUserId: dbId().optional(),
    actorName: nameField(100).optional(),
    actions: z
      .string()
      .max(2000)
      .transform((s) => s.split(',').map((a) => a.trim()).filter(Boolean))
      .pipe(z.array(actionCode).max(100))
      .optional(),
    entity: z.string().regex(/^[a-z_]+$/, { error: 'an object type such as task_progress' }).optional(),
    from: isoDate().optional(),
    to: isoDate().optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => q.actorUserId === undefined || q.actorName === undefined, { message: 'give actorUserId or actorName, not both', path: ['actorName'] });

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

/** Who acted, as people know them: the account's current name and role, or the name the system wrote. */
export const auditActorSchema = z.object({
  userId: z.number().nullable(),
  name: z.string(),
  username: z.string().nullable(),
  /** 督查室, 单位经办人 …; null for the system itself (CLI, schedule, demo seed). */
  roleLabel: z.string().nullable(),
  /** The name written into the entry at the time (kept by the chain; the account may be renamed since). */
  recordedName: z.string(),
});

/**
 * One line of the log: one entry, or several autosaves of one item by one person (`grouped`,
 * entries newest first). id/at are the newest entry's, firstAt the oldest's.
 */
export const auditLineSchema = z.object({
  id: z.number(),
  at: z.string(),
  firstAt: z.string(),
  grouped: z.boolean(),
  count: z.number(),
  action: z.string(),
  actionLabel: z.string(),
  actor: auditActorSchema,
  entity: z.string(),
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  /** The object's name (附件2·3 …, 区交通运输局 · 2024年第二季度报告); null when it has none. */
  objectName: z.string().nullable(),
  entries: z.array(auditEntrySchema),
});

export const auditActorsSchema = z.object({ items: z.array(auditActorSchema.omit({ recordedName: true }).extend({ entries: z.number() })) });

export const auditListSchema = z.object({ lines: z.array(auditLineSchema), nextBeforeId: z.number().nullable() });

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
