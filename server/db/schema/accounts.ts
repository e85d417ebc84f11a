import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt } from './columns';

// Accounts and what signing in keeps: sessions, lockout, password history, rate limits, the second factor.

export interface UsersTable {
  id: Id;
  org_id: number;
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  leader_id: number | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  /** Consecutive failed sign-ins; reset by a successful one. */
  failed_sign_ins: Generated<number>;
  /** Sign-in is refused until this instant (ISO) after too many failures; null when not locked. */
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** For the e-mail reminder channel; optional. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  /** Mobile number (手机号), 11 digits; optional (migration 0021). */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** Edit version (migration 0025): raised by every edit of the details, role or state. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: string;
}

/**
 * A change that lets someone sign in or grants a role (migration 0025, issue 17 finding 4): proposed
 * by the system administrator, applied only when the security administrator approves it.
 */
export interface AccountRequestsTable {
  id: Id;
  org_id: number;
  /** 'create' | 'role' | 'reset_password' | 'enable' | 'import' */
  kind: string;
  /** The account concerned; null for 'create' and 'import' (it does not exist yet). */
  user_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** The account's version when proposed: a role change over a newer edit is refused at approval. */
  target_version: ColumnType<number | null, number | null | undefined, number | null>;
  /** The proposed change as JSON text; never a password. */
  payload: string;
  reason: Generated<string>;
  /** 'pending' | 'approved' | 'rejected' */
  status: Generated<string>;
  proposed_by: number;
  proposed_at: CreatedAt;
  decided_by: ColumnType<number | null, number | null | undefined, number | null>;
  decided_at: ColumnType<string | null, string | null | undefined, string | null>;
  decision_note: Generated<string>;
}

export interface RateLimitsTable {
  bucket: string;
  client: string;
  window_no: number;
  hits: number;
}

export interface PasswordHistoryTable {
  id: Id;
  user_id: number;
  password_hash: string;
  created_at: CreatedAt;
}

/** A person's TOTP second factor: pending (enabled 0) from setup until confirmed with a code. */
export interface UserTotpTable {
  user_id: number;
  /** Base32; the authenticator app holds the same. Never leaves the server after setup. */
  secret: string;
  enabled: number;
  /** The last time step whose code was accepted: a code (or an earlier one) is refused after it. */
  last_used_step: ColumnType<number | null, number | null | undefined, number | null>;
  enabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** One-time recovery codes, stored only as hashes; used_at set when spent. */
export interface TotpRecoveryCodesTable {
  id: Id;
  user_id: number;
  code_hash: string;
  used_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  /** 'password' | 'oidc' | 'wecom' | 'dingtalk' (migration 0028): the forced password change applies to 'password' only. */
  method: Generated<string>;
}
