import { SYSTEM_ROLES, UNIT_ROLES, type Role } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../auth/password';
import { deleteSessionsOfUser } from '../auth/session.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { User } from '../db/schema';
import { AppError } from '../errors/app-error';
import { findLeader } from './leaders.repository';
import { proposeInTransaction } from './account-requests.propose';
import { findUnit } from './units.repository';
import * as users from './users.repository';

export type UserInput = {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  leaderId?: number | null;
  password: string;
  /** For e-mail reminders. */
  email?: string | null;
  /** Mobile number (手机号), already normalised. */
  phone?: string | null;
};

/** What the audit log keeps of a user: never the password hash. */
export function auditView(u: User) {
  const { password_hash: _hash, ...rest } = u;
  return rest;
}

/** One `user.update` audit entry: the account before, and as it now reads (plus what caused it, e.g. an approved request); returns the account as it now reads. */
export async function auditUserUpdate(trx: Db, ctx: AppContext, actor: Actor, before: User, trace: Record<string, unknown> = {}) {
  const after = (await users.findUser(trx, before.id))!;
  await appendAudit(trx, ctx.engine, {
    actor,
    orgId: before.org_id,
    action: 'user.update',
    entity: 'user',
    entityId: before.id,
    before: auditView(before),
    after: { ...auditView(after), ...trace },
  });
  return after;
}

/**
 * 三员分立: through the API (any actor but the deployment's own CLI), no account of a system role
 * is created, changed, disabled or reset, and no account is given one.
 */
export function checkSeparationOfDuties(actor: Actor, ...roles: string[]) {
  if (actor.role === 'system') return;
  if (roles.some((r) => (SYSTEM_ROLES as readonly string[]).includes(r))) throw new AppError('SEPARATION_OF_DUTIES');
}

/** Unit roles need a unit of the same organisation, leaders a leader; other roles neither. */
export async function checkAssignment(trx: Db, orgId: number, role: Role, unitId: number | null, leaderId: number | null) {
  if (UNIT_ROLES.includes(role)) {
    const unit = unitId ? await findUnit(trx, unitId) : undefined;
    if (!unit || unit.org_id !== orgId) throw new AppError('UNIT_REQUIRED');
  }
  if (role === 'leader') {
    const leader = leaderId ? await findLeader(trx, leaderId) : undefined;
    if (!leader || leader.org_id !== orgId) throw new AppError('LEADER_REQUIRED');
  }
  return assignmentOf(role, unitId, leaderId);
}

/** The unit and leader a role keeps: a unit for unit roles, a leader for leaders, else neither. */
export function assignmentOf(role: Role, unitId: number | null, leaderId: number | null) {
  return {
    unit_id: UNIT_ROLES.includes(role) ? unitId : null,
    leader_id: role === 'leader' ? leaderId : null,
  };
}

/**
 * Creates an account at once. Only the deployment does this (`duban create-user`, the demo seed,
 * test factories: the 'system' actor); a person's new account is a request the security
 * administrator approves (account-requests.service.ts, issue 17 finding 4), which writes it with
 * insertAccount() below.
 */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  input: UserInput,
  opts: { mustChangePassword?: boolean; checkStrength?: boolean } = {},
) {
  if (actor.role !== 'system') throw new AppError('ACCOUNT_APPROVAL_REQUIRED');
  if (opts.checkStrength !== false) checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, (trx) =>
    insertAccount(trx, ctx, actor, orgId, { ...input, passwordHash, mustChangePassword: opts.mustChangePassword !== false }),
  );
}

/** Writes a new account (inside the caller's transaction) with its `user.create` audit entry. */
export async function insertAccount(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  input: Omit<UserInput, 'password'> & { passwordHash: string; mustChangePassword: boolean },
  auditExtra: Record<string, unknown> = {},
) {
  if (await users.findUserByUsername(trx, input.username)) {
    throw new AppError('CONFLICT_DUPLICATE', { zh: `用户名“${input.username}”已存在`, en: `username ${input.username} exists` });
  }
  const assignment = await checkAssignment(trx, orgId, input.role, input.unitId ?? null, input.leaderId ?? null);
  const id = await users.insertUser(trx, {
    org_id: orgId,
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    ...assignment,
    password_hash: input.passwordHash,
    // An account created by someone else starts with a password that person knows.
    must_change_password: input.mustChangePassword ? 1 : 0,
    disabled: 0,
    email: input.email ?? null,
    phone: input.phone ?? null,
  });
  const after = (await users.findUser(trx, id))!;
  await appendAudit(trx, ctx.engine, { actor, orgId, action: 'user.create', entity: 'user', entityId: id, after: { ...auditView(after), ...auditExtra } });
  return id;
}

