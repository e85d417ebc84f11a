import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/roles';
import type { RouteInfo } from '../http/policy-hooks';
import { buildWorld, type World } from '../levels/test-world';
import { ACTIONS, type Action } from '../policies/policy';
import { signInAs, type Client } from '../test/app';
import { makeUser } from '../test/factories';
import type { FuzzRequest, OpenApiDoc } from './api-requests';
import { operationOf, requestsFor } from './api-requests';
import { problemWithAnswer } from './check-answer';
import { fingerprint, type Fingerprint } from './db-fingerprint';
import { fuzzParams, fuzzRuns, fuzzTimeout } from './fuzz-settings';

/**
 * Every route that takes input (issue 9): each non-GET route, and each GET route with a path or
 * query parameter, called by a role that may call it with generated params, queries and bodies.
 * Property: never a 5xx; a 4xx is catalogue JSON and writes nothing.
 */
const RUNS_PER_ROUTE = fuzzRuns(10);
/** Who calls a route: the first role in this order that its action allows. */
const ROLE_PREFERENCE: Role[] = [
  'office',
  'unit_staff',
  'unit_head',
  'leader',
  'sysadmin',
  'secadmin',
  'auditor',
  'viewer',
];

describe('API fuzz: every route that takes input', () => {
  let w: World;
  let doc: OpenApiDoc;
  const clients = new Map<Role, Client>();
  const usernames = new Map<Role, string>();
  let victimUserId: number;
  let fp: Fingerprint;

  beforeAll(async () => {
    w = await buildWorld();
    // The fuzz sends hundreds of sign-ins and uploads from one address; the per-address limits
    // have their own tests and would turn most of these requests into 429s.
    Object.assign(w.ctx.config.rateLimits, { signInPerWindow: 0, uploadsPerWindow: 0 });
    doc = w.t.app.swagger() as unknown as OpenApiDoc;
    const b = w.orgs.b.id;
    const devUnit = (
      await w.ctx.db
        .selectFrom('units')
        .select('id')
        .where('org_id', '=', b)
        .where('name', '=', '区发改局')
        .executeTakeFirstOrThrow()
    ).id;
    const leaderId = (
      await w.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', b).executeTakeFirstOrThrow()
    ).id;
    for (const role of ROLE_PREFERENCE) {
      const unitId = role === 'unit_staff' || role === 'unit_head' ? devUnit : undefined;
      const user = await makeUser(w.ctx, b, role, { unitId, leaderId: role === 'leader' ? leaderId : undefined });
      usernames.set(role, user.username);
      clients.set(role, await signInAs(w.t.app, user.username));
    }
    // The users routes get this account's id (and missing ones), never the fuzz's own callers'.
    victimUserId = (await makeUser(w.ctx, b, 'viewer')).id;
  });
  afterAll(() => w.t.close());

  const fuzzedRoutes = () =>
    w.t.app.routeTable.filter(
      (r) =>
        r.url !== '/api/openapi.json' &&
        (r.method !== 'GET' ||
          r.url.includes(':') ||
          (operationOf(doc, r).parameters ?? []).some((p) => p.in === 'query')),
    );

  function callerOf(route: RouteInfo): Role {
    if (route.access === 'public') return 'office';
    const allowed = ACTIONS[route.access as Action] as readonly Role[];
    return ROLE_PREFERENCE.find((r) => allowed.includes(r)) ?? 'office';
  }

  async function send(role: Role, req: FuzzRequest) {
    const client = clients.get(role)!;
    return w.t.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: {
        cookie: client.cookie,
        'x-csrf-token': client.csrfToken,
        ...(req.contentType ? { 'content-type': req.contentType } : {}),
      },
      ...(req.payload === null ? {} : { payload: req.payload }),
    });
  }

  /** A fuzzed sign-out or password change may end a caller's session: sign in again, outside the property. */
  async function keepSignedIn(role: Role) {
    const me = await clients.get(role)!.request('GET', '/api/auth/me');
    if (me.statusCode === 401) clients.set(role, await signInAs(w.t.app, usernames.get(role)!));
  }

  it('covers the routes that take input, writes included', () => {
    const urls = fuzzedRoutes().map((r) => `${r.method} ${r.url}`);
    expect(urls).toEqual(
      expect.arrayContaining([
        'POST /api/notices/import',
        'PATCH /api/tasks/:id',
        'PUT /api/reports/:id/tasks/:taskId',
        'GET /api/tasks',
        'POST /api/auth/login',
      ]),
    );
    expect(urls.length).toBeGreaterThan(80);
  });

  it(
    'answers every generated request below 500, refusals as catalogue JSON without a write',
    async () => {
      const failures: string[] = [];
      const routes = fuzzedRoutes();
      console.log(`[fuzz] ${routes.length} routes × ${RUNS_PER_ROUTE} runs`);
      const params = fuzzParams('API routes', RUNS_PER_ROUTE);
      fp = await fingerprint(w.ctx);
      const statuses = new Map<number, number>();
      for (const route of routes) {
        const role = callerOf(route);
        const usersRoute = route.url.startsWith('/api/users/') ? [victimUserId] : null;
        const result = await fc.check(
          fc.asyncProperty(requestsFor(route, operationOf(doc, route), { usersRoute }), async (req) => {
            const res = await send(role, req);
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            const problem = await problemWithAnswer(w.ctx, res, fp);
            if (res.statusCode < 400 || res.statusCode === 401) {
              await keepSignedIn(role);
              fp = await fingerprint(w.ctx);
            }
            if (problem) throw new Error(problem);
          }),
          params,
        );
        if (result.failed) {
          failures.push(
            `${route.method} ${route.url} as ${role}: ${String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance)}\n  request: ${JSON.stringify(result.counterexample?.[0]).slice(0, 600)}`,
          );
          await keepSignedIn(role);
          fp = await fingerprint(w.ctx);
        }
      }
      console.log(
        `[fuzz] API statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
      );
      expect(failures).toEqual([]);
      // The generator must get requests through validation into the handlers, not only be refused.
      expect([...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(routes.length);
    },
    fuzzTimeout(RUNS_PER_ROUTE * 110, 250),
  );
});
