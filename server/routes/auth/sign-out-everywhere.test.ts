import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../http/app';
import { createTestApp, signInAs } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

describe('sign out everywhere', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let second: App;
  let orgId: number;
  beforeAll(async () => {
    t = await createTestApp();
    second = await buildApp(t.ctx, { logger: false });
    orgId = (await makeOrg(t.ctx)).id;
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  it("ends every session of mine, on every device and process, audited, and nobody else's", async () => {
    const me = await makeUser(t.ctx, orgId, 'office');
    const someoneElse = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    const office = await signInAs(t.app, me.username);
    const home = await signInAs(second, me.username); // another computer, through another process
    const phone = await signInAs(t.app, me.username);
    const res = await phone.request('POST', '/api/auth/logout-everywhere');
    expect(res.statusCode).toBe(204);
    expect((await office.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: home.cookie } })).statusCode).toBe(401);
    expect((await phone.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await someoneElse.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const entry = await t.ctx.db.selectFrom('audit_log').select(['action', 'after_json']).where('action', '=', 'auth.sign_out_everywhere').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json!)).toEqual({ sessionsEnded: 3 });
  });

  it('ends my other sessions when I change my password, and keeps the one I changed it in', async () => {
    const me = await makeUser(t.ctx, orgId, 'office');
    const elsewhere = await signInAs(second, me.username);
    const here = await signInAs(t.app, me.username);
    const res = await here.request('POST', '/api/auth/password', { currentPassword: 'Test@Pass1', newPassword: 'Xinzhou#2025a' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await here.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await second.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: elsewhere.cookie } })).statusCode).toBe(401);
  });
});
