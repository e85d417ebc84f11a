import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '../roles';

/** Schemas shared by the server (validation, OpenAPI) and any typed client (web, CLI). */
export const idParam = z.object({ id: z.coerce.number().int().positive() });

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
