import { type AccountRequestKind } from '../../core/api/account-requests';
import { isRole, type Role } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password';
import { deleteSessionsOfUser } from '../auth/session.repository';
import { deleteIdentity, findIdentity, insertIdentity, type Platform } from '../auth/sso/platform-identities.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { decideAccountRequest, findAccountRequest, type ProposedAccount, type RequestPayload } from './account-requests.repository';
import { proposeInTransaction } from './account-requests.propose';
import { findOrganisation } from './organisations.repository';
import { checkAccountRows } from './users-import-check';
import { renderPasswordsFile } from './users-import-sheet';
import { initialPassword } from './users-import.service';
import * as users from './users.repository';
import { auditUserUpdate, checkAssignment, checkSeparationOfDuties, insertAccount, rememberPassword, staleUser } from './users.service';

/**
 * 账号变更申请 — the two-person rule of 三员分立 (issue 17, finding 4). The system administrator
 * proposes; the security administrator approves or rejects; the proposer never decides their own.
 *
 * Who sees a password: nobody chooses one. It is generated when the request is approved and
 * answered once to the approver, who hands it to the person (who must change it at first sign-in).
 * So the system administrator, who asked for the account or the reset, never holds a working
 * password of anyone; the security administrator, who holds it for the hand-over, cannot create an
 * account or ask for a reset. Signing in as someone else needs both of them.
 */

export type Delivery = {
  accounts: { id: number; username: string; displayName: string; initialPassword: string }[];
  passwordsFile: { name: string; base64: string };
} | null;

function requireRole(role: string): Role {
  if (!isRole(role)) throw new AppError('VALIDATION_FAILED');
  return role;
}

/** A new account, asked for: checked now (name free, unit or leader of this organisation), written at approval. */
export async function proposeCreate(ctx: AppContext, actor: Actor, orgId: number, account: ProposedAccount, reason: string) {
  checkSeparationOfDuties(actor, account.role);
  return inTransaction(ctx, async (trx) => {
    if ((await users.findTakenUsernames(trx, [account.username])).size > 0) {
      throw new AppError('CONFLICT_DUPLICATE', {
        zh: `用户名“${account.username}”已存在（或已在待审批的账号申请中）`,
        en: `username ${account.username} exists or is asked for`,
      });
    }
    const assignment = await checkAssignment(trx, orgId, requireRole(account.role), account.unitId, account.leaderId);
    return proposeInTransaction(trx, ctx, actor, {
      orgId,
      user: null,
      payload: { kind: 'create', account: { ...account, unitId: assignment.unit_id, leaderId: assignment.leader_id } },
      reason,
    });
  });
}

/** A password reset, asked for: the account keeps its password (and its sessions) until approval. */
export async function proposeReset(ctx: AppContext, actor: Actor, user: { id: number; org_id: number; role: string; version: number }, reason: string) {
  checkSeparationOfDuties(actor, user.role);
  return inTransaction(ctx, (trx) => proposeInTransaction(trx, ctx, actor, { orgId: user.org_id, user, payload: { kind: 'reset_password' }, reason }));
}

/**
 * Binding a platform identity (issue 18) lets whoever holds it sign in as the account, so it is a
 * request like a password reset: applied when the security administrator approves. An identity
 * already bound to another account is refused (at proposal and again at approval).
 */
export async function proposeIdentity(
  ctx: AppContext,
  actor: Actor,
  user: { id: number; org_id: number; role: string; version: number },
  change: { kind: 'bind_identity'; platform: Platform; externalId: string } | { kind: 'unbind_identity'; platform: Platform },
  reason: string,
) {
  checkSeparationOfDuties(actor, user.role);
  return inTransaction(ctx, async (trx) => {
    if (change.kind === 'bind_identity') await refuseTakenIdentity(trx, user.id, change.platform, change.externalId);
    return proposeInTransaction(trx, ctx, actor, { orgId: user.org_id, user, payload: change, reason });
  });
}

async function refuseTakenIdentity(trx: Db, userId: number, platform: Platform, externalId: string) {
  const held = await findIdentity(trx, platform, externalId);
  if (held && held.user_id !== userId) throw new AppError('IDENTITY_TAKEN');
}

