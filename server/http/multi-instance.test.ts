import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUser, TEST_PASSWORD } from '../test/factories';
import { startServerProcess } from '../test/server-process';

/** Two real server processes on one database: what one writes, the other sees; sessions too. */
describe('several app processes on one database', () => {
  let db: TestDb;
  let a: Awaited<ReturnType<typeof startServerProcess>>;
  let b: Awaited<ReturnType<typeof startServerProcess>>;
  let username: string;

  beforeAll(async () => {
    db = await createTestDb();
    const org = await makeOrg(db.ctx);
    username = (await makeUser(db.ctx, org.id, 'office')).username;
    const env = { DUBAN_DEMO: 'off', DUBAN_DATA_DIR: db.config.dataDir, ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}) };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await db.close();
  });

  it('signs in on one process and works on the other', async () => {
    const csrf = await fetch(`${a.url}/api/auth/csrf`);
    const pre = ((await csrf.json()) as { csrfToken: string }).csrfToken;
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': pre, cookie: `duban_csrf=${pre}` },
      body: JSON.stringify({ username, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const session = login.headers.getSetCookie().find((c) => c.startsWith('duban_session='))!.split(';')[0]!;
    const { user } = (await login.json()) as { user: { csrfToken: string } };

    const created = await fetch(`${b.url}/api/units`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session, 'x-csrf-token': user.csrfToken },
      body: JSON.stringify({ name: '区跨实例局' }),
    });
    expect(created.status).toBe(200);
    const listed = (await (await fetch(`${a.url}/api/units`, { headers: { cookie: session } })).json()) as { items: { name: string }[] };
    expect(listed.items.map((u) => u.name)).toContain('区跨实例局');

    // Signing out on B ends the session on A as well.
    await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie: session, 'x-csrf-token': user.csrfToken } });
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: session } })).status).toBe(401);
  });
});
