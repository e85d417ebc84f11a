import { TEST_PASSWORD } from './factories';

/**
 * A signed-in browser against real server processes (over the network, not app.inject): it
 * keeps the session cookie and CSRF token like the web app, and each call names the process it
 * goes to, so one session can be used through several instances as a load balancer would.
 */
export type Answer<T> = { status: number; body: T };

export type HttpClient = {
  /** The raw session token (the cookie's value); the sessions table keys it by its SHA-256. */
  token: string;
  /** The session's CSRF token, for requests `call` cannot make (multipart uploads). */
  csrfToken: string;
  /** T is what the caller expects back; nothing checks it (a wrong guess fails the test's expectations). */
  call: <T = unknown>(
    baseUrl: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
  ) => Promise<Answer<T>>;
};

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function signInOver(
  baseUrl: string,
  username: string,
  opts: { password?: string; headers?: Record<string, string> } = {},
): Promise<HttpClient> {
  const pre = ((await (await fetch(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': pre, cookie: `duban_csrf=${pre}`, ...opts.headers },
    body: JSON.stringify({ username, password: opts.password ?? TEST_PASSWORD }),
  });
  if (login.status !== 200)
    throw new Error(`sign-in as ${username} at ${baseUrl} failed: ${login.status} ${await login.text()}`);
  const token = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('duban_session='))!
    .split(';')[0]!
    .slice('duban_session='.length);
  const csrfToken = ((await login.json()) as { user: { csrfToken: string } }).user.csrfToken;
  return {
    token,
    csrfToken,
    call: async <T>(base: string, method: string, path: string, body?: unknown) =>
      answer<T>(
        await fetch(`${base}${path}`, {
          method,
          headers: {
            cookie: `duban_session=${token}`,
            ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
  };
}
