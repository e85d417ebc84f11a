// Shapes of what the server sends. They are inferred from the zod schemas in core/api, which the
// server validates its responses against, so a contract change breaks the web build at compile
// time instead of at a clerk's desk. Type-only imports: no zod code reaches the browser bundle.
import type { z } from 'zod';
import type { auditEntrySchema, auditListSchema, auditVerifySchema } from '../../../core/api/audit';
import type { demoAccountsSchema, meSchema } from '../../../core/api/auth';
import type { orgRef } from '../../../core/api/common';
import type {
  currentOrgSchema,
  leaderSchema,
  unitDetailSchema,
  unitSchema,
  userSchema,
} from '../../../core/api/directory';

export type { Role } from '../../../core/roles';

export type Me = z.infer<typeof meSchema>;
export type DemoAccount = z.infer<typeof demoAccountsSchema>['accounts'][number];
export type OrgRef = z.infer<typeof orgRef>;
export type Org = z.infer<typeof currentOrgSchema>['org'];
export type OrgStats = z.infer<typeof currentOrgSchema>['stats'];
export type Unit = z.infer<typeof unitSchema>;
export type UnitDetail = z.infer<typeof unitDetailSchema>;
export type Person = UnitDetail['people'][number];
export type Leader = z.infer<typeof leaderSchema>;
export type User = z.infer<typeof userSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditPage = z.infer<typeof auditListSchema>;
export type AuditVerify = z.infer<typeof auditVerifySchema>;

/** Security settings are shown as a read-only key/value list; new keys appear without a web change. */
export type SecuritySettings = Record<string, unknown>;

export interface ListResponse<T> {
  items: T[];
}

/**
 * A record as read and as saved: with the version the form loaded, so that a save made after
 * someone else's is refused (409 STALE_VERSION) instead of overwriting it (issue 17, finding 11).
 */
export type Versioned<T> = T & { version: number };
