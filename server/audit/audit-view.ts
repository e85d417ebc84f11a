import type { z } from 'zod';
import type { auditLineSchema } from '../../core/api/audit';
import { actionLabel, AUTOSAVE_GROUP_LABEL, entityLabel } from '../../core/audit/labels';
import type { Db } from '../db/connection';
import type { AuditEntry } from '../db/schema';
import { actorNames, objectKey, objectNames, typedNameRoleLabel, unique } from './audit-names';
import { listAudit, type AuditFilter } from './audit.repository';
import { autosaveGrouper } from './autosave-groups';
import type { AuditScope } from './scope';

/**
 * A page of the audit log for a person: lines (autosaves of one item by one person grouped), with
 * the names of who acted and of what, in a fixed number of queries — the log in batches, then one
 * query for the accounts and at most one per kind of object on the page.
 */
export type AuditLine = z.infer<typeof auditLineSchema>;

const BATCH = 500;
/**
 * A page stops at `limit` lines, except that it goes on taking the entries that join one of its
 * groups, up to the first that does not (a clerk's hour of typing stays one line). A group whose
 * writes are interleaved with others' exactly at a page's end continues as its own line on the
 * next page; past this many entries a page is cut in any case.
 */
export const MAX_ENTRIES_PER_PAGE = 2000;

export async function auditPage(
  db: Db,
  scope: AuditScope,
  opts: { limit: number; beforeSeq?: number; filter: AuditFilter },
): Promise<{ lines: AuditLine[]; nextBeforeId: number | null }> {
  const grouper = autosaveGrouper<AuditEntry>();
  let cursor = opts.beforeSeq;
  let consumed = 0;
  let lastSeq: number | null = null;
  let more = true;
  read: while (more) {
    const batch = await listAudit(db, { scope, limit: BATCH, beforeSeq: cursor, filter: opts.filter });
    more = batch.length === BATCH;
    for (const row of batch) {
      const full = grouper.lines.length >= opts.limit;
      if ((full && !grouper.wouldJoin(row)) || consumed >= MAX_ENTRIES_PER_PAGE) {
        more = true;
        break read;
      }
      grouper.add(row);
      consumed += 1;
      lastSeq = row.seq;
    }
    if (batch.length) cursor = batch[batch.length - 1]!.seq;
  }
  const lines = await presentLines(db, grouper.lines.map((l) => l.entries));
  return { lines, nextBeforeId: more && lastSeq !== null ? lastSeq : null };
}

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

async function presentLines(db: Db, groups: AuditEntry[][]): Promise<AuditLine[]> {
  const all = groups.flat();
  const actors = await actorNames(db, unique(all.flatMap((e) => (e.actor_user_id !== null ? [e.actor_user_id] : []))));
  // Every entry of a group names the same object: its newest one is enough.
  const objects = await objectNames(db, groups.map((g) => g[0]!));
  return groups.map((entries) => {
    const head = entries[0]!;
    const account = head.actor_user_id !== null ? actors.get(head.actor_user_id) : undefined;
    const grouped = entries.length > 1;
    return {
      id: head.seq,
      at: head.at,
      firstAt: entries[entries.length - 1]!.at,
      grouped,
      count: entries.length,
      action: head.action,
      actionLabel: grouped ? AUTOSAVE_GROUP_LABEL : actionLabel(head.action),
      actor: {
        userId: head.actor_user_id,
        name: account?.name ?? head.actor_name,
        username: account?.username ?? null,
        roleLabel: account?.roleLabel ?? typedNameRoleLabel(head.actor_user_id, head.actor_name),
        recordedName: head.actor_name,
      },
      entity: head.entity,
      entityLabel: entityLabel(head.entity),
      entityId: head.entity_id,
      objectName: head.entity_id === null ? null : (objects.get(objectKey(head.entity, head.entity_id)) ?? null),
      entries: entries.map((r) => ({
        id: r.seq,
        at: r.at,
        actorName: r.actor_name,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        before: parse(r.before_json),
        after: parse(r.after_json),
        hash: r.hash,
      })),
    };
  });
}
