import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { RESULTS_DIR, signIn, startE2E, type E2E } from './harness';

/**
 * Issue 17, finding 10, as the demo's 安全审计员 (shenji, 新洲区) reads it: a prober types names
 * that belong to no account — a formula, an HTML tag with onerror, a right-to-left override, the
 * word "system" — on the sign-in page. The auditor sees each one as 「输入的用户名：…」 tagged
 * 无此账号 (not as the system), as text: no image element, no script run, the override written out.
 * Screenshots at 1366×768 and 390×844; axe-core on the page.
 */
const RLO = '\u202e';
const TYPED = ['=HYPERLINK("http://evil.example/?x","点此")', '<img src=x onerror=alert(1)>', `admin${RLO}fdp.exe`, 'system'];
const SHOWN = [
  '输入的用户名：=HYPERLINK("http://evil.example/?x","点此")',
  '输入的用户名：<img src=x onerror=alert(1)>',
  '输入的用户名：admin[U+202E]fdp.exe',
  '输入的用户名：system',
];

describe('sign-in attempts of names with no account, as the district auditor sees them (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 240_000);
  afterAll(() => e2e?.stop());

  it('shows each typed name as text, marked 无此账号, to the demo district’s auditor', { timeout: 240_000 }, async () => {
    for (const username of TYPED) {
      const csrfRes = await fetch(`${e2e.baseUrl}/api/auth/csrf`);
      const csrf = ((await csrfRes.json()) as { csrfToken: string }).csrfToken;
      const res = await fetch(`${e2e.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: `duban_csrf=${csrf}` },
        body: JSON.stringify({ username, password: 'Wrong#pw1' }),
      });
      expect(res.status).toBe(401);
    }

    const { context, page } = await e2e.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'shenji');
    await page.waitForURL('**/audit');
    const table = page.getByTestId('audit-lines');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await expect.poll(async () => table.innerText()).toContain(SHOWN[3]);
    const text = await table.innerText();
    for (const shown of SHOWN) expect(text).toContain(shown);
    expect(text).not.toContain(RLO);
    // Marked as a typed name with no account, never as the system; the hover says so.
    const typedSystem = table.locator('tbody tr.ant-table-row', { hasText: SHOWN[3] }).first();
    expect(await typedSystem.innerText()).toContain('无此账号');
    expect(await typedSystem.locator('[title^="登录时输入的用户名"]').count()).toBe(1);
    // Text, not markup: no image from the typed tag, no script ran.
    expect(await page.locator('.app-content img[onerror]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'audit-typed-names-desktop.png') });
    const violations = await seriousViolations(page, '.app-content');
    expect(violations, violations.join('\n')).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await typedSystem.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'audit-typed-names-mobile.png') });
    const mobile = await seriousViolations(page, '.app-content');
    expect(mobile, mobile.join('\n')).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