async function loadPending(trx: Db, actor: Actor, requestId: number) {
  const request = await findAccountRequest(trx, requestId);
  if (!request) throw new AppError('NOT_FOUND');
  if (request.status !== 'pending') throw new AppError('ACCOUNT_REQUEST_DECIDED');
  // The two-person rule itself: whoever proposed a change does not decide it.
  if (actor.userId === null || request.proposed_by === actor.userId) throw new AppError('ACCOUNT_REQUEST_OWN');
  if (actor.role !== 'secadmin') throw new AppError('FORBIDDEN');
  return request;
}

async function passwordsFor(count: number) {
  const passwords = Array.from({ length: count }, () => initialPassword());
  // argon2id is slow on purpose: hash before the transaction, a few at a time on the thread pool.
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map(hashPassword))));
  return { passwords, hashes };
}

/** Approves a pending request and applies it, in one transaction; answers the passwords to hand over, once. */
export async function approveAccountRequest(ctx: AppContext, actor: Actor, requestId: number): Promise<Delivery> {
  const first = await loadPending(ctx.db, actor, requestId);
  const payload = JSON.parse(first.payload) as RequestPayload;
  const needed = payload.kind === 'create' || payload.kind === 'reset_password' ? 1 : payload.kind === 'import' ? payload.rows.length : 0;
  const { passwords, hashes } = await passwordsFor(needed);

  const created = await inTransaction(ctx, async (trx) => {
    const request = await loadPending(trx, actor, requestId);
    // Two approvers at once: only the one that marks it decided applies it.
    if (!(await decideAccountRequest(trx, request.id, { status: 'approved', decidedBy: actor.userId!, note: '' }))) {
      throw new AppError('ACCOUNT_REQUEST_DECIDED');
    }
    const orgId = request.org_id;
    const trace = { requestId: request.id, proposedBy: request.proposed_by };
    const out: NonNullable<Delivery>['accounts'] = [];
    const target = request.user_id === null ? undefined : await users.findUser(trx, request.user_id);
    if (request.user_id !== null && !target) throw new AppError('NOT_FOUND');

    switch (payload.kind) {
      case 'create': {
        const a = payload.account;
        checkSeparationOfDuties(actor, a.role);
        const id = await insertAccount(
          trx,
          ctx,
          actor,
          orgId,
          { ...a, role: requireRole(a.role), passwordHash: hashes[0]!, mustChangePassword: true },
          trace,
        );
        out.push({ id, username: a.username, displayName: a.displayName, initialPassword: passwords[0]! });
        break;
      }
      case 'import': {
        const rows = await checkAccountRows(
          trx,
          orgId,
          payload.rows.map((r) => ({ row: r.row, cells: { 登录名: r.username, 姓名: r.displayName, 角色: r.roleText, 所属单位: r.unitText, 手机号: r.phone ?? '' } })),
          request.id,
        );
        const bad = rows.filter((r) => r.errors.length > 0);
        if (bad.length > 0) {
          throw new AppError('USERS_IMPORT_HAS_ERRORS', {
            zh: `自提交申请以来名录或账号有变化，${bad.length} 行不再有效，未创建任何账号（第 ${bad[0]!.row} 行：${bad[0]!.errors[0]!.message}）。请驳回本申请，由系统管理员修改表格后重新提交`,
            en: `${bad.length} rows are no longer valid; nothing was created`,
          });
        }
        for (const [i, r] of rows.entries()) {
          const id = await insertAccount(
            trx,
            ctx,
            actor,
            orgId,
            { username: r.username, displayName: r.displayName, role: r.role!, unitId: r.unit?.id ?? null, leaderId: r.leader?.id ?? null, phone: r.phone, passwordHash: hashes[i]!, mustChangePassword: true },
            { ...trace, importedFrom: payload.fileName, row: r.row },
          );
          out.push({ id, username: r.username, displayName: r.displayName, initialPassword: passwords[i]! });
        }
        await appendAudit(trx, ctx.engine, {
          actor,
          orgId,
          action: 'user.import',
          entity: 'user',
          entityId: null,
          after: { ...trace, fileName: payload.fileName, count: out.length, users: out.map((c) => ({ id: c.id, username: c.username })) },
        });
        break;
      }
      case 'role': {
        const user = target!;
        checkSeparationOfDuties(actor, user.role, payload.role);
        // Asked for against the account as it was; someone changed it since: decide again on what it is now.
        if (user.version !== request.target_version) throw staleUser(user);
        const role = requireRole(payload.role);
        const assignment = await checkAssignment(trx, orgId, role, payload.unitId, payload.leaderId);
        if (!(await users.updateUserAtVersion(trx, user.id, user.version, { role, ...assignment }))) throw staleUser(user);
        // Sessions made under the old role end: the next sign-in carries the new one.
        await deleteSessionsOfUser(trx, user.id);
        await auditUserUpdate(trx, ctx, actor, user, trace);
        break;
      }
      case 'enable': {
        const user = target!;
        checkSeparationOfDuties(actor, user.role);
        if (!(await users.updateUserAtVersion(trx, user.id, user.version, { disabled: 0 }))) throw staleUser(user);
        await auditUserUpdate(trx, ctx, actor, user, trace);
        break;
      }
      case 'reset_password': {
        const user = target!;
        checkSeparationOfDuties(actor, user.role);
        await rememberPassword(trx, user.id, user.password_hash);
        // A reset also lifts a lockout: the person's identity was checked by both administrators.
        await users.updateUser(trx, user.id, { password_hash: hashes[0]!, must_change_password: 1, failed_sign_ins: 0, locked_until: null });
        await deleteSessionsOfUser(trx, user.id);
        await appendAudit(trx, ctx.engine, { actor, orgId, action: 'user.reset_password', entity: 'user', entityId: user.id, after: trace });
        out.push({ id: user.id, username: user.username, displayName: user.display_name, initialPassword: passwords[0]! });
        break;
      }
      case 'bind_identity': {
        const user = target!;
        checkSeparationOfDuties(actor, user.role);
        await refuseTakenIdentity(trx, user.id, payload.platform, payload.externalId);
        // One identity per platform and account: a new binding replaces the old one.
        await deleteIdentity(trx, user.id, payload.platform);
        await insertIdentity(trx, { org_id: orgId, user_id: user.id, platform: payload.platform, external_id: payload.externalId });
        await appendAudit(trx, ctx.engine, { actor, orgId, action: 'user.identity_bound', entity: 'user', entityId: user.id, after: { platform: payload.platform, externalId: payload.externalId, ...trace } });
        break;
      }
      case 'unbind_identity': {
        const user = target!;
        checkSeparationOfDuties(actor, user.role);
        await deleteIdentity(trx, user.id, payload.platform);
        // Sessions signed in through that platform end with the binding.
        await trx.deleteFrom('sessions').where('user_id', '=', user.id).where('method', '=', payload.platform).execute();
        await appendAudit(trx, ctx.engine, { actor, orgId, action: 'user.identity_unbound', entity: 'user', entityId: user.id, after: { platform: payload.platform, ...trace } });
        break;
      }
    }
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'account_request.approve',
      entity: 'account_request',
      entityId: request.id,
      after: { kind: payload.kind, userIds: out.map((a) => a.id), ...trace },
    });
    return out;
  });
  if (created.length === 0) return null;
  const org = await findOrganisation(ctx.db, first.org_id);
  const file = await renderPasswordsFile(org?.name ?? '', created);
  return { accounts: created, passwordsFile: { name: `账号初始密码-${ctx.clock.today()}.xlsx`, base64: file.toString('base64') } };
}

/** Rejects a pending request: nothing of it is written, and the reason is kept for the proposer. */
export async function rejectAccountRequest(ctx: AppContext, actor: Actor, requestId: number, note: string) {
  await inTransaction(ctx, async (trx) => {
    const request = await loadPending(trx, actor, requestId);
    if (!(await decideAccountRequest(trx, request.id, { status: 'rejected', decidedBy: actor.userId!, note }))) {
      throw new AppError('ACCOUNT_REQUEST_DECIDED');
    }
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: request.org_id,
      action: 'account_request.reject',
      entity: 'account_request',
      entityId: request.id,
      after: { kind: request.kind as AccountRequestKind, userId: request.user_id, proposedBy: request.proposed_by, note },
    });
  });
}

