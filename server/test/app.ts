import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../http/app';
import { createTestDb, type TestDb } from './db';
import { TEST_PASSWORD } from './factories';

/** The real app on a fresh database, driven through app.inject (no network). */
export async function createTestApp(overrides: NodeJS.ProcessEnv = {}): Promise<TestDb & { app: App }> {
  const db = await createTestDb(overrides);
  const app = await buildApp(db.ctx, { logger: false });
  await app.ready();
  return {
    ...db,
    app,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A signed-in browser: keeps the session cookie and sends the CSRF token like the web app. */
export type Client = {
  request: (method: Method, url: string, body?: unknown, opts?: { csrf?: boolean }) => Promise<LightMyRequestResponse>;
  cookie: string;
  csrfToken: string;
};

export async function signInAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const csrfRes = await app.inject({ method: 'GET', url: '/api/auth/csrf' });
  const preToken = csrfRes.json<{ csrfToken: string }>().csrfToken;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-csrf-token': preToken, cookie: `duban_csrf=${preToken}` },
    payload: { username, password },
  });
  if (login.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${login.statusCode} ${login.body}`);
  const session = login.cookies.find((c) => c.name === 'duban_session');
  const cookie = `duban_session=${session!.value}`;
  const csrfToken = login.json<{ user: { csrfToken: string } }>().user.csrfToken;
  return {
    cookie,
    csrfToken,
    request: (method, url, body, opts = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, ...(opts.csrf === false || method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** A multipart/form-data body as a browser sends it: files and plain fields. */
export function multipart(parts: { name: string; value: string | Buffer; fileName?: string }[]) {
  const boundary = `----duban${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName.replace(/"/g, "%22")}"` : ''}`;
    const type = p.fileName ? 'Content-Type: application/octet-stream\r\n' : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Sends a multipart request as the signed-in client. */
export function postMultipart(app: App, client: Client, url: string, parts: Parameters<typeof multipart>[0]) {
  const body = multipart(parts);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, 'content-type': body.contentType },
    payload: body.payload,
  });
}
