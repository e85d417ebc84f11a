import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from './app';
import { createTestApp, multipart, signInAs } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';

/**
 * Per-address rate limits on sign-in and uploads, counted in the database: two app instances on
 * one database (as behind a load balancer) share each address's count.
 */
describe('rate limits per client address', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let second: App;
  let orgId: number;
  beforeAll(async () => {
    t = await createTestApp({ DUBAN_RATE_LIMIT_SIGN_IN: '6', DUBAN_RATE_LIMIT_UPLOADS: '3', DUBAN_RATE_LIMIT_WINDOW_SECONDS: '3600' });
    second = await buildApp(t.ctx, { logger: false });
    orgId = (await makeOrg(t.ctx)).id;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  async function login(app: App, ip: string, username: string, password: string) {
    const csrf = (await app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
    return app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'x-csrf-token': csrf, cookie: `duban_csrf=${csrf}` },
      payload: { username, password },
    });
  }
  const auditCount = async (action: string) =>
    Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).executeTakeFirstOrThrow()).n);

  it('refuses the sign-ins of an address beyond the limit, across instances, with Retry-After, audited once', async () => {
    // Different accounts, so it is the address that is limited, not the per-account lockout.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(i % 2 ? second : t.app, '10.9.8.7', `nobody${i}`, 'x')).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const refused = await login(t.app, '10.9.8.7', 'nobody7', 'x');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message).toMatch(/登录过于频繁，请 \d+ 秒后再试/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(second, '10.9.8.7', 'nobody8', 'x')).statusCode).toBe(429);
    // A right password does not get through either: the address is refused before it is checked.
    const user = await makeUser(t.ctx, orgId, 'office');
    expect((await login(t.app, '10.9.8.7', user.username, 'Duban@2024')).statusCode).toBe(429);
    expect(await auditCount('security.rate_limited')).toBe(1);
    // Another address is not affected.
    expect((await login(t.app, '10.9.8.8', 'nobody9', 'x')).statusCode).toBe(401);
  });

  it('limits uploads per address, checked before the body is read', async () => {
    const office = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, office.username);
    const body = multipart([{ name: 'file', value: '不是通知', fileName: 'x.txt' }]);
    const upload = (app: App) =>
      app.inject({
        method: 'POST',
        url: '/api/notices/preview',
        remoteAddress: '10.1.1.1',
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': body.contentType },
        payload: body.payload,
      });
    const statuses = [await upload(t.app), await upload(second), await upload(t.app)].map((r) => r.statusCode);
    expect(statuses.every((s) => s !== 429)).toBe(true);
    const refused = await upload(second);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toMatch(/上传过于频繁/);
    // Other requests of the same address go on.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: '10.1.1.1', headers: { cookie: client.cookie } })).statusCode).toBe(200);
  });

  it('starts a new count in the next window', async () => {
    // Last window's count for an address does not carry over: move its row one window back.
    await t.ctx.db.updateTable('rate_limits').set((eb) => ({ window_no: eb('window_no', '-', 1) })).where('client', '=', '10.9.8.7').execute();
    expect((await login(t.app, '10.9.8.7', 'nobody10', 'x')).statusCode).toBe(401);
  });
});
