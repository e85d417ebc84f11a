import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '../roles';

/** Schemas shared by the server (validation, OpenAPI) and any typed client (web, CLI). */
/** A record id: the databases' ids are 32-bit (PostgreSQL `serial`), so a larger one names nothing. */
export const MAX_DB_ID = 2_147_483_647;
export const dbId = () => z.coerce.number().int().positive().max(MAX_DB_ID);
export const idParam = z.object({ id: dbId() });

/** A calendar date YYYY-MM-DD that exists (2024-13-01 and 2024-02-30 are refused, not rolled over). */
export const isoDate = () => z.iso.date({ error: 'a date YYYY-MM-DD that exists' });

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

export const roleSchema = z.enum(ROLES);

export const orgRef = z.object({ id: z.number(), name: z.string(), level: z.enum(ORG_LEVELS) });

/** A name as people type it: trimmed, no control characters, bounded. */
export const nameField = (max = 100) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });
