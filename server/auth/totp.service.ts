import type { Role } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { User } from '../db/schema';
import { findUser } from '../directory/users.repository';
import { AppError } from '../errors/app-error';
import { roleMayDo } from '../policies/policy';
import { settleSuccess } from './attempts';
import { verifyPassword } from './password';
import { failReauth, reserveReauth } from './reauth';
import { openSecret, sealSecret, secretKey } from './secret-box';
import { deleteSessionsOfUser } from './session.repository';
import { sha256 } from './tokens';
import { looksLikeRecoveryCode, matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUri } from './totp';

/** Whether a role is offered the second factor (the office and the three system roles). */
export function mayEnrolTotp(role: Actor['role']): boolean {
  return role !== 'system' && roleMayDo(role as Role, 'mfa.self');
}

/** The confirmed second factor of a person, if any (a pending setup does not count), its secret unsealed. */
export async function findEnabledTotp(ctx: Pick<AppContext, 'db' | 'config'>, userId: number) {
  const row = await ctx.db.selectFrom('user_totp').select(['secret', 'last_used_step']).where('user_id', '=', userId).where('enabled', '=', 1).executeTakeFirst();
  return row && { ...row, secret: openSecret(secretKey(ctx.config), row.secret) };
}

export async function totpStatus(db: Db, userId: number) {
  const row = await db.selectFrom('user_totp').select(['enabled', 'enabled_at']).where('user_id', '=', userId).executeTakeFirst();
  const enabled = row?.enabled === 1;
  const left = enabled
    ? await db.selectFrom('totp_recovery_codes').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).where('used_at', 'is', null).executeTakeFirstOrThrow()
    : null;
  return { enabled, enabledAt: enabled ? row!.enabled_at : null, recoveryCodesLeft: left ? Number(left.n) : null };
}

// Recovery codes carry 60 random bits, so a fast hash is enough; the user id salts it so equal
// codes of two people (or a table of precomputed hashes) tell nothing.
const recoveryHash = (userId: number, code: string) => sha256(`${userId}:${normaliseRecoveryCode(code)}`);

export type SecondFactorOutcome = 'totp' | 'recovery' | 'invalid' | 'replayed';

/**
 * Checks a 6-digit code or a recovery code and spends it. Both spends are conditional updates, so
 * two requests with the same code (two tabs, two app instances) cannot both succeed.
 */
export async function spendSecondFactor(db: Db, userId: number, secret: string, code: string, nowMs: number): Promise<SecondFactorOutcome> {
  const typed = code.trim();
  if (looksLikeRecoveryCode(typed)) {
    const hash = recoveryHash(userId, typed);
    const spent = await db
      .updateTable('totp_recovery_codes')
      .set({ used_at: new Date(nowMs).toISOString() })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(spent.numUpdatedRows) > 0) return 'recovery';
    const known = await db.selectFrom('totp_recovery_codes').select('id').where('user_id', '=', userId).where('code_hash', '=', hash).executeTakeFirst();
    return known ? 'replayed' : 'invalid';
  }
  const step = matchTotp(secret, typed, nowMs);
  if (step === null) return 'invalid';
  const moved = await db
    .updateTable('user_totp')
    .set({ last_used_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(moved.numUpdatedRows) > 0 ? 'totp' : 'replayed';
}

/** Step 1: a new secret, pending until a code from it is confirmed. Starting again replaces it. */
export async function startTotpSetup(ctx: AppContext, actor: Actor & { userId: number; orgId: number }) {
  const user = (await findUser(ctx.db, actor.userId))!;
  const secret = newTotpSecret();
  await inTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('user_totp').select('enabled').where('user_id', '=', user.id).executeTakeFirst();
    if (existing?.enabled === 1) throw new AppError('TOTP_ALREADY_ENABLED');
    // Stored sealed: a copy of the database alone does not give the codes away.
    const sealed = sealSecret(secretKey(ctx.config), secret);
    if (existing) await trx.updateTable('user_totp').set({ secret: sealed, last_used_step: null }).where('user_id', '=', user.id).execute();
    else await trx.insertInto('user_totp').values({ user_id: user.id, secret: sealed, enabled: 0 }).execute();
    // The secret itself is never written to the audit trail.
    await appendAudit(trx, ctx.engine, { actor, orgId: user.org_id, action: 'user.totp_setup', entity: 'user', entityId: user.id });
  });
  return { secret, otpauthUri: otpauthUri(user.username, secret) };
}

