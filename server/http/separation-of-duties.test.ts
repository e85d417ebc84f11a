import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUnit, makeUser } from '../test/factories';

/**
 * 三员分立: the system administrator keeps the business accounts, the security administrator the
 * security settings and second factors, the auditor reads the log. No API call gives, changes,
 * disables or resets an account of the three system roles (the deployment keeps them with
 * `duban create-user`), so no one account can take another's duty — in particular the system
 * administrator cannot make or take over an auditor's account to read or hide its own trace.
 */
describe('separation of the three system duties (三员分立)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let sysadmin: Client;
  let ids: { sysadmin: number; secadmin: number; auditor: number; clerk: number };
  let unitId: number;
  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx);
    unitId = (await makeUnit(t.ctx, org.id)).id;
    const admin = await makeUser(t.ctx, org.id, 'sysadmin');
    ids = {
      sysadmin: admin.id,
      secadmin: (await makeUser(t.ctx, org.id, 'secadmin')).id,
      auditor: (await makeUser(t.ctx, org.id, 'auditor')).id,
      clerk: (await makeUser(t.ctx, org.id, 'unit_staff', { unitId })).id,
    };
    sysadmin = await signInAs(t.app, admin.username);
  });
  afterAll(() => t.close());

  const refusedForDuties = (res: { statusCode: number; json: () => { error: { code: string } } }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SEPARATION_OF_DUTIES');
  };

  it('lets the system administrator ask for business accounts and resets (the security administrator approves: account-requests.test.ts)', async () => {
    const res = await sysadmin.request('POST', '/api/users', { username: 'sod.clerk', displayName: '经办人', role: 'unit_staff', unitId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().request.status).toBe('pending');
    expect((await sysadmin.request('POST', `/api/users/${ids.clerk}/reset-password`, {})).statusCode).toBe(200);
  });

  it('refuses to create an account of any system role through the API', async () => {
    for (const role of ['sysadmin', 'secadmin', 'auditor']) {
      refusedForDuties(await sysadmin.request('POST', '/api/users', { username: `sod.${role}`, displayName: '某人', role }));
    }
    expect(await t.ctx.db.selectFrom('users').select('id').where('username', 'like', 'sod.%').execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('account_requests').select('id').where('kind', '=', 'create').execute()).toHaveLength(1);
  });

  it('refuses to give a business account a system role', async () => {
    refusedForDuties(await sysadmin.request('PATCH', `/api/users/${ids.clerk}`, { role: 'auditor', version: 1 }));
    expect((await t.ctx.db.selectFrom('users').select('role').where('id', '=', ids.clerk).executeTakeFirstOrThrow()).role).toBe('unit_staff');
  });

  it("refuses to change, disable or reset the auditor's, the security administrator's or its own account", async () => {
    for (const id of [ids.auditor, ids.secadmin, ids.sysadmin]) {
      refusedForDuties(await sysadmin.request('POST', `/api/users/${id}/reset-password`, {}));
      refusedForDuties(await sysadmin.request('PATCH', `/api/users/${id}`, { disabled: true, version: 1 }));
      refusedForDuties(await sysadmin.request('PATCH', `/api/users/${id}`, { role: 'office', version: 1 }));
    }
    const after = await t.ctx.db.selectFrom('users').select(['role', 'disabled']).where('id', 'in', [ids.auditor, ids.secadmin, ids.sysadmin]).orderBy('id').execute();
    expect(after).toEqual([
      { role: 'sysadmin', disabled: 0 },
      { role: 'secadmin', disabled: 0 },
      { role: 'auditor', disabled: 0 },
    ]);
  });

  it('shows the security administrator the controls in force, and only to it', async () => {
    const secadmin = await signInAs(t.app, (await t.ctx.db.selectFrom('users').select('username').where('id', '=', ids.secadmin).executeTakeFirstOrThrow()).username);
    const res = await secadmin.request('GET', '/api/security/settings');
    expect(res.statusCode).toBe(200);
    expect(res.json().settings).toMatchObject({ passwordHistory: 5, mustChangeInitialPassword: true, maxFailedLogins: 5, lockoutMinutes: 15, rateLimitWindowSeconds: 60 });
    expect((await sysadmin.request('GET', '/api/security/settings')).statusCode).toBe(403);
  });

  it('gives no system role any business write, nor any role a way to change the audit log', async () => {
    // Every state-changing route is open to at most the business roles, or to exactly one system role.
    const { ACTIONS } = await import('../policies/policy');
    const systemRoles = ['sysadmin', 'secadmin', 'auditor'];
    for (const route of t.app.routeTable) {
      if (route.method === 'GET' || route.access === 'public') continue;
      const roles = ACTIONS[route.access as keyof typeof ACTIONS] as readonly string[];
      const system = roles.filter((r) => systemRoles.includes(r));
      if (route.access === 'account.self' || route.access === 'mfa.self') continue; // one's own sign-out, password, second factor
      expect(system.length <= 1 && (system.length === 0 || roles.length === 1), `${route.method} ${route.url} (${route.access}: ${roles.join(',')})`).toBe(true);
    }
    // The auditor only reads: it has no state-changing route beyond its own account.
    const auditorWrites = t.app.routeTable.filter((r) => r.method !== 'GET' && r.access !== 'public' && (ACTIONS[r.access as keyof typeof ACTIONS] as readonly string[]).includes('auditor'));
    expect(auditorWrites.every((r) => r.access === 'account.self' || r.access === 'mfa.self')).toBe(true);
    // No route writes the audit log other than by appending (the database refuses UPDATE and
    // DELETE on it: server/audit/audit.test.ts), and no route deletes entries.
    expect(t.app.routeTable.filter((r) => r.url.startsWith('/api/audit') && r.method !== 'GET')).toEqual([]);
  });
});
