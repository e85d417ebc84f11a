import { z } from 'zod';
import { editVersion, nameField, orgRef, roleSchema } from './common';

/** version: what an edit sends back (unitPatch), so a save over someone else's newer one is refused. */
export const unitSchema = z.object({ id: z.number(), name: z.string(), aliases: z.array(z.string()), version: z.number() });
export const unitDetailSchema = unitSchema.extend({
  people: z.array(z.object({ id: z.number(), displayName: z.string(), role: roleSchema, roleLabel: z.string() })),
});
export const unitBody = z.object({
  name: nameField(),
  aliases: z.array(nameField()).max(20).default([]),
});
export const unitPatch = z.object({ name: nameField().optional(), aliases: z.array(nameField()).max(20).optional(), version: editVersion() });

export const leaderSchema = z.object({ id: z.number(), name: z.string(), title: z.string(), version: z.number() });
export const leaderBody = z.object({ name: nameField(20), title: z.string().trim().max(100).default('') });
export const leaderPatch = z.object({ name: nameField(20).optional(), title: z.string().trim().max(100).optional(), version: editVersion() });

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
  /** Mobile number (手机号); null when none was given. */
  phone: z.string().nullable(),
  /** The edit version: a change is sent with it and refused (STALE_VERSION) over someone else's newer edit. */
  version: z.number(),
  /** A change waiting for the security administrator's approval (账号变更申请), if any. */
  pendingRequest: z.object({ id: z.number(), kindLabel: z.string() }).nullable(),
});
/** An e-mail address for reminders, or null (or "") for none. */
export const emailField = z
  .union([z.literal(''), z.email().max(254)])
  .nullable()
  .transform((v) => (v ? v.toLowerCase() : null));
/** A mainland mobile number: 11 digits starting 13–19 (spaces, dashes and +86 are taken off first). */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export function normalisePhone(text: string): string {
  return text.replace(/[\s\u3000-]/g, '').replace(/^(\+86|0086)/, '');
}
export const phoneField = z
  .string()
  .transform(normalisePhone)
  .refine((v) => v === '' || PHONE_PATTERN.test(v), '11 digits starting with 1')
  .nullable()
  .transform((v) => v || null);
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
  email: emailField.optional(),
  phone: phoneField.optional(),
  /** Why the account is asked for, for the security administrator who approves it. */
  reason: z.string().trim().max(200).default(''),
});
export const userPatch = z.object({
  displayName: nameField(50).optional(),
  role: roleSchema.optional(),
  unitId: z.number().int().positive().nullable().optional(),
  leaderId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  email: emailField.optional(),
  phone: phoneField.optional(),
  /** The version the editor loaded (issue 17, finding 11). */
  version: editVersion(),
  /** Why a role change or re-enabling is asked for (it waits for the security administrator). */
  reason: z.string().trim().max(200).default(''),
});

export const currentOrgSchema = z.object({
  org: orgRef.extend({ path: z.array(orgRef) }),
  stats: z.object({ units: z.number(), leaders: z.number(), users: z.number() }),
});
