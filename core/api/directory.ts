import { z } from 'zod';
import { nameField, orgRef, roleSchema } from './common';

export const unitSchema = z.object({ id: z.number(), name: z.string(), aliases: z.array(z.string()) });
export const unitDetailSchema = unitSchema.extend({
  people: z.array(z.object({ id: z.number(), displayName: z.string(), role: roleSchema, roleLabel: z.string() })),
});
export const unitBody = z.object({
  name: nameField(),
  aliases: z.array(nameField()).max(20).default([]),
});
export const unitPatch = z.object({ name: nameField().optional(), aliases: z.array(nameField()).max(20).optional() });

export const leaderSchema = z.object({ id: z.number(), name: z.string(), title: z.string() });
export const leaderBody = z.object({ name: nameField(20), title: z.string().trim().max(100).default('') });
export const leaderPatch = z.object({ name: nameField(20).optional(), title: z.string().trim().max(100).optional() });

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  disabled: z.boolean(),
  /** For e-mail reminders; null when the person has none. */
  email: z.string().nullable(),
});
/** An e-mail address for reminders, or null (or "") for none. */
export const emailField = z
  .union([z.literal(''), z.email().max(254)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null));
export const usernameField = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, dot, dash or underscore; 2–64 characters');
export const userBody = z.object({
  username: usernameField,
  displayName: nameField(50),
  role: roleSchema,
  unitId: z.number().int().positive().nullable().optional(),
  leaderId: z.number().int().positive().nullable().optional(),
  password: z.string().min(1).max(256),
  email: emailField.optional(),
});
export const userPatch = z.object({
  displayName: nameField(50).optional(),
  role: roleSchema.optional(),
  unitId: z.number().int().positive().nullable().optional(),
  leaderId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  email: emailField.optional(),
});
export const resetPasswordBody = z.object({ password: z.string().min(1).max(256) });

export const currentOrgSchema = z.object({
  org: orgRef.extend({ path: z.array(orgRef) }),
  stats: z.object({ units: z.number(), leaders: z.number(), users: z.number() }),
});
