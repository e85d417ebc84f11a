import type { Id } from './columns';

// The hash-chained audit log and its head anchor.

export interface AuditLogTable {
  id: Id;
  /** Position in the hash chain, gap-free: a deleted entry shows as a missing number. */
  seq: number;
  org_id: number | null;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}
