import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { meSchema } from '../../../core/api/auth';
import { dingtalkUserId } from '../../auth/sso/dingtalk-client';
import { FLOW_COOKIE, FLOW_MAX_AGE_SECONDS, openFlow, sealFlow } from '../../auth/sso/flow-cookie';
import { authorizationUrl, exchangeCode, randomUrlToken } from '../../auth/sso/oidc-client';
import { signInByPlatform, type PlatformPerson } from '../../auth/sso/platform-sign-in';
import { wecomAuthorizeUrl, wecomUserId } from '../../auth/sso/wecom-client';
import type { SignedIn } from '../../auth/session.service';
import { AppError } from '../../errors/app-error';
import { SESSION_COOKIE } from '../../http/policy-hooks';
import type { Routes } from '../../http/zod-app';
import { presentMe } from '../../presenters/me';

/**
 * Sign-in through the government platform (issue 18). start → the platform → callback; the callback
 * is public (the person is not signed in yet) and trusts nothing but a state matching the sealed
 * flow cookie and a code the platform itself confirms. A failure goes back to the sign-in page with
 * its error code, which the page shows in words (who to ask).
 */
const callbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

export const ssoRoutes: Routes = (app, ctx) => {
  const sso = ctx.config.sso;
  const sessionCookie = {
    path: '/',
    sameSite: 'strict' as const,
    secure: ctx.config.session.cookieSecure,
    httpOnly: true,
  };
  // Lax, not Strict: the platform's redirect back is a cross-site top-level navigation.
  const flowCookie = {
    path: '/api/auth/sso',
    sameSite: 'lax' as const,
    secure: ctx.config.session.cookieSecure,
    httpOnly: true,
    maxAge: FLOW_MAX_AGE_SECONDS,
  };

  const finish = async (
    reply: FastifyReply,
    request: { ip: string; headers: Record<string, unknown> },
    person: () => Promise<PlatformPerson>,
  ) => {
    reply.clearCookie(FLOW_COOKIE, { path: flowCookie.path });
    try {
      const { token } = await signInByPlatform(ctx, await person(), {
        ip: request.ip,
        userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
      });
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookie, maxAge: ctx.config.session.maxHours * 3600 });
      return reply.redirect('/', 302);
    } catch (e) {
      const code = e instanceof AppError ? e.code : 'SSO_FAILED';
      if (!(e instanceof AppError)) app.log.warn({ err: e }, 'platform sign-in failed');
      return reply.redirect(`/login?sso_error=${encodeURIComponent(code)}`, 302);
    }
  };

  app.get('/api/auth/sso', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'The platform sign-ins this deployment offers (for the sign-in page)',
      response: {
        200: z.object({ oidc: z.object({ label: z.string() }).nullable(), wecom: z.boolean(), dingtalk: z.boolean() }),
      },
    },
    handler: async () => ({
      oidc: sso.oidc ? { label: sso.oidc.label } : null,
      wecom: sso.wecom !== null,
      dingtalk: sso.dingtalk !== null,
    }),
  });

  app.get('/api/auth/sso/oidc/start', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Start the OpenID Connect sign-in (redirects to the provider)' },
    handler: async (_request, reply) => {
      if (!sso.oidc) throw new AppError('SSO_NOT_CONFIGURED');
      const flow = {
        platform: 'oidc' as const,
        state: randomUrlToken(),
        nonce: randomUrlToken(),
        verifier: randomUrlToken(48),
      };
      const url = await authorizationUrl(sso.oidc, flow);
      reply.setCookie(FLOW_COOKIE, sealFlow(ctx, flow), flowCookie);
      return reply.redirect(url, 302);
    },
  });

  app.get('/api/auth/sso/oidc/callback', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'The provider returns here with a code', querystring: callbackQuery },
    handler: async (request, reply) => {
      const oidc = sso.oidc;
      if (!oidc) throw new AppError('SSO_NOT_CONFIGURED');
      return finish(reply, request, async () => {
        const flow = openFlow(ctx, request.cookies[FLOW_COOKIE], 'oidc', request.query.state);
        if (!flow) throw new AppError('SSO_STATE_MISMATCH');
        if (!request.query.code) throw new AppError('SSO_FAILED');
        const claims = await exchangeCode(oidc, request.query.code, flow);
        return {
          platform: 'oidc',
          externalId: claims.sub!,
          username: typeof claims.preferred_username === 'string' ? claims.preferred_username : null,
          phone:
            typeof claims.phone_number === 'string' && claims.phone_number_verified === true
              ? claims.phone_number
              : null,
        };
      });
    },
  });

  app.get('/api/auth/sso/wecom/start', {
    config: { access: 'public' },
    schema: {
      tags: ['auth'],
      summary: 'WeCom in-app sign-in (免登): the app’s home page; redirects to WeCom’s authorisation',
    },
    handler: async (_request, reply) => {
      if (!sso.wecom) throw new AppError('SSO_NOT_CONFIGURED');
      const flow = { platform: 'wecom' as const, state: randomUrlToken(), nonce: '', verifier: '' };
      reply.setCookie(FLOW_COOKIE, sealFlow(ctx, flow), flowCookie);
      return reply.redirect(wecomAuthorizeUrl(sso.wecom, flow.state), 302);
    },
  });

  app.get('/api/auth/sso/wecom/callback', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'WeCom returns here with a code', querystring: callbackQuery },
    handler: async (request, reply) => {
      const wecom = sso.wecom;
      if (!wecom) throw new AppError('SSO_NOT_CONFIGURED');
      return finish(reply, request, async () => {
        if (!openFlow(ctx, request.cookies[FLOW_COOKIE], 'wecom', request.query.state))
          throw new AppError('SSO_STATE_MISMATCH');
        if (!request.query.code) throw new AppError('SSO_FAILED');
        const userid = await wecomUserId(wecom, request.query.code);
        return { platform: 'wecom', externalId: userid, username: userid };
      });
    },
  });

  app.post('/api/auth/sso/dingtalk', {
    // The page posts the authCode DingTalk gave it (CSRF double-submit like the sign-in form).
    config: { access: 'public', rateLimit: 'sign-in' },
    schema: {
      tags: ['auth'],
      summary: 'DingTalk in-app sign-in (免登) with the authCode from dd.runtime.permission.requestAuthCode',
      body: z.object({ authCode: z.string().min(1).max(500) }),
      response: { 200: z.object({ user: meSchema }) },
    },
    handler: async (request, reply) => {
      const dingtalk = sso.dingtalk;
      if (!dingtalk) throw new AppError('SSO_NOT_CONFIGURED');
      const userid = await dingtalkUserId(dingtalk, request.body.authCode);
      const { token, signedIn }: { token: string; signedIn: SignedIn } = await signInByPlatform(
        ctx,
        { platform: 'dingtalk', externalId: userid, username: userid },
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
      );
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookie, maxAge: ctx.config.session.maxHours * 3600 });
      return { user: await presentMe(ctx, signedIn) };
    },
  });
};
