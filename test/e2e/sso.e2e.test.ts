import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/test/server-process';
import { startOidcProvider, type LocalOidcProvider } from '../../server/test/local-oidc-provider';
import { startWecom, type LocalPlatform } from '../../server/test/local-sso-platforms';
import { seriousViolations } from './axe';
import { apiGet, apiSend, signIn, startE2E, type E2E } from './harness';

/**
 * Issue 18, single sign-on in the browser: the sign-in page offers 「使用政务平台账号登录」, the real
 * local OIDC provider's own login page takes the person, and Duban opens on the bound account's home;
 * an unbound identity comes back to the sign-in page with the clear refusal; WeCom's in-app URL
 * (免登) lands on the home. Bindings are made the way they must be: the system administrator asks,
 * the security administrator approves.
 */
let e2e: E2E;
let op: LocalOidcProvider;
let wecom: LocalPlatform;

beforeAll(async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  op = await startOidcProvider([`${publicUrl}/api/auth/sso/oidc/callback`]);
  wecom = await startWecom('ww-e2e-corp', 'e2e-wecom-secret');
  e2e = await startE2E({
    PORT: String(port),
    DUBAN_PUBLIC_URL: publicUrl,
    DUBAN_OIDC_ISSUER: op.issuer,
    DUBAN_OIDC_CLIENT_ID: op.clientId,
    DUBAN_OIDC_CLIENT_SECRET: op.clientSecret,
    DUBAN_SSO_WECOM: 'on',
    DUBAN_WECOM_CORP_ID: 'ww-e2e-corp',
    DUBAN_WECOM_APP_SECRET: 'e2e-wecom-secret',
    DUBAN_WECOM_API_BASE: wecom.base,
    DUBAN_WECOM_OAUTH_BASE: wecom.base,
  });
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
  await op?.close();
  await wecom?.close();
});

async function shootBoth(page: Page, name: string) {
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await e2e.screenshot(page, `${name}-${w}`);
    expect(await seriousViolations(page, 'body')).toEqual([]);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The system administrator asks, the security administrator approves: `username` bound to `externalId` (API). */
async function bind(username: string, platform: 'oidc' | 'wecom', externalId: string) {
  const { page: admin } = await e2e.newPage();
  await signIn(admin, 'xitong');
  await admin.waitForURL('**/admin/**');
  const { items } = await apiGet<{ items: { id: number; username: string }[] }>(admin, '/api/users');
  const user = items.find((u) => u.username === username)!;
  const { request } = await apiSend<{ request: { id: number } }>(
    admin,
    'POST',
    `/api/users/${user.id}/platform-identities`,
    { platform, externalId, reason: '本人申请政务平台登录' },
  );
  const { page: sec } = await e2e.newPage();
  await signIn(sec, 'anquan');
  await sec.waitForURL((u) => !u.pathname.startsWith('/login'));
  await apiSend(sec, 'POST', `/api/account-requests/${request.id}/approve`);
}

/** The same through the screens: 用户管理 → 绑定平台账号, then 账号变更申请 → 批准. */
async function bindOnScreen(username: string, externalId: string) {
  const { page: admin } = await e2e.newPage();
  await admin.setViewportSize({ width: 1366, height: 768 });
  await signIn(admin, 'xitong');
  await admin.waitForURL('**/admin/users');
  const row = admin.getByRole('row').filter({ hasText: username });
  await row.getByRole('button', { name: /绑定平台账号/ }).click();
  const dialog = admin.getByRole('dialog').filter({ hasText: '绑定政务平台账号' });
  await dialog.getByLabel('平台账号标识').fill(externalId);
  await dialog.getByLabel('申请说明').fill('本人申请使用政务平台登录');
  await e2e.screenshot(admin, 'sso-bind-request');
  expect(await seriousViolations(admin, '.ant-modal')).toEqual([]);
  await dialog.getByRole('button', { name: /提交审批/ }).click();
  const asked = admin.locator('.ant-modal-confirm').filter({ hasText: '绑定申请已提交' });
  await asked.waitFor();

  const { page: sec } = await e2e.newPage();
  await sec.setViewportSize({ width: 1366, height: 768 });
  await signIn(sec, 'anquan');
  await sec.waitForURL('**/security');
  const requestRow = sec.getByTestId('account-requests').getByRole('row').filter({ hasText: externalId });
  await requestRow.getByText('绑定政务平台账号').waitFor();
  await e2e.screenshot(sec, 'sso-bind-approval');
  await requestRow.getByRole('button', { name: /批\s*准/ }).click();
  await sec
    .getByRole('tooltip')
    .getByRole('button', { name: /批\s*准/ })
    .click();
  await sec.getByText('已批准：绑定政务平台账号').waitFor();
}

describe('single sign-on through the platform', () => {
  it(
    'signs in through the local OIDC provider as the bound account, and refuses an unbound identity clearly',
    { timeout: 180_000 },
    async () => {
      await bindOnScreen('duchashi', 'zhang.wei');

      const { page } = await e2e.newPage();
      await page.goto('/login');
      const button = page.getByRole('link', { name: '使用政务平台账号登录' });
      await button.waitFor();
      await shootBoth(page, 'sso-sign-in-page');

      // The provider's own login page (oidc-provider's), then back in Duban on the office's home.
      await button.click();
      await page.waitForURL((u) => u.origin === op.issuer);
      await page.locator('input[name=login]').fill('zhang.wei');
      await page.locator('input[name=password]').fill('any');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL('**/office');
      const me = await apiGet<{ username: string }>(page, '/api/auth/me');
      expect(me.username).toBe('duchashi');

      // Someone the platform knows but nobody bound: back on the sign-in page, told what and whom to ask.
      const { page: stranger } = await e2e.newPage();
      await stranger.goto('/login');
      await stranger.getByRole('link', { name: '使用政务平台账号登录' }).click();
      await stranger.waitForURL((u) => u.origin === op.issuer);
      await stranger.locator('input[name=login]').fill('wang.unbound');
      await stranger.locator('input[name=password]').fill('any');
      await stranger.getByRole('button', { name: 'Sign-in' }).click();
      await stranger.waitForURL('**/login?sso_error=SSO_UNBOUND');
      const alert = stranger.getByRole('alert').filter({ hasText: '政务平台登录未成功' });
      await alert.waitFor();
      expect(await alert.innerText()).toContain('请联系系统管理员为您绑定账号');
      await shootBoth(stranger, 'sso-refused-unbound');
      expect((await stranger.request.get('/api/auth/me')).status()).toBe(401);
    },
  );

  it(
    'WeCom in-app sign-in (免登): the app’s URL with WeCom’s code lands on the bound account’s home',
    { timeout: 120_000 },
    async () => {
      await bind('dingli', 'wecom', 'DingLi');
      wecom.nextUser = 'DingLi';
      const { page } = await e2e.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/api/auth/sso/wecom/start');
      // The leader's home, not the sign-in page: no password was typed.
      await page.waitForURL('**/leader');
      await page.waitForFunction(
        () => document.body.innerText.includes('丁力') && !document.body.innerText.includes('正在加载'),
      );
      const me = await apiGet<{ username: string }>(page, '/api/auth/me');
      expect(me.username).toBe('dingli');
      expect(wecom.calls).toEqual(
        expect.arrayContaining(['/connect/oauth2/authorize', '/cgi-bin/gettoken', '/cgi-bin/auth/getuserinfo']),
      );
      await e2e.screenshot(page, 'sso-wecom-home-390');
    },
  );
});
