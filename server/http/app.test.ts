import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';

describe('HTTP surface', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves an OpenAPI document that covers every API route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.app.routeTable.filter((r) => r.url !== '/api/openapi.json')) {
      const p = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[p]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    // Generated from the same zod schemas that validate requests.
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });

  it('answers errors as JSON with a code and messages in Chinese and English, never a stack', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在', messageEn: 'No such API route' });

    const org = await makeOrg(t.ctx);
    const office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: office.cookie, 'x-csrf-token': office.csrfToken, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
    expect(malformed.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});
