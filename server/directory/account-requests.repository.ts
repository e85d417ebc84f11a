import type { AccountRequestKind } from '../../core/api/account-requests';
import type { Db } from '../db/connection';

/** The proposed change, as kept in `account_requests.payload` (never a password). */
export type ProposedAccount = {
  username: string;
  displayName: string;
  role: string;
  unitId: number | null;
  leaderId: number | null;
  email?: string | null;
  phone?: string | null;
};
/**
 * An imported sheet's row: its cells, so that approval checks it again exactly as the preview did,
 * and what they were read as when proposed (for the approver to see).
 */
export type ProposedImportRow = {
  row: number;
  username: string;
  displayName: string;
  roleText: string;
  unitText: string;
  phone: string | null;
  role: string;
  unitId: number | null;
  leaderId: number | null;
};
export type RequestPayload =
  | { kind: 'create'; account: ProposedAccount }
  | { kind: 'role'; role: string; unitId: number | null; leaderId: number | null }
  | { kind: 'reset_password' }
  | { kind: 'enable' }
  | { kind: 'import'; fileName: string; rows: ProposedImportRow[] }
  | { kind: 'bind_identity'; platform: 'oidc' | 'wecom' | 'dingtalk'; externalId: string }
  | { kind: 'unbind_identity'; platform: 'oidc' | 'wecom' | 'dingtalk' };

export function findAccountRequest(db: Db, id: number) {
  return db.selectFrom('account_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAccountRequest(
  db: Db,
  row: { orgId: number; userId: number | null; targetVersion: number | null; payload: RequestPayload; reason: string; proposedBy: number },
): Promise<number> {
  const { id } = await db
    .insertInto('account_requests')
    .values({
      org_id: row.orgId,
      kind: row.payload.kind,
      user_id: row.userId,
      target_version: row.targetVersion,
      payload: JSON.stringify(row.payload),
      reason: row.reason,
      proposed_by: row.proposedBy,
      proposed_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Marks a pending request decided; false when it was no longer pending (decided by someone else
 * in the meantime), so that two approvals of one request never both apply it.
 */
export async function decideAccountRequest(
  db: Db,
  id: number,
  decision: { status: 'approved' | 'rejected'; decidedBy: number; note: string },
): Promise<boolean> {
  const res = await db
    .updateTable('account_requests')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: new Date().toISOString(), decision_note: decision.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

function withNames(db: Db) {
  return db
    .selectFrom('account_requests as r')
    .innerJoin('users as p', 'p.id', 'r.proposed_by')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select(['p.display_name as proposed_by_name', 'd.display_name as decided_by_name']);
}

/** The organisation's requests: the pending ones (oldest first), or the last decided ones. */
export function listAccountRequests(db: Db, orgId: number, which: 'pending' | 'decided') {
  const q = withNames(db).where('r.org_id', '=', orgId);
  return which === 'pending'
    ? q.where('r.status', '=', 'pending').orderBy('r.id').execute()
    : q.where('r.status', '!=', 'pending').orderBy('r.id', 'desc').limit(50).execute();
}

/** One request with its people's names, as the list has it. */
export function accountRequestWithNames(db: Db, id: number) {
  return withNames(db).where('r.id', '=', id).execute();
}

/** The pending request about an account, if any (one at a time per account). */
export function pendingRequestOfUser(db: Db, userId: number) {
  return db
    .selectFrom('account_requests')
    .select(['id', 'kind'])
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** The organisation's accounts that have a pending request, for the user list. */
export async function pendingRequestsByUser(db: Db, orgId: number): Promise<Map<number, { id: number; kind: AccountRequestKind }>> {
  const rows = await db
    .selectFrom('account_requests')
    .select(['id', 'kind', 'user_id'])
    .where('org_id', '=', orgId)
    .where('status', '=', 'pending')
    .where('user_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.user_id!, { id: r.id, kind: r.kind as AccountRequestKind }]));
}

/**
 * Login names asked for by pending new-account requests (usernames are unique system-wide, so any
 * organisation's), but those of `exceptRequestId` — the one being approved.
 */
export async function pendingUsernames(db: Db, exceptRequestId?: number): Promise<Set<string>> {
  let q = db.selectFrom('account_requests').select(['id', 'payload']).where('status', '=', 'pending').where('kind', 'in', ['create', 'import']);
  if (exceptRequestId !== undefined) q = q.where('id', '!=', exceptRequestId);
  const names = new Set<string>();
  for (const r of await q.execute()) {
    const p = JSON.parse(r.payload) as RequestPayload;
    if (p.kind === 'create') names.add(p.account.username);
    if (p.kind === 'import') for (const row of p.rows) names.add(row.username);
  }
  return names;
}