/** Step 2: a code from the app proves it holds the secret; the recovery codes are shown once. */
export async function enableTotp(ctx: AppContext, actor: Actor & { userId: number; orgId: number }, code: string): Promise<string[]> {
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('user_totp').select(['secret', 'enabled']).where('user_id', '=', actor.userId).executeTakeFirst();
    if (!row) throw new AppError('TOTP_NOT_STARTED');
    if (row.enabled === 1) throw new AppError('TOTP_ALREADY_ENABLED');
    const step = matchTotp(openSecret(secretKey(ctx.config), row.secret), code.trim(), Date.now());
    if (step === null) throw new AppError('TOTP_CODE_INVALID');
    // The confirming code is spent too: it cannot sign in a second time.
    await trx.updateTable('user_totp').set({ enabled: 1, enabled_at: new Date().toISOString(), last_used_step: step }).where('user_id', '=', actor.userId).execute();
    await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', actor.userId).execute();
    await trx
      .insertInto('totp_recovery_codes')
      .values(recoveryCodes.map((c) => ({ user_id: actor.userId, code_hash: recoveryHash(actor.userId, c) })))
      .execute();
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'user.totp_enable', entity: 'user', entityId: actor.userId, after: { recoveryCodes: recoveryCodes.length } });
  });
  return recoveryCodes;
}

/**
 * Turning it off asks for both factors, so a session left open is not enough. Both are checked on
 * the sign-in lockout count, and one answer covers either being wrong: a right password is not
 * confirmed by a "wrong code" (issue 17, finding 5).
 */
export async function disableTotp(ctx: AppContext, actor: Actor & { userId: number; orgId: number }, input: { password: string; code: string; ip?: string | null }) {
  const ip = input.ip ?? null;
  const totp = await findEnabledTotp(ctx, actor.userId);
  if (!totp) throw new AppError('TOTP_NOT_ENABLED');
  const attempt = await reserveReauth(ctx, actor, 'totp_disable', ip);
  const user = (await findUser(ctx.db, actor.userId))!;
  const passwordRight = await verifyPassword(user.password_hash, input.password);
  const outcome = await inTransaction(ctx, async (trx) => {
    // With a wrong password the code is not spent (nor even tried): it stays good for the next attempt.
    if (!passwordRight) return 'invalid' as const;
    const spent = await spendSecondFactor(trx, user.id, totp.secret, input.code, Date.now());
    if (spent === 'invalid' || spent === 'replayed') return spent;
    await settleSuccess(trx, attempt);
    await removeTotp(trx, user.id);
    await appendAudit(trx, ctx.engine, { actor, orgId: user.org_id, action: 'user.totp_disable', entity: 'user', entityId: user.id, after: { with: spent } });
    return 'ok' as const;
  });
  if (outcome !== 'ok') await failReauth(ctx, attempt, actor, 'totp_disable', ip, true);
}

/**
 * The security administrator removes a person's second factor (a lost or replaced phone) after
 * checking who is asking. The person's sessions end: whoever holds one may not be that person.
 */
export async function resetTotp(ctx: AppContext, actor: Actor, user: User) {
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('user_totp').select('enabled').where('user_id', '=', user.id).executeTakeFirst();
    if (!row) throw new AppError('TOTP_NOT_ENABLED');
    await removeTotp(trx, user.id);
    await deleteSessionsOfUser(trx, user.id);
    await appendAudit(trx, ctx.engine, { actor, orgId: user.org_id, action: 'user.totp_reset', entity: 'user', entityId: user.id, before: { enabled: row.enabled === 1 } });
  });
}

/** The people of an organisation who have the second factor on: what the security administrator may reset. */
export function listTotpUsers(db: Db, orgId: number) {
  return db
    .selectFrom('user_totp')
    .innerJoin('users', 'users.id', 'user_totp.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.role', 'user_totp.enabled_at'])
    .where('users.org_id', '=', orgId)
    .where('user_totp.enabled', '=', 1)
    .orderBy('users.id')
    .execute();
}

async function removeTotp(trx: Db, userId: number) {
  await trx.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await trx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
}
