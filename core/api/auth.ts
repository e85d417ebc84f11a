import { z } from 'zod';
import { orgRef, roleSchema } from './common';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const meSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  roleLabel: z.string(),
  home: z.string(),
  org: orgRef.extend({ path: z.array(orgRef) }),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string(), title: z.string() }).nullable(),
  csrfToken: z.string(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const demoAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      username: z.string(),
      password: z.string(),
      role: roleSchema,
      roleLabel: z.string(),
      displayName: z.string(),
      unitName: z.string().nullable(),
      orgName: z.string(),
    }),
  ),
});
