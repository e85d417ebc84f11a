import { createHash } from 'node:crypto';
import type { AuditEntry } from '../db/schema';

export const GENESIS_HASH = '0'.repeat(64);

type Hashed = Omit<AuditEntry, 'id' | 'hash'>;

/**
 * The hash covers every field a reader relies on, in a fixed order, plus the previous entry's
 * hash: editing any field of any entry, or removing one, breaks the chain from there on.
 */
export function auditHash(e: Hashed): string {
  const canonical = JSON.stringify([
    e.seq,
    e.org_id,
    e.at,
    e.actor_user_id,
    e.actor_name,
    e.action,
    e.entity,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
