import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUser } from '../test/factories';
import { signInOver, type HttpClient } from '../test/http-client';
import { startServerProcess, type ServerProcess } from '../test/server-process';

/** One request on a connection of its own: node:cluster hands each new connection to a worker. */
function freshConnection(url: string, cookie?: string): Promise<{ status: number; worker: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: cookie ? { cookie } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: res.headers['x-duban-worker'] as string | undefined }));
    });
    req.on('error', reject);
  });
}

/**
 * Issue 19: `duban serve --workers 2` — two processes on one port and one database. Both answer;
 * a session signed in through one works through the other, and signing out ends it in both at once.
 */
describe('duban serve --workers 2', () => {
  let db: TestDb;
  let server: ServerProcess;
  let office: string;

  beforeAll(async () => {
    db = await createTestDb();
    const org = await makeOrg(db.ctx);
    office = (await makeUser(db.ctx, org.id, 'office')).username;
    const env = db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : { DUBAN_DATA_DIR: db.config.dataDir };
    server = await startServerProcess({ ...env, DUBAN_DEMO: 'off', DUBAN_SCHEDULER: 'off' }, { args: ['--workers', '2'] });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const byWorker = async (path: string, cookie?: string) => {
    const seen = new Map<string, number[]>();
    for (let i = 0; i < 24; i++) {
      const { status, worker } = await freshConnection(`${server.url}${path}`, cookie);
      seen.set(worker ?? '?', [...(seen.get(worker ?? '?') ?? []), status]);
    }
    return seen;
  };

  it('answers from both processes', async () => {
    // Both workers start listening a moment apart: wait until the second one takes connections.
    let seen = await byWorker('/api/health');
    for (let i = 0; i < 20 && seen.size < 2; i++) {
      await new Promise((r) => setTimeout(r, 250));
      seen = await byWorker('/api/health');
    }
    expect([...seen.keys()].sort()).toEqual(['1', '2']);
  });

  it('shares sessions, and a sign-out counts in both processes at once', async () => {
    const client: HttpClient = await signInOver(server.url, office);
    const cookie = `duban_session=${client.token}`;
    const before = await byWorker('/api/dashboard', cookie);
    expect([...before.keys()].sort()).toEqual(['1', '2']);
    expect([...before.values()].flat().every((s) => s === 200)).toBe(true);
    expect((await client.call(server.url, 'POST', '/api/auth/logout')).status).toBe(204);
    const after = await byWorker('/api/dashboard', cookie);
    expect([...after.keys()].sort()).toEqual(['1', '2']);
    expect([...after.values()].flat().every((s) => s === 401)).toBe(true);
  });
});
