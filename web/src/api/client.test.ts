import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfInvalidHandler, setCsrfToken, setUnauthenticatedHandler } from './client';

function respond(status: number, body?: unknown) {
  return vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
  setCsrfInvalidHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on writes only, with same-origin credentials', async () => {
    const fetch = respond(200, { ok: true });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('tok');
    await api.get('/api/units');
    await api.post('/api/units', { name: 'x' });
    const [getInit, postInit] = fetch.mock.calls.map((c) => c[1] as RequestInit);
    expect((getInit?.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
    expect((postInit?.headers as Record<string, string>)['X-CSRF-Token']).toBe('tok');
    expect(postInit?.credentials).toBe('same-origin');
    expect(postInit?.body).toBe('{"name":"x"}');
  });

  it('turns the error envelope into an ApiError with the Chinese message', async () => {
    vi.stubGlobal(
      'fetch',
      respond(401, { error: { code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码错误', messageEn: 'Wrong' } }),
    );
    const err = await api.post('/api/auth/login', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((err as ApiError).message).toBe('用户名或密码错误');
    expect((err as ApiError).status).toBe(401);
  });

  it('reports a lost session, but not for /me or the login itself', async () => {
    const onLost = vi.fn();
    setUnauthenticatedHandler(onLost);
    vi.stubGlobal('fetch', respond(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录', messageEn: 'x' } }));
    await api.get('/api/auth/me').catch(() => undefined);
    await api.post('/api/auth/login', {}).catch(() => undefined);
    expect(onLost).not.toHaveBeenCalled();
    await api.get('/api/units').catch(() => undefined);
    expect(onLost).toHaveBeenCalledTimes(1);
  });

  it('asks for a fresh session on CSRF_INVALID', async () => {
    const onCsrf = vi.fn();
    setCsrfInvalidHandler(onCsrf);
    vi.stubGlobal('fetch', respond(403, { error: { code: 'CSRF_INVALID', message: '页面已过期', messageEn: 'x' } }));
    await api.patch('/api/units/1', {}).catch(() => undefined);
    expect(onCsrf).toHaveBeenCalledTimes(1);
  });

  it('says something useful when the answer is not ours', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    const err = (await api.get('/api/units').catch((e: unknown) => e)) as ApiError;
    expect(err.message).toBe('服务暂时不可用，请稍后再试');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const net = (await api.get('/api/units').catch((e: unknown) => e)) as ApiError;
    expect(net.code).toBe('NETWORK_ERROR');
  });

  it('returns undefined for 204', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 204 })),
    );
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
  });
});