export type UserEdit = {
  displayName?: string;
  role?: Role;
  unitId?: number | null;
  leaderId?: number | null;
  disabled?: boolean;
  email?: string | null;
  phone?: string | null;
  /** The version the editor loaded. */
  version: number;
  reason?: string;
};

/**
 * The system administrator's edit of an account. Details (name, e-mail, mobile) and disabling take
 * effect at once: they give nobody a way in. A new role, unit or leader, and enabling a disabled
 * account, grant access: they become a request for the security administrator (issue 17, finding
 * 4), proposed in the same transaction. The edit is refused (STALE_VERSION) when someone else saved
 * the account since the editor loaded it (finding 11). Answers the request's id, if one was made.
 */
export async function editUser(ctx: AppContext, actor: Actor, before: User, patch: UserEdit): Promise<{ requestId: number | null }> {
  checkSeparationOfDuties(actor, before.role, patch.role ?? before.role);
  return inTransaction(ctx, async (trx) => {
    const role = patch.role ?? (before.role as Role);
    const wanted = assignmentOf(
      role,
      patch.unitId !== undefined ? patch.unitId : before.unit_id,
      patch.leaderId !== undefined ? patch.leaderId : before.leader_id,
    );
    const accessChanges = role !== before.role || wanted.unit_id !== before.unit_id || wanted.leader_id !== before.leader_id;
    const enables = patch.disabled === false && before.disabled === 1;
    // Checked before anything is written: a unit or leader of another organisation is refused.
    if (accessChanges) await checkAssignment(trx, before.org_id, role, wanted.unit_id, wanted.leader_id);

    const saved = await users.updateUserAtVersion(trx, before.id, patch.version, {
      display_name: patch.displayName ?? before.display_name,
      disabled: patch.disabled === true ? 1 : before.disabled,
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    });
    if (!saved) throw staleUser(before);
    // A disabled account must not keep a live session.
    if (patch.disabled === true && before.disabled === 0) await deleteSessionsOfUser(trx, before.id);
    const after = await auditUserUpdate(trx, ctx, actor, before);

    let requestId: number | null = null;
    if (accessChanges || enables) {
      requestId = await proposeInTransaction(trx, ctx, actor, {
        orgId: before.org_id,
        user: after,
        payload: accessChanges ? { kind: 'role', role, unitId: wanted.unit_id, leaderId: wanted.leader_id } : { kind: 'enable' },
        reason: patch.reason ?? '',
      });
    }
    return { requestId };
  });
}

export function staleUser(user: { display_name: string }) {
  return new AppError('STALE_VERSION', {
    zh: `保存失败：在您打开之后，他人已先修改了账号“${user.display_name}”，您的修改未保存。请刷新列表，查看对方的修改后再重新编辑`,
    en: 'Someone else changed this account after you loaded it; nothing was saved',
  });
}

/** Password history: the hash being replaced is kept (used by the approval of a reset). */
export { rememberPassword };

export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const user = await users.findUser(ctx.db, actor.userId!);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('AUTH_WRONG_PASSWORD');
  }
  checkPasswordStrength(input.newPassword);
  for (const old of [user.password_hash, ...(await recentPasswordHashes(ctx.db, user.id))]) {
    if (await verifyPassword(old, input.newPassword)) throw new AppError('PASSWORD_REUSED');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (trx) => {
    await rememberPassword(trx, user.id, user.password_hash);
    await users.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 0 });
    // Other sessions of this person end; the one that changed the password stays.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('id', '!=', currentSessionId).execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: user.org_id,
      action: 'user.change_password',
      entity: 'user',
      entityId: user.id,
    });
  });
}

/** How many earlier passwords a new one is checked against: the current one and PASSWORDS_KEPT before it. */
export const PASSWORDS_KEPT = 4;

function recentPasswordHashes(db: Db, userId: number): Promise<string[]> {
  return db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORDS_KEPT)
    .execute()
    .then((rows) => rows.map((r) => r.password_hash));
}

/** Keeps the password being replaced; only the last few are kept. */
async function rememberPassword(trx: Db, userId: number, passwordHash: string) {
  await trx.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash }).execute();
  const keep = await trx.selectFrom('password_history').select('id').where('user_id', '=', userId).orderBy('id', 'desc').limit(PASSWORDS_KEPT).execute();
  await trx
    .deleteFrom('password_history')
    .where('user_id', '=', userId)
    .where('id', 'not in', keep.map((k) => k.id))
    .execute();
}
