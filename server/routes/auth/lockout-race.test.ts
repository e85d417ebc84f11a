import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../auth/totp';
import { createTestDb, type TestDb } from '../../test/db';
import { makeOrg, makeUser, TEST_PASSWORD } from '../../test/factories';
import { signInOver } from '../../test/http-client';
import { startServerProcess, type ServerProcess } from '../../test/server-process';

/**
 * Issue 17, finding 2: the lockout read the failure count before the ~20 ms password check, so
 * 28 parallel sign-ins were all checked. Here 30 attempts go at once through two real `duban
 * serve` processes on one database (as behind a load balancer): at most the configured five may
 * be checked, and the right password is refused while the lock lasts. What was checked is read
 * from the audit trail: a checked failure is auth.sign_in_failed / auth.totp_failed (or
 * auth.locked for the one that locks), a refusal without a check is auth.sign_in_locked.
 */
const CHECKED = ['auth.sign_in_failed', 'auth.totp_failed', 'auth.totp_replayed', 'auth.locked'];

describe('the lockout under parallel attempts through two processes', () => {
  let db: TestDb;
  let a: ServerProcess, b: ServerProcess;
  let orgId: number;

  beforeAll(async () => {
    db = await createTestDb();
    orgId = (await makeOrg(db.ctx)).id;
    const env = { DUBAN_DEMO: 'off', DUBAN_DATA_DIR: db.config.dataDir, ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}) };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
  });

  const login = async (base: string, body: Record<string, string>) => {
    const pre = ((await (await fetch(`${base}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': pre, cookie: `duban_csrf=${pre}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, code: ((await res.json()) as { error?: { code: string } }).error?.code ?? 'OK' };
  };
  const actionsOf = async (userId: number) =>
    (await db.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(userId)).where('action', 'like', 'auth.%').execute()).map((r) => r.action);

  it('checks at most five of 30 parallel wrong passwords, then refuses the right one', async () => {
    const user = await makeUser(db.ctx, orgId, 'office');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(i % 2 ? a.url : b.url, { username: user.username, password: `Wrong#Guess${i}` })),
    );
    expect(answers.every((r) => r.status === 401 && r.code === 'AUTH_INVALID_CREDENTIALS')).toBe(true);
    const actions = await actionsOf(user.id);
    expect(actions.length).toBe(30);
    expect(actions.filter((x) => CHECKED.includes(x)).length).toBeLessThanOrEqual(5);
    // Locked by the failure that reached the limit, or by a reservation over it, whichever came first.
    expect((await db.ctx.db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow()).locked_until).not.toBeNull();
    // Locked, on either process: the right password is refused, unchecked.
    for (const base of [a.url, b.url]) expect(await login(base, { username: user.username, password: TEST_PASSWORD })).toEqual({ status: 401, code: 'AUTH_INVALID_CREDENTIALS' });
    expect((await actionsOf(user.id)).filter((x) => x === 'auth.sign_in').length).toBe(0);
  });

  it('checks at most five of 30 parallel wrong two-step codes', async () => {
    const user = await makeUser(db.ctx, orgId, 'office');
    const client = await signInOver(a.url, user.username);
    const { secret } = (await client.call<{ secret: string }>(a.url, 'POST', '/api/auth/totp/setup')).body;
    expect((await client.call(b.url, 'POST', '/api/auth/totp/enable', { code: totpCode(secret, Date.now()) })).status).toBe(200);
    const before = (await actionsOf(user.id)).length;
    const right = totpCode(secret, Date.now());
    const wrong = (i: number) => String((Number(right) + 1 + i * 7919) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(i % 2 ? a.url : b.url, { username: user.username, password: TEST_PASSWORD, totpCode: wrong(i) })),
    );
    expect(answers.every((r) => r.status === 401)).toBe(true);
    const actions = (await actionsOf(user.id)).slice(before);
    expect(actions.length).toBe(30);
    expect(actions.filter((x) => CHECKED.includes(x)).length).toBeLessThanOrEqual(5);
    expect(await login(b.url, { username: user.username, password: TEST_PASSWORD, totpCode: totpCode(secret, Date.now() + 30_000) })).toEqual({
      status: 401,
      code: 'AUTH_INVALID_CREDENTIALS',
    });
  });
});
