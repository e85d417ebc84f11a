import {
  ACCOUNT_REQUEST_KIND_LABELS,
  ACCOUNT_REQUEST_STATUS_LABELS,
  PLATFORM_LABELS,
  type AccountRequest,
  type AccountRequestKind,
  type AccountRequestStatus,
} from '../../core/api/account-requests';
import { ROLE_LABELS, isRole, type Role } from '../../core/roles';
import type { Db } from '../db/connection';
import type { listAccountRequests, RequestPayload } from '../directory/account-requests.repository';
import { pendingRequestsByUser } from '../directory/account-requests.repository';
import { listLeaders } from '../directory/leaders.repository';
import { listUnits } from '../directory/units.repository';
import type { listUsers } from '../directory/users.repository';
import { presentUser } from './directory';

type UserRow = Awaited<ReturnType<typeof listUsers>>[number];

/** The system administrator's list: each account with its edit version and any change waiting for approval. */
export async function presentAccounts(db: Db, orgId: number, rows: UserRow[]) {
  const pending = await pendingRequestsByUser(db, orgId);
  return rows.map((u) => {
    const p = pending.get(u.id);
    return { ...presentUser(u), version: u.version, pendingRequest: p ? { id: p.id, kindLabel: ACCOUNT_REQUEST_KIND_LABELS[p.kind] } : null };
  });
}

function toRole(role: string): Role {
  if (!isRole(role)) throw new Error(`unknown role: ${role}`);
  return role;
}

/** Requests as the two administrators see them: names resolved from this organisation's directory. */
export async function presentAccountRequests(
  db: Db,
  orgId: number,
  rows: Awaited<ReturnType<typeof listAccountRequests>>,
): Promise<AccountRequest[]> {
  if (rows.length === 0) return [];
  const [units, leaders] = await Promise.all([listUnits(db, orgId), listLeaders(db, orgId)]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
  const targetIds = rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id]));
  const targets = new Map(
    (targetIds.length ? await db.selectFrom('users').selectAll().where('id', 'in', targetIds).execute() : []).map((u) => [u.id, u]),
  );
  const account = (a: { username: string; displayName: string; role: string; unitId: number | null; leaderId: number | null; phone?: string | null }) => {
    const role = toRole(a.role);
    return {
      username: a.username,
      displayName: a.displayName,
      role,
      roleLabel: ROLE_LABELS[role],
      unitName: a.unitId ? (unitName.get(a.unitId) ?? null) : null,
      leaderName: a.leaderId ? (leaderName.get(a.leaderId) ?? null) : null,
      phone: a.phone ?? null,
    };
  };

  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as RequestPayload;
    const t = r.user_id === null ? undefined : targets.get(r.user_id);
    const target = t
      ? {
          id: t.id,
          disabled: t.disabled === 1,
          ...account({ username: t.username, displayName: t.display_name, role: t.role, unitId: t.unit_id, leaderId: t.leader_id, phone: t.phone }),
        }
      : null;
    const accounts =
      payload.kind === 'create'
        ? [account(payload.account)]
        : payload.kind === 'import'
          ? payload.rows.map(account)
          : payload.kind === 'role' && t
            ? [account({ username: t.username, displayName: t.display_name, role: payload.role, unitId: payload.unitId, leaderId: payload.leaderId, phone: t.phone })]
            : [];
    const kind = r.kind as AccountRequestKind;
    const status = r.status as AccountRequestStatus;
    return {
      id: r.id,
      kind,
      kindLabel: ACCOUNT_REQUEST_KIND_LABELS[kind],
      status,
      statusLabel: ACCOUNT_REQUEST_STATUS_LABELS[status],
      target,
      accounts,
      reason: r.reason,
      proposedByName: r.proposed_by_name,
      proposedAt: r.proposed_at,
      decidedByName: r.decided_by_name ?? null,
      decidedAt: r.decided_at,
      decisionNote: r.decision_note,
      identity:
        payload.kind === 'bind_identity' || payload.kind === 'unbind_identity'
          ? { platform: payload.platform, platformLabel: PLATFORM_LABELS[payload.platform], externalId: payload.kind === 'bind_identity' ? payload.externalId : null }
          : null,
    };
  });
}
