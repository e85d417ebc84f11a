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
};

/** What the audit log keeps of a user: never the password hash. */
function auditView(u: User) {
  const { password_hash: _hash, ...rest } = u;
  return rest;
}

/**
 * 三员分立: through the API (any actor but the deployment's own CLI), no account of a system role
 * is created, changed, disabled or reset, and no account is given one.
 */
function checkSeparationOfDuties(actor: Actor, ...roles: string[]) {
  if (actor.role === 'system') return;
  if (roles.some((r) => (SYSTEM_ROLES as readonly string[]).includes(r))) throw new AppError('SEPARATION_OF_DUTIES');
}

/** Unit roles need a unit of the same organisation, leaders a leader; other roles neither. */
async function checkAssignment(trx: Db, orgId: number, role: Role, unitId: number | null, leaderId: number | null) {
  if (UNIT_ROLES.includes(role)) {
    const unit = unitId ? await findUnit(trx, unitId) : undefined;
    if (!unit || unit.org_id !== orgId) throw new AppError('UNIT_REQUIRED');
  }
  if (role === 'leader') {
    const leader = leaderId ? await findLeader(trx, leaderId) : undefined;
    if (!leader || leader.org_id !== orgId) throw new AppError('LEADER_REQUIRED');
  }
  return {
    unit_id: UNIT_ROLES.includes(role) ? unitId : null,
    leader_id: role === 'leader' ? leaderId : null,
  };
}

export async function createUser(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  input: UserInput,
  opts: { mustChangePassword?: boolean; checkStrength?: boolean } = {},
) {
  checkSeparationOfDuties(actor, input.role);
  if (opts.checkStrength !== false) checkPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
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
      password_hash: passwordHash,
      // An account created by someone else starts with a password that person knows.
      must_change_password: opts.mustChangePassword === false ? 0 : 1,
      disabled: 0,
      email: input.email ?? null,
    });
    const after = (await users.findUser(trx, id))!;
    await appendAudit(trx, ctx.engine, { actor, orgId, action: 'user.create', entity: 'user', entityId: id, after: auditView(after) });
    return id;
  });
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  before: User,
  patch: { displayName?: string; role?: Role; unitId?: number | null; leaderId?: number | null; disabled?: boolean; email?: string | null },
) {
  checkSeparationOfDuties(actor, before.role, patch.role ?? before.role);
  return inTransaction(ctx, async (trx) => {
    const role = patch.role ?? (before.role as Role);
    const assignment = await checkAssignment(
      trx,
      before.org_id,
      role,
      patch.unitId !== undefined ? patch.unitId : before.unit_id,
      patch.leaderId !== undefined ? patch.leaderId : before.leader_id,
    );
    await users.updateUser(trx, before.id, {
      display_name: patch.displayName ?? before.display_name,
      role,
      ...assignment,
      disabled: patch.disabled === undefined ? before.disabled : patch.disabled ? 1 : 0,
      ...(patch.email !== undefined ? { email: patch.email } : {}),
    });
    // A disabled account, or one whose role changed, must not keep a live session.
    if (patch.disabled || role !== before.role) await deleteSessionsOfUser(trx, before.id);
    const after = (await users.findUser(trx, before.id))!;
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: before.org_id,
      action: 'user.update',
      entity: 'user',
      entityId: before.id,
      before: auditView(before),
      after: auditView(after),
    });
  });
}

export async function resetPassword(ctx: AppContext, actor: Actor, user: User, password: string) {
  checkSeparationOfDuties(actor, user.role);
  checkPasswordStrength(password);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    await rememberPassword(trx, user.id, user.password_hash);
    // A reset also lifts a lockout: the administrator has checked who is asking.
    await users.updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 1, failed_sign_ins: 0, locked_until: null });
    await deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: user.org_id,
      action: 'user.reset_password',
      entity: 'user',
      entityId: user.id,
    });
  });
}

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
