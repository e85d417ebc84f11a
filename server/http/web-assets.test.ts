import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app';

/**
 * The built web app as the server sends it: the .br/.gz the build writes beside each file go to
 * browsers that accept them, hashed assets are cached for good, index.html is revalidated.
 */
describe('serving the built web app', () => {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
  const script = `console.log(${JSON.stringify('督办'.repeat(2000))});\n`;
  let t: Awaited<ReturnType<typeof createTestApp>>;

  beforeAll(async () => {
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>督办</title></html>');
    fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), script);
    fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(webDir, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(script));
    t = await createTestApp({ DUBAN_WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that accepts it, gzip to one that only takes gzip, the plain file otherwise', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gz = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('revalidates the page itself, whose asset names change with every build', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/office' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('督办');
    expect(page.headers['cache-control']).not.toContain('immutable');
  });
});
