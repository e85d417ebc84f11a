import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Which entries of the log an auditor reads (issue 17, finding 10).
 *
 * - Their organisation's own entries — a failed sign-in of one of its accounts included, since the
 *   entry carries the account's organisation.
 * - Every auditor, of every organisation: the events of callers who are not signed in and name no
 *   account, which no organisation can be told from — failed sign-ins of names with no account,
 *   the virtual lock of such a name, the per-address rate limits, and platform sign-ins of an
 *   identity bound to no account. An attack on the sign-in page
 *   concerns every organisation, and a deployment whose top organisation has no auditor (the demo's
 *   湖北省) would otherwise show them to nobody.
 * - The top organisation's auditor (the deployment's): also every other entry of no organisation
 *   (restores, generated worlds, the CLI's acts).
 */
export type AuditScope = { orgIds: number[]; includeSystem: boolean; includeUnattributed: boolean };

/**
 * The actions written with no organisation by an unauthenticated caller (attempts.ts, http/rate-limit.ts,
 * auth/sso/platform-sign-in.ts: a platform identity bound to no account).
 */
export const UNATTRIBUTED_ACTIONS = ['auth.sign_in_failed', 'auth.sign_in_locked', 'auth.locked', 'security.rate_limited', 'auth.sso_unbound'] as const;

export function auditScopeOf(org: { id: number; parent_id: number | null }): AuditScope {
  return { orgIds: [org.id], includeSystem: org.parent_id === null, includeUnattributed: true };
}

/** The scope as a condition on audit_log: every reader of the log (page, person filter, export) uses this one. */
export function inAuditScope(eb: ExpressionBuilder<Database, 'audit_log'>, scope: AuditScope) {
  const ors = [eb('audit_log.org_id', 'in', scope.orgIds.length ? scope.orgIds : [-1])];
  if (scope.includeSystem) ors.push(eb('audit_log.org_id', 'is', null));
  else if (scope.includeUnattributed) ors.push(eb.and([eb('audit_log.org_id', 'is', null), eb('audit_log.action', 'in', [...UNATTRIBUTED_ACTIONS])]));
  return eb.or(ors);
}
