import type { Actor } from '../audit/actor';
import { inTransaction, type AppContext } from '../context';
import { findUser } from '../directory/users.repository';
import { AppError } from '../errors/app-error';
import { lockedUntilOf, recordFailure, recordRefused, reserveAttempt, settleSuccess, type Attempt } from './attempts';
import { verifyPassword } from './password';

/**
 * Asking for the current password (and code) inside a session — to change the password or to
 * turn two-step verification off — is a sign-in check too: whoever holds a stolen session must not
 * be able to guess the password there without a count (issue 17, finding 5). So the attempt is
 * reserved on the same lockout count as sign-in, a failure is audited as auth.reauth_failed, and a
 * locked account is refused without a check. (The routes also sit in the per-address sign-in rate limit.)
 */
export type ReauthPurpose = 'change_password' | 'totp_disable';

export type SessionUser = Actor & { userId: number; orgId: number };

/** Reserves an attempt for a signed-in person, or refuses (423: the person is signed in, the lock is theirs to know). */
export async function reserveReauth(ctx: AppContext, actor: SessionUser, purpose: ReauthPurpose, ip: string | null): Promise<Attempt> {
  const attempt = await reserveAttempt(ctx, { userId: actor.userId, orgId: actor.orgId });
  if (!attempt.allowed) {
    await recordRefused(ctx, attempt, actor, { purpose, ip });
    const until = await lockedUntilOf(ctx.db, actor.userId);
    const minutesLeft = until ? Math.max(1, Math.ceil((Date.parse(until) - Date.now()) / 60_000)) : ctx.config.lockout.minutes;
    throw new AppError('AUTH_ACCOUNT_LOCKED', { zh: `约 ${minutesLeft} 分钟后可再试`, en: `try again in about ${minutesLeft} minutes` });
  }
  return attempt;
}

/** A wrong current password or code: counted (the one reaching the limit locks), audited, one answer for both. */
export async function failReauth(ctx: AppContext, attempt: Attempt, actor: SessionUser, purpose: ReauthPurpose, ip: string | null, withCode: boolean): Promise<never> {
  await recordFailure(ctx, attempt, actor, 'auth.reauth_failed', { purpose, ip });
  const { attempts, minutes } = ctx.config.lockout;
  throw new AppError('AUTH_WRONG_PASSWORD', {
    zh: `${withCode ? '当前密码或动态验证码不正确' : '当前密码不正确'}，请核对后重试；连续输错 ${attempts} 次后账号将锁定 ${minutes} 分钟`,
    en: `${withCode ? 'the current password or the code is wrong' : 'the current password is wrong'}; after ${attempts} failures in a row the account is locked for ${minutes} minutes`,
    complete: true,
  });
}

/** Checks the current password before a password change: counted, rate-limited, audited. */
export async function confirmCurrentPassword(ctx: AppContext, actor: SessionUser, password: string, ip: string | null): Promise<void> {
  const attempt = await reserveReauth(ctx, actor, 'change_password', ip);
  const user = await findUser(ctx.db, actor.userId);
  if (!user || !(await verifyPassword(user.password_hash, password))) await failReauth(ctx, attempt, actor, 'change_password', ip, false);
  await inTransaction(ctx, (trx) => settleSuccess(trx, attempt));
}
