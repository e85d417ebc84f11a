import { isRole } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { findUserByUsername } from '../directory/users.repository';
import { AppError } from '../errors/app-error';
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
  const failedActor = { userId: user?.id ?? null, name: input.username, orgId: user?.org_id ?? null, role: 'system' as const, unitId: null, leaderId: null };
  // A locked account is not even tried: guessing stops there, whatever the password.
  if (user?.locked_until && Date.parse(user.locked_until) > Date.now()) {
    await inTransaction(ctx, (trx) =>
      appendAudit(trx, ctx.engine, { actor: failedActor, orgId: user.org_id, action: 'auth.sign_in_locked', entity: 'user', entityId: user.id, after: { ip: input.ip, lockedUntil: user.locked_until } }),
    );
    const minutesLeft = Math.max(1, Math.ceil((Date.parse(user.locked_until) - Date.now()) / 60_000));
    throw new AppError('AUTH_ACCOUNT_LOCKED', { zh: `约 ${minutesLeft} 分钟后可再次登录`, en: `try again in about ${minutesLeft} minutes` });
  }
  const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok) {
    await recordFailedSignIn(ctx, user ?? null, failedActor, { username: input.username, ip: input.ip }, 'auth.sign_in_failed');
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  if (user.disabled) throw new AppError('AUTH_ACCOUNT_DISABLED');
  if (!isRole(user.role)) throw new AppError('FORBIDDEN', { en: `unknown role ${user.role}` });

  const token = randomToken();
  const sessionId = sha256(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ctx.config.session.maxHours * 3_600_000).toISOString();
  const actor = toActor(user);
  // The second factor, when the person turned it on. No code yet is not a failure (the sign-in page
  // asks for it next) and does not reset the count either; a wrong or reused code is a failure.
  const totp = await findEnabledTotp(ctx, user.id);
  if (totp && !input.totpCode) throw new AppError('AUTH_TOTP_REQUIRED');
  const outcome = await inTransaction(ctx, async (trx) => {
    const secondFactor = totp ? await spendSecondFactor(trx, user.id, totp.secret, input.totpCode!, Date.now()) : null;
    if (secondFactor === 'invalid' || secondFactor === 'replayed') return secondFactor;
    if (user.failed_sign_ins > 0 || user.locked_until) await trx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', user.id).execute();
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
    await recordFailedSignIn(ctx, user, failedActor, { username: input.username, ip: input.ip }, outcome === 'replayed' ? 'auth.totp_replayed' : 'auth.totp_failed');
    throw new AppError(outcome === 'replayed' ? 'AUTH_TOTP_REPLAYED' : 'AUTH_TOTP_INVALID');
  }
  return {
    token,
    signedIn: { actor, sessionId, csrfToken, mustChangePassword: user.must_change_password === 1 },
  };
}

/**
 * A failed sign-in (wrong password, unknown user, wrong or reused second-factor code), counted in
 * the database, atomically: every process adds to the same count, and enough in a row lock the account.
 */
async function recordFailedSignIn(
  ctx: AppContext,
  user: { id: number; org_id: number } | null,
  failedActor: Actor,
  input: { username: string; ip: string | null },
  action: 'auth.sign_in_failed' | 'auth.totp_failed' | 'auth.totp_replayed',
) {
  const { attempts, minutes } = ctx.config.lockout;
  await inTransaction(ctx, async (trx) => {
    let lockedUntil: string | null = null;
    if (user) {
      const { failed_sign_ins } = await trx
        .updateTable('users')
        .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
        .where('id', '=', user.id)
        .returning('failed_sign_ins')
        .executeTakeFirstOrThrow();
      if (failed_sign_ins >= attempts) {
        lockedUntil = new Date(Date.now() + minutes * 60_000).toISOString();
        await trx.updateTable('users').set({ failed_sign_ins: 0, locked_until: lockedUntil }).where('id', '=', user.id).execute();
      }
    }
    await appendAudit(trx, ctx.engine, {
      actor: failedActor,
      orgId: user?.org_id ?? null,
      action: lockedUntil ? 'auth.locked' : action,
      entity: 'user',
      entityId: user?.id ?? null,
      after: { username: input.username, ip: input.ip, ...(lockedUntil ? { lockedUntil, cause: action } : {}) },
    });
  });
}

/** Resolves a cookie token to a live session, enforcing the idle timeout and absolute lifetime. */
export async function resumeSession(ctx: AppContext, token: string): Promise<SignedIn | 'expired' | null> {
  const sessionId = sha256(token);
  const row = await sessions.findSessionWithUser(ctx.db, sessionId);
  if (!row) return null;
  const now = Date.now();
  const idleLimit = Date.parse(row.last_seen_at) + ctx.config.session.idleMinutes * 60_000;
  if (now > Date.parse(row.expires_at) || now > idleLimit || row.disabled || !isRole(row.role)) {
    await sessions.deleteSession(ctx.db, sessionId);
    return 'expired';
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await sessions.touchSession(ctx.db, sessionId, new Date(now).toISOString());
  }
  return {
    actor: toActor({ id: row.user_id, ...row }),
    sessionId,
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password === 1,
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

function toActor(user: {
  id: number;
  display_name: string;
  org_id: number;
  role: string;
  unit_id: number | null;
  leader_id: number | null;
}): Actor {
  if (!isRole(user.role)) throw new Error(`unknown role ${user.role}`);
  return {
    userId: user.id,
    name: user.display_name,
    orgId: user.org_id,
    role: user.role,
    unitId: user.unit_id,
    leaderId: user.leader_id,
  };
}
