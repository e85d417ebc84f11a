import { typedNameActor, visibleText } from '../../core/audit/typed-name';
import { isRole } from '../../core/roles';
import { actorOfUser, type Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import type { SessionCache } from '../cache/session-cache';
import { inTransaction, type AppContext } from '../context';
import { findUserByUsername } from '../directory/users.repository';
import { AppError } from '../errors/app-error';
import { recordFailure, recordRefused, releaseAttempt, reserveAttempt, settleSuccess } from './attempts';
import { dummyPasswordHash, verifyPassword } from './password';
import * as sessions from './session.repository';
import { randomToken, sha256 } from './tokens';
import { findEnabledTotp, spendSecondFactor } from './totp.service';

export type SignedIn = { actor: Actor; sessionId: string; csrfToken: string; mustChangePassword: boolean };

// Writing last_seen_at on every request would turn every read into a write; once a minute is
// precise enough for an idle timeout measured in minutes.
const TOUCH_INTERVAL_MS = 60_000;

export async function signIn(
  ctx: AppContext,
  input: { username: string; password: string; totpCode?: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; signedIn: SignedIn }> {
  const user = await findUserByUsername(ctx.db, input.username);
  // What the caller typed is evidence, kept bounded and with invisible and reordering characters
  // written out; a name with no account is recorded as typed, never as a name of the system.
  const failedActor = { userId: user?.id ?? null, name: user ? visibleText(input.username) : typedNameActor(input.username), orgId: user?.org_id ?? null, role: 'system' as const, unitId: null, leaderId: null };
  const seen = { username: visibleText(input.username), ip: input.ip === null ? null : visibleText(input.ip), ...(user ? {} : { noSuchAccount: true }) };
  // The attempt is reserved before anything is checked, so parallel requests cannot all be
  // checked against the same "not locked yet" (see attempts.ts).
  const attempt = await reserveAttempt(ctx, user ? { userId: user.id, orgId: user.org_id } : { username: input.username });
  // Every path below verifies one password hash (a fixed one when there is no account or the
  // account is locked), so an unknown name, a locked or disabled account and a wrong password
  // take the same time and get the same answer: to a caller who is not signed in, they are one case.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!attempt.allowed) {
    await recordRefused(ctx, attempt, failedActor, seen);
    throw invalidCredentials(ctx);
  }
  if (!user || !ok || user.disabled || !isRole(user.role)) {
    // A disabled account is a failure like any other (counted, audited for the auditor, with
    // whether the password was right), and its answer does not say that it was right.
    await recordFailure(ctx, attempt, failedActor, user?.disabled ? 'auth.sign_in_disabled' : 'auth.sign_in_failed', user?.disabled ? { ...seen, passwordRight: ok } : seen);
    throw invalidCredentials(ctx);
  }

  const token = randomToken();
  const sessionId = sha256(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ctx.config.session.maxHours * 3_600_000).toISOString();
  const actor = actorOfUser(user);
  // The second factor, when the person turned it on. No code yet is not a failure (the sign-in page
  // asks for it next): the reservation is given back, the count neither grows nor starts again.
  // A wrong or reused code is a failure.
  const totp = await findEnabledTotp(ctx, user.id);
  if (totp && !input.totpCode) {
    await releaseAttempt(ctx, attempt);
    throw new AppError('AUTH_TOTP_REQUIRED');
  }
  const outcome = await inTransaction(ctx, async (trx) => {
    const secondFactor = totp ? await spendSecondFactor(trx, user.id, totp.secret, input.totpCode!, Date.now()) : null;
    if (secondFactor === 'invalid' || secondFactor === 'replayed') return secondFactor;
    await settleSuccess(trx, attempt);
    await sessions.insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: user.org_id,
      action: 'auth.sign_in',
      entity: 'user',
      entityId: user.id,
      after: { ip: input.ip, ...(secondFactor ? { secondFactor } : {}) },
    });
    return 'ok' as const;
  });
  if (outcome !== 'ok') {
    await recordFailure(ctx, attempt, failedActor, outcome === 'replayed' ? 'auth.totp_replayed' : 'auth.totp_failed', seen);
    throw new AppError(outcome === 'replayed' ? 'AUTH_TOTP_REPLAYED' : 'AUTH_TOTP_INVALID');
  }
  return {
    token,
    signedIn: { actor, sessionId, csrfToken, mustChangePassword: user.must_change_password === 1 },
  };
}

/**
 * The one answer to every failed sign-in of a caller who is not signed in: wrong password, no such
 * account, locked or disabled account. It says how the lockout works, so a person who is locked
 * out knows why the right password is refused too.
 */
function invalidCredentials(ctx: AppContext): AppError {
  const { attempts, minutes } = ctx.config.lockout;
  return new AppError('AUTH_INVALID_CREDENTIALS', {
    zh: `连续输错 ${attempts} 次后账号将锁定 ${minutes} 分钟，锁定期间无法登录；如确认密码无误仍无法登录，请稍后再试或联系系统管理员`,
    en: `after ${attempts} failures in a row the account is locked for ${minutes} minutes; if the password is right and sign-in still fails, wait or ask the system administrator`,
  });
}

/** Resolves a cookie token to a live session, enforcing the idle timeout and absolute lifetime. */
export async function resumeSession(ctx: AppContext, token: string, cache?: SessionCache): Promise<SignedIn | 'expired' | null> {
  const sessionId = sha256(token);
  let row = cache ? await cache.find(sessionId) : await sessions.findSessionWithUser(ctx.db, sessionId);
  if (!row) return null;
  const now = Date.now();
  const ended = (r: sessions.SessionWithUser) =>
    now > Date.parse(r.expires_at) || now > Date.parse(r.last_seen_at) + ctx.config.session.idleMinutes * 60_000 || r.disabled || !isRole(r.role);
  // A remembered row may be older than another process's touch: the database decides.
  if (cache && ended(row)) {
    cache.forget(sessionId);
    row = await sessions.findSessionWithUser(ctx.db, sessionId);
    if (!row) return null;
  }
  if (ended(row)) {
    await sessions.deleteSession(ctx.db, sessionId);
    return 'expired';
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    const at = new Date(now).toISOString();
    await sessions.touchSession(ctx.db, sessionId, at);
    cache?.touched(sessionId, at);
  }
  return {
    actor: actorOfUser({ id: row.user_id, ...row }),
    sessionId,
    csrfToken: row.csrf_token,
    // A platform sign-in never used the initial password: its change is asked at a password sign-in.
    mustChangePassword: row.must_change_password === 1 && row.method === 'password',
  };
}

/**
 * Ends this session, or with everywhere every session of the person (a browser left signed in on
 * another computer, a phone that was lost): each process finds them gone at its next request.
 */
export async function signOut(ctx: AppContext, signedIn: SignedIn, opts: { everywhere?: boolean } = {}): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const [ended] = opts.everywhere
      ? await sessions.deleteSessionsOfUser(trx, signedIn.actor.userId!)
      : await sessions.deleteSession(trx, signedIn.sessionId);
    await appendAudit(trx, ctx.engine, {
      actor: signedIn.actor,
      orgId: signedIn.actor.orgId,
      action: opts.everywhere ? 'auth.sign_out_everywhere' : 'auth.sign_out',
      entity: 'user',
      entityId: signedIn.actor.userId,
      ...(opts.everywhere ? { after: { sessionsEnded: Number(ended?.numDeletedRows ?? 0) } } : {}),
    });
  });
}
