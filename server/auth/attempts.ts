import { sql } from 'kysely';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';

/**
 * The lockout's count of password and code checks (等级保护: 登录失败处理), kept in the database so
 * every process counts into the same number.
 *
 * An attempt is RESERVED before the password or code is checked: one atomic increment, and only a
 * reservation within the limit is checked at all. Reading the count first and adding a failure
 * after the ~20 ms password check let parallel requests all read "0 so far" (issue 17, finding 2).
 * A failure keeps its reservation (and the one that reaches the limit locks the account), a
 * success clears the count, an attempt that was neither (the password was right and the code is
 * still to come) gives its reservation back.
 *
 * A name with no account gets the same treatment in rate_limits (a "virtual lock"), so the
 * database work, the timing and the audit trail of an unknown name are those of a real account.
 */
export type Attempt =
  | { kind: 'account'; userId: number; orgId: number; n: number; allowed: boolean }
  | { kind: 'name'; key: string; n: number; allowed: boolean };

/** The bucket of rate_limits that counts sign-ins of names with no account. */
const NAME_BUCKET = 'sign-in-name';

export async function reserveAttempt(
  ctx: AppContext,
  target: { userId: number; orgId: number } | { username: string },
): Promise<Attempt> {
  const { attempts, minutes } = ctx.config.lockout;
  if ('username' in target) {
    // Fixed windows as long as the lock: at most `attempts` checks per name and window.
    const windowNo = Math.floor(Date.now() / (minutes * 60_000));
    const row = await inTransaction(ctx, (trx) =>
      trx
        .insertInto('rate_limits')
        .values({ bucket: NAME_BUCKET, client: target.username.slice(0, 200), window_no: windowNo, hits: 1 })
        .onConflict((oc) =>
          oc.columns(['bucket', 'client']).doUpdateSet({
            hits: sql<number>`case when rate_limits.window_no = excluded.window_no then rate_limits.hits + 1 else 1 end`,
            window_no: sql<number>`excluded.window_no`,
          }),
        )
        .returning('hits')
        .executeTakeFirstOrThrow(),
    );
    const n = Number(row.hits);
    return { kind: 'name', key: target.username, n, allowed: n <= attempts };
  }
  const now = new Date().toISOString();
  const n = await inTransaction(ctx, async (trx) => {
    const row = await trx
      .updateTable('users')
      .set((eb) => ({ failed_sign_ins: eb('failed_sign_ins', '+', 1) }))
      .where('id', '=', target.userId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning('failed_sign_ins')
      .executeTakeFirst();
    if (!row) return null; // locked: nothing reserved
    // More reservations than the limit can only come from requests in parallel: lock now, so the
    // count cannot stay above the limit with no lock to end it.
    if (row.failed_sign_ins > attempts) await lockAccount(trx, target.userId, minutes, now);
    return Number(row.failed_sign_ins);
  });
  return { kind: 'account', userId: target.userId, orgId: target.orgId, n: n ?? attempts + 1, allowed: n !== null && n <= attempts };
}

/** The check succeeded: the count starts again (and a lock set meanwhile by a parallel flood ends). */
export async function settleSuccess(trx: Db, attempt: Attempt): Promise<void> {
  if (attempt.kind === 'account') await trx.updateTable('users').set({ failed_sign_ins: 0, locked_until: null }).where('id', '=', attempt.userId).execute();
  else await trx.deleteFrom('rate_limits').where('bucket', '=', NAME_BUCKET).where('client', '=', attempt.key.slice(0, 200)).execute();
}

/** Neither success nor failure (the right password, the code still to come): the reservation is given back. */
export async function releaseAttempt(ctx: AppContext, attempt: Attempt): Promise<void> {
  if (attempt.kind !== 'account') return;
  await inTransaction(ctx, (trx) =>
    trx
      .updateTable('users')
      .set({ failed_sign_ins: sql<number>`case when failed_sign_ins > 0 then failed_sign_ins - 1 else 0 end` })
      .where('id', '=', attempt.userId)
      .execute(),
  );
}

export type FailureAction =
  | 'auth.sign_in_failed'
  | 'auth.sign_in_disabled'
  | 'auth.totp_failed'
  | 'auth.totp_replayed'
  | 'auth.reauth_failed';

/**
 * A checked attempt failed: it keeps its reservation; the one that reached the limit locks the
 * account (a name with no account is refused for the rest of its window). Audited either way.
 */
export async function recordFailure(
  ctx: AppContext,
  attempt: Attempt,
  actor: Actor,
  action: FailureAction,
  details: Record<string, unknown>,
): Promise<void> {
  const { attempts, minutes } = ctx.config.lockout;
  const reachedLimit = attempt.n >= attempts;
  await inTransaction(ctx, async (trx) => {
    let lockedUntil: string | null = null;
    if (reachedLimit && attempt.kind === 'account') lockedUntil = await lockAccount(trx, attempt.userId, minutes, new Date().toISOString());
    if (reachedLimit && attempt.kind === 'name') lockedUntil = new Date((Math.floor(Date.now() / (minutes * 60_000)) + 1) * minutes * 60_000).toISOString();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: attempt.kind === 'account' ? attempt.orgId : null,
      action: lockedUntil ? 'auth.locked' : action,
      entity: 'user',
      entityId: attempt.kind === 'account' ? attempt.userId : null,
      after: { ...details, ...(lockedUntil ? { lockedUntil, cause: action, ...(attempt.kind === 'name' ? { noSuchAccount: true } : {}) } : {}) },
    });
  });
}

/** An attempt refused without a check because the account (or the name) is locked: audited, not counted. */
export async function recordRefused(ctx: AppContext, attempt: Attempt, actor: Actor, details: Record<string, unknown>): Promise<void> {
  await inTransaction(ctx, (trx) =>
    appendAudit(trx, ctx.engine, {
      actor,
      orgId: attempt.kind === 'account' ? attempt.orgId : null,
      action: 'auth.sign_in_locked',
      entity: 'user',
      entityId: attempt.kind === 'account' ? attempt.userId : null,
      after: details,
    }),
  );
}

/** When the lock of an account ends, if it is locked now (for the in-session message). */
export async function lockedUntilOf(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('locked_until').where('id', '=', userId).executeTakeFirst();
  return row?.locked_until && Date.parse(row.locked_until) > Date.now() ? row.locked_until : null;
}

/** Locks unless already locked (two requests reaching the limit together lock once); answers the lock's end or null. */
async function lockAccount(trx: Db, userId: number, minutes: number, now: string): Promise<string | null> {
  const lockedUntil = new Date(Date.parse(now) + minutes * 60_000).toISOString();
  const done = await trx
    .updateTable('users')
    .set({ failed_sign_ins: 0, locked_until: lockedUntil })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0 ? lockedUntil : null;
}
