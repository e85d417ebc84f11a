import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '../roles';

/** Schemas shared by the server (validation, OpenAPI) and any typed client (web, CLI). */
/** A record id: the databases' ids are 32-bit (PostgreSQL `serial`), so a larger one names nothing. */
export const MAX_DB_ID = 2_147_483_647;
export const dbId = () => z.coerce.number().int().positive().max(MAX_DB_ID);
export const idParam = z.object({ id: dbId() });

/** A calendar date YYYY-MM-DD that exists (2024-13-01 and 2024-02-30 are refused, not rolled over). */
export const isoDate = () => z.iso.date({ error: 'a date YYYY-MM-DD that exists' });

/**
 * The version of a record an edit was made against (issue 17, finding 11): the server refuses the
 * save (409 STALE_VERSION) when someone else saved since. 0 is a setting or scheme never saved.
 */
export const editVersion = () => z.number().int().min(0).max(MAX_DB_ID);
/** A setting as read, with its version. */
export const withVersion = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => versioned(schema, z.number());
/** A setting as saved, with the version the editor loaded (the schema's own refinements kept: safeExtend). */
export const withEditVersion = <T extends z.ZodRawShape>(schema: z.ZodObject<T>) => versioned(schema, editVersion());
// safeExtend's generic shape check cannot see that `version` is new to an arbitrary shape; the result's type is spelt out.
const versioned = <T extends z.ZodRawShape>(schema: z.ZodObject<T>, version: z.ZodNumber) =>
  schema.safeExtend({ version } as never) as unknown as z.ZodObject<T & { version: z.ZodNumber }>;

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
