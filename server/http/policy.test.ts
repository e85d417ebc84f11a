import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';

/**
 * The policy layer, through the real router and a real database: who may read and change
 * what, CSRF on every state change, and the fail-closed guards for routes that forget a policy.
 */
describe('policy layer', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let unitA: { id: number };
  let unitB: { id: number };
  let otherOrgUnit: { id: number };
  let staffA: Client;
  let headA: Client;
  let office: Client;
  let otherOffice: Client;
  let sysadmin: Client;
  let auditor: Client;
  let leader: Client;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    unitA = await makeUnit(t.ctx, org.id, { name: '区交通运输局' });
    unitB = await makeUnit(t.ctx, org.id, { name: '区教育局' });
    otherOrgUnit = await makeUnit(t.ctx, other.id, { name: '区交通运输局' });
    const l = await makeLeader(t.ctx, org.id, '丁力');
    const users = {
      staffA: await makeUser(t.ctx, org.id, 'unit_staff', { unitId: unitA.id }),
      headA: await makeUser(t.ctx, org.id, 'unit_head', { unitId: unitA.id }),
      office: await makeUser(t.ctx, org.id, 'office'),
      otherOffice: await makeUser(t.ctx, other.id, 'office'),
      sysadmin: await makeUser(t.ctx, org.id, 'sysadmin'),
      auditor: await makeUser(t.ctx, org.id, 'auditor'),
      leader: await makeUser(t.ctx, org.id, 'leader', { leaderId: l.id }),
    };
    staffA = await signInAs(t.app, users.staffA.username);
    headA = await signInAs(t.app, users.headA.username);
    office = await signInAs(t.app, users.office.username);
    otherOffice = await signInAs(t.app, users.otherOffice.username);
    sysadmin = await signInAs(t.app, users.sysadmin.username);
    auditor = await signInAs(t.app, users.auditor.username);
    leader = await signInAs(t.app, users.leader.username);
  });
  afterAll(() => t.close());

  it('declares a policy on every API route (the app refuses to start otherwise)', () => {
    expect(t.app.routeTable.length).toBeGreaterThan(10);
    for (const route of t.app.routeTable) expect(route.access, `${route.method} ${route.url}`).toBeTruthy();
    const open = t.app.routeTable.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(
      [
        'GET /api/auth/csrf',
        'GET /api/demo/accounts',
        'GET /api/health',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        // Single sign-on (issue 18): which platforms are on, and the flows that end in a session.
        'GET /api/auth/sso',
        'GET /api/auth/sso/oidc/start',
        'GET /api/auth/sso/oidc/callback',
        'GET /api/auth/sso/wecom/start',
        'GET /api/auth/sso/wecom/callback',
        'POST /api/auth/sso/dingtalk',
      ].sort(),
    );
  });

  it('answers 401 on every non-public route without a session', async () => {
    for (const route of t.app.routeTable.filter((r) => r.access !== 'public')) {
      const url = route.url.replace(':id', '1');
      const res = await t.app.inject({ method: route.method as 'GET', url });
      // State-changing requests without a session fail the CSRF check first; both refuse.
      const expected = route.method === 'GET' ? 401 : 403;
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(expected);
    }
  });

  it("lets a unit's user read its own unit but not another unit's", async () => {
    expect((await staffA.request('GET', `/api/units/${unitA.id}`)).statusCode).toBe(200);
    const refused = await staffA.request('GET', `/api/units/${unitB.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
    expect(refused.json().error.message).toMatch(/其他单位/);
    expect((await headA.request('GET', `/api/units/${unitB.id}`)).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
  });

  it("refuses a unit's user the office's actions, with a reason", async () => {
    const create = await staffA.request('POST', '/api/units', { name: '区新局' });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe('FORBIDDEN');
    const rename = await staffA.request('PATCH', `/api/units/${unitA.id}`, { name: '改名' });
    expect(rename.statusCode).toBe(403);
    expect((await leader.request('POST', '/api/leaders', { name: '某人' })).statusCode).toBe(403);
  });

  it("keeps an office out of another organisation's data", async () => {
    const read = await otherOffice.request('GET', `/api/units/${unitA.id}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    const write = await otherOffice.request('PATCH', `/api/units/${unitA.id}`, { aliases: ['偷改'], version: 1 });
    expect(write.statusCode).toBe(403);
    const list = (await otherOffice.request('GET', '/api/units')).json().items as { id: number }[];
    expect(list.map((u) => u.id)).toEqual([otherOrgUnit.id]);
  });

  it('refuses a state-changing request without or with a wrong CSRF token', async () => {
    const missing = await office.request('POST', '/api/units', { name: '区无令牌局' }, { csrf: false });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: office.cookie, 'x-csrf-token': 'forged' },
      payload: { name: '区伪造局' },
    });
    expect(wrong.statusCode).toBe(403);
    // Another session's token does not work either: tokens are bound to the session.
    const crossed = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: office.cookie, 'x-csrf-token': staffA.csrfToken },
      payload: { name: '区串号局' },
    });
    expect(crossed.statusCode).toBe(403);
    const units = (await office.request('GET', '/api/units')).json().items as { name: string }[];
    expect(units.map((u) => u.name)).not.toContain('区无令牌局');
    // The sign-in form itself is protected by the double-submit cookie.
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
    expect(login.json().error.code).toBe('CSRF_INVALID');
  });

  it('keeps the three system roles to their own jobs', async () => {
    expect((await sysadmin.request('GET', '/api/users')).statusCode).toBe(200);
    expect((await sysadmin.request('GET', '/api/audit')).statusCode).toBe(403);
    expect((await auditor.request('GET', '/api/audit')).statusCode).toBe(200);
    expect((await auditor.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await auditor.request('GET', '/api/units')).statusCode).toBe(403);
    expect((await office.request('GET', '/api/users')).statusCode).toBe(403);
    expect((await office.request('GET', '/api/audit')).statusCode).toBe(403);
  });

  it('fails closed when a record-scoped route answers without a record-level decision', async () => {
    const { buildApp } = await import('./app');
    const app = await buildApp(t.ctx, { logger: false });
    app.get('/api/forgetful/:id', { config: { access: 'unit.read', recordScoped: true }, handler: async () => ({ secret: 1 }) });
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/forgetful/1', headers: { cookie: staffA.cookie } });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('POLICY_MISSING');
    expect(res.body).not.toContain('secret');
    await app.close();
  });

  it('refuses to start with a route that declares no policy', async () => {
    const { buildApp } = await import('./app');
    const app = await buildApp(t.ctx, { logger: false });
    expect(() => app.get('/api/no-policy', async () => ({}))).toThrow(/declares no policy/);
    await app.close();
  });
});
