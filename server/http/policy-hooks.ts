import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resumeSession } from '../auth/session.service';
import { tokensEqual } from '../auth/tokens';
import type { SessionCache } from '../cache/session-cache';
import type { AppContext } from '../context';
import { AppError, errorBody } from '../errors/app-error';
import { authorize, type Action, type PolicyRecord } from '../policies/policy';

export const SESSION_COOKIE = 'duban_session';
export const CSRF_COOKIE = 'duban_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type RouteInfo = { method: string; url: string; access: string; recordScoped: boolean };

/**
 * Sessions, CSRF and the policy check for every /api route:
 * - a route that declares no policy stops the app at start-up (so a test that builds the app
 *   catches it);
 * - the role check runs before every handler, and before its body is validated;
 * - a session whose password must still be changed reaches only the routes marked
 *   beforePasswordChange;
 * - a record-scoped route whose handler answered without a record-level decision is turned
 *   into a 500 (fail closed) instead of leaking data.
 */
export function registerPolicyHooks(app: FastifyInstance, ctx: AppContext, routeTable: RouteInfo[], sessions?: SessionCache) {
  app.decorateRequest('signedIn', null);
  app.decorateRequest('policyDecided', false);
  app.decorateRequest('authorize', function (this: FastifyRequest, action: Action, record: PolicyRecord) {
    if (!this.signedIn) throw new AppError('AUTH_REQUIRED');
    authorize(this.signedIn.actor, action, record);
    this.policyDecided = true;
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no policy (config.access)`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, access, recordScoped: route.config?.recordScoped === true });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api')) return;
    const token = request.cookies[SESSION_COOKIE];
    const resumed = token ? await resumeSession(ctx, token, sessions) : null;
    request.signedIn = resumed && resumed !== 'expired' ? resumed : null;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = headerValue(request, CSRF_HEADER);
      // Signed in: the token bound to the session in the database (works across instances).
      // Not yet signed in (the sign-in form itself): double-submit against the CSRF cookie.
      const expected = request.signedIn ? request.signedIn.csrfToken : request.cookies[CSRF_COOKIE];
      if (!tokensEqual(sent, expected)) throw new AppError('CSRF_INVALID');
    }
    if (resumed === 'expired') (request as { sessionExpired?: boolean }).sessionExpired = true;
  });

  // Before validation: a role that may not call the route learns nothing about its body's shape.
  app.addHook('preValidation', async (request) => {
    const config = request.routeOptions.config;
    if (!request.url.startsWith('/api') || !config.access) return;
    if (config.access === 'public') {
      request.policyDecided = true;
      return;
    }
    if (!request.signedIn) {
      throw new AppError((request as { sessionExpired?: boolean }).sessionExpired ? 'AUTH_SESSION_EXPIRED' : 'AUTH_REQUIRED');
    }
    // An initial or reset password is known to whoever set it: until the person picks their own,
    // the session may only read who it is, change the password and sign out.
    if (request.signedIn.mustChangePassword && !config.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    authorize(request.signedIn.actor, config.access);
    if (!config.recordScoped) request.policyDecided = true;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    if (!config?.access || request.policyDecided || reply.statusCode >= 400) return payload;
    request.log.error({ url: request.url }, 'route answered without a policy decision');
    reply.code(500).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(errorBody('POLICY_MISSING'));
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Record-level policy decision; throws a 403 AppError when refused. */
    authorize(action: Action, record: PolicyRecord): void;
  }
}
