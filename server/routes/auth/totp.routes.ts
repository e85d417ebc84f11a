import { z } from 'zod';
import { totpDisableBody, totpEnableBody, totpEnabledSchema, totpSetupSchema, totpStatusSchema, totpUsersSchema } from '../../../core/api/auth';
import { idParam } from '../../../core/api/common';
import { ROLE_LABELS, isRole } from '../../../core/roles';
import { disableTotp, enableTotp, listTotpUsers, mayEnrolTotp, resetTotp, startTotpSetup, totpStatus } from '../../auth/totp.service';
import { findUser } from '../../directory/users.repository';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';

/**
 * Two-step verification (TOTP): a person of the office or the three system roles turns it on and
 * off for their own account; the security administrator resets it for someone who lost the phone.
 */
export const totpRoutes: Routes = (app, ctx) => {
  const self = (request: Parameters<typeof actorOf>[0]) => actorOf(request) as ReturnType<typeof actorOf> & { userId: number };

  app.get('/api/auth/totp', {
    config: { access: 'account.self' },
    schema: { tags: ['auth'], summary: 'My two-step verification: on or off, recovery codes left', response: { 200: totpStatusSchema } },
    handler: async (request) => {
      const actor = self(request);
      return { ...(await totpStatus(ctx.db, actor.userId)), mayEnrol: mayEnrolTotp(actor.role) };
    },
  });

  app.post('/api/auth/totp/setup', {
    config: { access: 'mfa.self' },
    schema: { tags: ['auth'], summary: 'Start two-step verification: a new secret, pending until confirmed', response: { 200: totpSetupSchema } },
    handler: async (request) => startTotpSetup(ctx, self(request)),
  });

  app.post('/api/auth/totp/enable', {
    config: { access: 'mfa.self' },
    schema: { tags: ['auth'], summary: 'Confirm with a code from the app; answers the recovery codes, once', body: totpEnableBody, response: { 200: totpEnabledSchema } },
    handler: async (request) => ({ recoveryCodes: await enableTotp(ctx, self(request), request.body.code) }),
  });

  // account.self rather than mfa.self: someone whose role changed since must still be able to turn it off.
  app.post('/api/auth/totp/disable', {
    // In the per-address sign-in rate limit: it checks a password and a code (issue 17, finding 5).
    config: { access: 'account.self', rateLimit: 'sign-in' },
    schema: { tags: ['auth'], summary: 'Turn two-step verification off (needs the password and a code)', body: totpDisableBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await disableTotp(ctx, self(request), { ...request.body, ip: request.ip });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/security/totp-users', {
    config: { access: 'mfa.reset' },
    schema: { tags: ['users'], summary: 'Accounts of my organisation with two-step verification on', response: { 200: totpUsersSchema } },
    handler: async (request) => ({
      items: (await listTotpUsers(ctx.db, actorOf(request).orgId)).flatMap((u) =>
        isRole(u.role) ? [{ id: u.id, username: u.username, displayName: u.display_name, role: u.role, roleLabel: ROLE_LABELS[u.role], enabledAt: u.enabled_at }] : [],
      ),
    }),
  });

  app.post('/api/users/:id/totp/reset', {
    config: { access: 'mfa.reset', recordScoped: true },
    schema: { tags: ['users'], summary: 'Remove a person’s two-step verification (a lost phone); ends their sessions', params: idParam, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const user = await findUser(ctx.db, request.params.id);
      if (!user) throw new AppError('NOT_FOUND');
      request.authorize('mfa.reset', { orgId: user.org_id });
      await resetTotp(ctx, actorOf(request), user);
      return reply.code(204).send(null);
    },
  });
};
