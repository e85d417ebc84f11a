import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../http/app';
import { createTestApp, signInAs } from '../../test/app';
import { makeOrg, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories';

describe('sign-in and sessions', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let unitId: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_SESSION_IDLE_MINUTES: '30' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    unitId = (await makeUnit(t.ctx, orgId, { name: '区交通运输局' })).id;
  });
  afterAll(() => t.close());

  it('signs in, tells who I am with my organisation path and unit, and signs out', async () => {
    const user = await makeUser(t.ctx, orgId, 'unit_staff', { unitId });
    const client = await signInAs(t.app, user.username);
    const me = (await client.request('GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ username: user.username, role: 'unit_staff', roleLabel: '单位经办人', home: '/unit' });
    expect(me.unit).toEqual({ id: unitId, name: '区交通运输局' });
    expect(me.org.name).toBe('新洲区');
    expect(me).not.toHaveProperty('passwordHash');
    expect((await client.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite session cookie', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const pre = await t.app.inject({ method: 'GET', url: '/api/auth/csrf' });
    const token = pre.json().csrfToken as string;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-csrf-token': token, cookie: `duban_csrf=${token}` },
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const cookie = res.cookies.find((c) => c.name === 'duban_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    // Only a hash of the token is stored: the database does not hold live cookies.
    const rows = await t.ctx.db.selectFrom('sessions').select('id').execute();
    expect(rows.map((r) => r.id)).not.toContain(cookie.value);
  });

  it('answers a wrong password or unknown user with the same clear error', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const pre = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken as string;
    for (const [username, password] of [
      [user.username, 'wrong'],
      ['nobody-here', 'wrong'],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-csrf-token': pre, cookie: `duban_csrf=${pre}` },
        payload: { username, password },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS', message: expect.stringMatching(/^用户名或密码错误：连续输错 5 次后账号将锁定 15 分钟/) });
    }
  });

  // A locked account answers like any failure (401, not 423) to a caller who is not signed in: who
  // exists is not told by the lock (issue 17, finding 6); the audit trail tells the auditor.
  it('locks an account after five failed sign-ins in a row, whatever the password then, until the lock ends or the password is reset', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const admin = await makeUser(t.ctx, orgId, 'sysadmin');
    const pre = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken as string;
    const login = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-csrf-token': pre, cookie: `duban_csrf=${pre}` }, payload: { username: user.username, password } });
    // A success in between starts the count again.
    for (let i = 0; i < 4; i++) expect((await login('wrong')).statusCode).toBe(401);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('wrong')).statusCode).toBe(401);
    expect((await t.ctx.db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow()).locked_until).toBeNull();
    expect((await login('wrong')).statusCode).toBe(401); // the fifth in a row
    const locked = await login(TEST_PASSWORD);
    expect(locked.statusCode).toBe(401);
    expect(locked.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(locked.json().error.message).toMatch(/锁定 15 分钟/);
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(user.id)).where('action', 'like', 'auth.%').orderBy('seq').execute()).map((r) => r.action);
    expect(actions.slice(-3)).toEqual(['auth.sign_in_failed', 'auth.locked', 'auth.sign_in_locked']);
    // The lock ends by itself…
    await t.ctx.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('id', '=', user.id).execute();
    expect((await login(TEST_PASSWORD)).statusCode).toBe(200);
    // …or when a password reset takes effect: asked by the system administrator, approved by the
    // security administrator (三员 two-person rule), who receives the new password to hand over.
    for (let i = 0; i < 5; i++) await login('wrong');
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    const adminClient = await signInAs(t.app, admin.username);
    const asked = await adminClient.request('POST', `/api/users/${user.id}/reset-password`, { reason: '本人来电称账号被锁' });
    expect(asked.statusCode, asked.body).toBe(200);
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401); // still locked until approved
    const security = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'secadmin')).username);
    const approved = await security.request('POST', `/api/account-requests/${asked.json().request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const newPassword = approved.json().delivery.accounts[0].initialPassword as string;
    expect((await login(newPassword)).statusCode).toBe(200);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const admin = await makeUser(t.ctx, orgId, 'sysadmin');
    const client = await signInAs(t.app, user.username);
    const adminClient = await signInAs(t.app, admin.username);
    const version = (await t.ctx.db.selectFrom('users').select('version').where('id', '=', user.id).executeTakeFirstOrThrow()).version;
    // Disabling takes effect at once (it gives nobody access); only what grants access waits for approval.
    expect((await adminClient.request('PATCH', `/api/users/${user.id}`, { disabled: true, version })).statusCode).toBe(200);
    expect((await client.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(signInAs(t.app, user.username)).rejects.toThrow(/401.*AUTH_INVALID_CREDENTIALS/);
  });

  it('refuses a new password that is the current one or one of the last few', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, user.username);
    const change = (currentPassword: string, newPassword: string) => client.request('POST', '/api/auth/password', { currentPassword, newPassword });
    const sequence = ['Second#Pass1', 'Third#Pass22', 'Fourth#Pass3', 'Fifth#Pass44'];
    let current = TEST_PASSWORD;
    for (const next of sequence) {
      expect((await change(current, next)).statusCode).toBe(204);
      current = next;
    }
    for (const old of [current, TEST_PASSWORD, 'Second#Pass1', 'Fourth#Pass3']) {
      const refused = await change(current, old);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'PASSWORD_REUSED', message: expect.stringContaining('最近使用过的 5 个密码') });
    }
    // Five back is far enough: the first password may come back after five others.
    expect((await change(current, 'Sixth#Pass55')).statusCode).toBe(204);
    expect((await change('Sixth#Pass55', TEST_PASSWORD)).statusCode).toBe(204);
    const kept = await t.ctx.db.selectFrom('password_history').select('id').where('user_id', '=', user.id).execute();
    expect(kept.length).toBe(4);
  });

  it('expires a session after the idle timeout', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, user.username);
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    await t.ctx.db.updateTable('sessions').set({ last_seen_at: longAgo }).where('user_id', '=', user.id).execute();
    const res = await client.request('GET', '/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_SESSION_EXPIRED');
  });

  it('shares sessions between app instances through the database', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, user.username);
    const second = await buildApp(t.ctx, { logger: false });
    const res = await second.inject({
      method: 'POST',
      url: '/api/leaders',
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
      payload: { name: '第二实例', title: '副区长' },
    });
    expect(res.statusCode).toBe(200);
    await second.close();
  });

  it('changes my own password with the policy enforced', async () => {
    const user = await makeUser(t.ctx, orgId, 'office', { mustChangePassword: true });
    const client = await signInAs(t.app, user.username);
    expect((await client.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    const weak = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.json().error.code).toBe('PASSWORD_TOO_WEAK');
    const wrong = await client.request('POST', '/api/auth/password', { currentPassword: 'nope', newPassword: 'New@Pass2024' });
    expect(wrong.json().error.code).toBe('AUTH_WRONG_PASSWORD');
    const ok = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'New@Pass2024' });
    expect(ok.statusCode).toBe(204);
    expect((await client.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(false);
    await expect(signInAs(t.app, user.username, 'New@Pass2024')).resolves.toBeTruthy();
  });
});
