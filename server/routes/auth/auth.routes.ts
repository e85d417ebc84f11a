import { z } from 'zod';
import { changePasswordBody, loginBody, meSchema } from '../../../core/api/auth';
import { checkPasswordStrength } from '../../auth/password';
import { confirmCurrentPassword, type SessionUser } from '../../auth/reauth';
import { signIn, signOut } from '../../auth/session.service';
import { randomToken } from '../../auth/tokens';
import { changeOwnPassword } from '../../directory/users.service';
import { signedInOf } from '../../http/actor';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../http/policy-hooks';
import type { Routes } from '../../http/zod-app';
import { presentMe } from '../../presenters/me';
import { ssoRoutes } from './sso.routes';
import { totpRoutes } from './totp.routes';

export const authRoutes: Routes = (app, ctx) => {
  const cookieBase = { path: '/', sameSite: 'strict' as const, secure: ctx.config.session.cookieSecure };

  app.get('/api/auth/csrf', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'A CSRF token for the sign-in form (double-submit cookie)', response: { 200: z.object({ csrfToken: z.string() }) } },
    handler: async (request, reply) => {
      const csrfToken = request.cookies[CSRF_COOKIE] || randomToken();
      // Readable by the page (not HttpOnly): the page copies it into the X-CSRF-Token header.
      reply.setCookie(CSRF_COOKIE, csrfToken, { ...cookieBase, httpOnly: false });
      return { csrfToken };
    },
  });

  app.post('/api/auth/login', {
    config: { access: 'public', rateLimit: 'sign-in' },
    schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: z.object({ user: meSchema }) } },
    handler: async (request, reply) => {
      const { token, signedIn } = await signIn(ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieBase,
        httpOnly: true,
        maxAge: ctx.config.session.maxHours * 3600,
      });
      return { user: await presentMe(ctx, signedIn) };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'account.self', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await signOut(ctx, signedInOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.post('/api/auth/logout-everywhere', {
    config: { access: 'account.self', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'Sign out of every session of mine, on every device', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await signOut(ctx, signedInOf(request), { everywhere: true });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    config: { access: 'account.self', beforePasswordChange: true },
    schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: meSchema } },
    handler: async (request) => presentMe(ctx, signedInOf(request)),
  });

  app.post('/api/auth/password', {
    // In the per-address sign-in rate limit, and the current password is checked on the lockout
    // count first (issue 17, finding 5). The new password's strength is checked before the current
    // one, so "too weak" cannot tell a right guess of the current password from a wrong one.
    config: { access: 'account.self', beforePasswordChange: true, rateLimit: 'sign-in' },
    schema: { tags: ['auth'], summary: 'Change my password', body: changePasswordBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const signedIn = signedInOf(request);
      checkPasswordStrength(request.body.newPassword);
      await confirmCurrentPassword(ctx, signedIn.actor as SessionUser, request.body.currentPassword, request.ip);
      await changeOwnPassword(ctx, signedIn.actor, signedIn.sessionId, request.body);
      return reply.code(204).send(null);
    },
  });

  // Registered here so server/http/app.ts's route list needs no change.
  totpRoutes(app, ctx);
  ssoRoutes(app, ctx);
};
