import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../../test/app';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../test/factories';

/**
 * Issue 17, finding 5: inside a session, POST /api/auth/password and /api/auth/totp/disable
 * checked the current password (and code) with no count, no rate limit and no audit, and the
 * next error told a right guess from a wrong one. Whoever holds a stolen session must meet the
 * same lockout as at the sign-in page.
 */
describe('guessing the current password inside a session', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await makeOrg(t.ctx)).id;
  });
  afterAll(() => t.close());

  const actionsOf = async (userId: number) =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(userId)).orderBy('seq').execute()).map((r) => r.action);
  const signIn = async (username: string, password: string) => {
    const pre = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json().csrfToken as string;
    return t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-csrf-token': pre, cookie: `duban_csrf=${pre}` }, payload: { username, password } });
  };

  it('counts wrong current passwords toward the lockout, audited; then even the right one is refused, and sign-in too', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, user.username);
    const change = (currentPassword: string) => client.request('POST', '/api/auth/password', { currentPassword, newPassword: 'Brand#New2024' });
    for (let i = 0; i < 5; i++) {
      const res = await change(`Guess#${i}pw`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'AUTH_WRONG_PASSWORD', message: expect.stringMatching(/^当前密码不正确，请核对后重试；连续输错 5 次后账号将锁定 15 分钟/) });
    }
    const locked = await change(TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect((await signIn(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    const actions = await actionsOf(user.id);
    expect(actions.filter((a) => a === 'auth.reauth_failed').length).toBe(4);
    expect(actions.slice(-3)).toEqual(['auth.locked', 'auth.sign_in_locked', 'auth.sign_in_locked']);
    expect(actions).not.toContain('user.change_password');
  });

  it('answers "too weak" whether the current password guessed is right or not', async () => {
    const user = await makeUser(t.ctx, orgId, 'office');
    const client = await signInAs(t.app, user.username);
    const right = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    const wrong = await client.request('POST', '/api/auth/password', { currentPassword: 'Wrong#Guess1', newPassword: 'short' });
    expect(right.json().error.code).toBe('PASSWORD_TOO_WEAK');
    expect(wrong.json().error).toEqual(right.json().error);
    // A right current password settles the count; the change itself still works.
    await client.request('POST', '/api/auth/password', { currentPassword: 'Wrong#Guess2', newPassword: 'Brand#New2024' });
    expect((await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand#New2024' })).statusCode).toBe(204);
    expect((await t.ctx.db.selectFrom('users').select('failed_sign_ins').where('id', '=', user.id).executeTakeFirstOrThrow()).failed_sign_ins).toBe(0);
  });

  it('puts the password change and turning two-step verification off in the per-address sign-in rate limit', async () => {
    const limited = await createTestApp({ DUBAN_RATE_LIMIT_SIGN_IN: '3' });
    try {
      const org = (await makeOrg(limited.ctx)).id;
      const user = await makeUser(limited.ctx, org, 'office');
      const client = await signInAs(limited.app, user.username); // the first of three
      expect((await client.request('POST', '/api/auth/password', { currentPassword: 'Wrong#Guess1', newPassword: 'Brand#New2024' })).statusCode).toBe(400);
      // Not turned on here (409), but the request is counted against the address all the same.
      expect((await client.request('POST', '/api/auth/totp/disable', { password: 'Wrong#Guess2', code: '123456' })).statusCode).toBe(409);
      const refused = await client.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Brand#New2024' });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.close();
    }
  });
});
