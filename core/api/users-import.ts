import { z } from 'zod';
import { roleSchema } from './common';

/**
 * Unit accounts in bulk (issue 15): the system administrator uploads the account template; the
 * preview checks every row and writes nothing; the import asks for all rows or none, as one request
 * the security administrator approves (core/api/account-requests.ts, issue 17 finding 4).
 */

/** The template's columns, in order; the header row is matched by these words. */
export const USER_IMPORT_COLUMNS = ['登录名', '姓名', '角色', '所属单位', '手机号'] as const;
export type UserImportColumn = (typeof USER_IMPORT_COLUMNS)[number];

/**
 * Guards on the upload: an account sheet of a whole district (~150 units, a clerk and a head each)
 * is about 300 rows, well under 100 KB. Rows are capped by time, not size: each account's argon2id
 * hash takes ~45 ms on a 2-core server: 500 rows imported in 28 s in one request, 2,000 in 106 s
 * (measured under a concurrent CI run) — past what a proxy waits. A larger list goes in several files.
 */
export const USER_IMPORT_LIMITS = { maxFileBytes: 2 * 1024 * 1024, maxRows: 500 } as const;

export const userImportProblemSchema = z.object({
  /** The column the problem is in (its header word), or null for the whole row. */
  column: z.enum(USER_IMPORT_COLUMNS).nullable(),
  /** What is wrong and how to fix it, in Chinese. */
  message: z.string(),
});

export const userImportRowSchema = z.object({
  /** The row number as Excel shows it. */
  row: z.number(),
  username: z.string(),
  displayName: z.string(),
  /** The role as written; `role` is what it was read as, null when not recognised. */
  roleText: z.string(),
  role: roleSchema.nullable(),
  unitText: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }).nullable(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  phone: z.string().nullable(),
  errors: z.array(userImportProblemSchema),
});

export const userImportPreviewSchema = z.object({
  fileName: z.string(),
  rows: z.array(userImportRowSchema),
  /** Rows with at least one problem; the import is refused until it is 0. */
  errorRows: z.number(),
});
