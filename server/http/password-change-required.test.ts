import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../test/app';
import { makeOrg, makeUnit, makeUser, TEST_PASSWORD } from '../test/factories';

/**
 * An initial or reset password is known to whoever set it, so a session signed in with one may
 * only read who it is, change the password and sign out — enforced by the API for every route,
 * not only by the web app's modal.
 */
describe('a password that must be changed', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let unitId: number;
  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrg(t.ctx)).id;
    unitId = (await makeUnit(t.ctx, orgId)).id;
  });
  afterAll(() => t.close());

  it('lets the session reach nothing but me, change password and sign out, on every route', async () => {
    const user = await makeUser(t.ctx, orgId, 'unit_staff', { unitId, mustChangePassword: true });
    const client = await signInAs(t.app, user.username);
    const me = await client.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);

    const allowed = new Set(['GET /api/auth/me', 'POST /api/auth/password', 'POST /api/auth/logout', 'POST /api/auth/logout-everywhere']);
    const refused: string[] = [];
    for (const route of t.app.routeTable) {
      const key = `${route.method} ${route.url}`;
      if (route.access === 'public' || allowed.has(key)) continue;
      const res = await client.request(route.method as 'GET', route.url.replace(/:(\w+)/g, '1'), route.method === 'GET' ? undefined : {});
      if (res.statusCode === 403 && res.json().error.code === 'PASSWORD_CHANGE_REQUIRED') refused.push(key);
      else expect.fail(`${key} answered ${res.statusCode} ${res.body.slice(0, 200)} before the password was changed`);
    }
    expect(refused.length).toBeGreaterThan(50);

    const changed = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Xinzhou#2025a' });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await client.request('GET', '/api/dashboard')).statusCode).not.toBe(403);
    expect((await client.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('applies again after a password reset (asked for by the system administrator, approved by the security administrator)', async () => {
    const admin = await makeUser(t.ctx, orgId, 'sysadmin');
    const secadmin = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'secadmin')).username);
    const user = await makeUser(t.ctx, orgId, 'office');
    const adminClient = await signInAs(t.app, admin.username);
    const reset = await adminClient.request('POST', `/api/users/${user.id}/reset-password`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    const approved = await secadmin.request('POST', `/api/account-requests/${reset.json().request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const client = await signInAs(t.app, user.username, approved.json().delivery.accounts[0].initialPassword);
    const res = await client.request('GET', '/api/tasks');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
