import { visibleText } from '../../../core/audit/typed-name';
import { isRole } from '../../../core/roles';
import { actorOfUser, type Actor } from '../../audit/actor';
import { appendAudit } from '../../audit/audit.repository';
import { inTransaction, type AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import * as sessions from '../session.repository';
import { randomToken, sha256 } from '../tokens';
import type { SignedIn } from '../session.service';
import { findUserByIdentity, insertIdentity, type Platform } from './platform-identities.repository';

/** What the platform vouched for: its stable id of the person, and the attributes an opt-in match may use. */
export type PlatformPerson = {
  platform: Platform;
  externalId: string;
  username?: string | null;
  phone?: string | null;
};

/**
 * Signs in the account bound to a platform identity. The platform authenticated the person, so no
 * password and no second step are asked (two-step verification protects the password, which is not
 * used here), and the forced change of an initial password does not apply to this session (see
 * migration 0028). The session is the same as a password sign-in's; the audit entry says the method.
 * An unbound identity is refused and audited — never given an account; a disabled account is refused.
 */
export async function signInByPlatform(
  ctx: AppContext,
  person: PlatformPerson,
  request: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; signedIn: SignedIn }> {
  const externalId = person.externalId;
  let user = await findUserByIdentity(ctx.db, person.platform, externalId);
  let matchedBy: 'username' | 'phone' | null = null;
  if (!user) {
    const matched = await matchByAttribute(ctx, person);
    if (matched) {
      user = matched;
      matchedBy = ctx.config.sso.match as 'username' | 'phone';
    }
  }
  const seen = {
    platform: person.platform,
    externalId: visibleText(externalId, 200),
    ip: request.ip === null ? null : visibleText(request.ip),
  };
  if (!user) {
    await audit(
      ctx,
      {
        userId: null,
        name: `${person.platform}:${visibleText(externalId, 80)}`,
        orgId: null,
        role: 'system',
        unitId: null,
        leaderId: null,
      },
      null,
      'auth.sso_unbound',
      null,
      seen,
    );
    throw new AppError('SSO_UNBOUND');
  }
  const actor = actorOfUser(user);
  if (user.disabled || !isRole(user.role)) {
    await audit(ctx, { ...actor, role: 'system' }, user.org_id, 'auth.sign_in_disabled', user.id, {
      ...seen,
      method: person.platform,
    });
    throw new AppError('AUTH_ACCOUNT_DISABLED');
  }
  const token = randomToken();
  const sessionId = sha256(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + ctx.config.session.maxHours * 3_600_000).toISOString();
  await inTransaction(ctx, async (trx) => {
    if (matchedBy) {
      // The opt-in match is recorded as a binding (audited), so the next sign-in needs no match.
      await insertIdentity(trx, {
        org_id: user.org_id,
        user_id: user.id,
        platform: person.platform,
        external_id: externalId,
      });
      await appendAudit(trx, ctx.engine, {
        actor,
        orgId: user.org_id,
        action: 'user.identity_bound',
        entity: 'user',
        entityId: user.id,
        after: { platform: person.platform, externalId: seen.externalId, matchedBy },
      });
    }
    await sessions.insertSession(trx, {
      id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      expires_at: expiresAt,
      ip: request.ip,
      user_agent: request.userAgent?.slice(0, 300) ?? null,
      method: person.platform,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: user.org_id,
      action: 'auth.sign_in',
      entity: 'user',
      entityId: user.id,
      after: { ip: request.ip, method: person.platform },
    });
  });
  return { token, signedIn: { actor, sessionId, csrfToken, mustChangePassword: false } };
}

/** The opt-in attribute match (DUBAN_SSO_MATCH): exactly one account, not yet bound on this platform. */
async function matchByAttribute(ctx: AppContext, person: PlatformPerson) {
  const mode = ctx.config.sso.match;
  const value = mode === 'username' ? person.username : mode === 'phone' ? person.phone?.replace(/^\+?86/, '') : null;
  if (!value) return undefined;
  const candidates = await ctx.db
    .selectFrom('users')
    .selectAll('users')
    .where(mode === 'username' ? 'users.username' : 'users.phone', '=', value)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('user_platform_identities as i')
            .select('i.id')
            .whereRef('i.user_id', '=', 'users.id')
            .where('i.platform', '=', person.platform),
        ),
      ),
    )
    .limit(2)
    .execute();
  // Two accounts with one phone number: no guess, the administrator binds.
  if (candidates.length !== 1) return undefined;
  // 三员 accounts never sign in through a platform match: their binding goes through the request.
  if (['sysadmin', 'secadmin', 'auditor'].includes(candidates[0]!.role)) return undefined;
  return candidates[0];
}

async function audit(
  ctx: AppContext,
  actor: Actor,
  orgId: number | null,
  action: string,
  entityId: number | null,
  after: Record<string, unknown>,
) {
  await inTransaction(ctx, (trx) =>
    appendAudit(trx, ctx.engine, { actor, orgId, action, entity: 'user', entityId, after }),
  );
}
