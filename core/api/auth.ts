import { z } from 'zod';
import { orgRef, roleSchema } from './common';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  /** The 6-digit code of the authenticator app, or a recovery code; asked for when the account has two-step verification on. */
  totpCode: z.string().trim().min(1).max(32).optional(),
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
  /** Two-step verification (TOTP): whether it is on, and whether this role is offered it. */
  totp: z.object({ enabled: z.boolean(), mayEnrol: z.boolean() }),
  /**
   * The business calendar (server/clock.ts) the work's dates are on: `today` (YYYY-MM-DD, Beijing),
   * `fixed` when DUBAN_TODAY (or the demo) holds it on one date instead of following the real date,
   * `demo` when this is the demo. The web shows the date in the header when it differs from the real
   * one, and reads "now" the way the server does (the fixed date at the current time of day).
   */
  businessClock: z.object({ today: z.string(), fixed: z.boolean(), demo: z.boolean() }),
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

/** What 账号安全 shows about two-step verification. */
export const totpStatusSchema = z.object({
  enabled: z.boolean(),
  mayEnrol: z.boolean(),
  enabledAt: z.string().nullable(),
  /** Unused recovery codes; null when two-step verification is off. */
  recoveryCodesLeft: z.number().nullable(),
});
export type TotpStatus = z.infer<typeof totpStatusSchema>;

/** The secret of a setup in progress: shown once, for the QR code or typing into the app. */
export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;

const sixDigits = z.string().trim().regex(/^\d{6}$/, '请输入 6 位数字验证码');

export const totpEnableBody = z.object({ code: sixDigits });
export const totpEnabledSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const totpDisableBody = z.object({
  password: z.string().min(1).max(256),
  /** A 6-digit code or a recovery code. */
  code: z.string().trim().min(1).max(32),
});

/** The accounts of the organisation with two-step verification on (the security administrator's list). */
export const totpUsersSchema = z.object({
  items: z.array(
    z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: roleSchema, roleLabel: z.string(), enabledAt: z.string().nullable() }),
  ),
});
