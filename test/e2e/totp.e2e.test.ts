import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/auth/totp';
import { apiSend, DEMO_PASSWORD, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

/** What is on the screen (not the whole long page behind the dialog), to look at as a clerk would. */
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });

describe('two-step verification', () => {
  it('the office turns it on in 账号安全, signs out, and signs in again with a code from the app', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');

    // 账号安全 from the user menu: off, then set up.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '账号安全' }).click();
    const dialog = page.getByRole('dialog', { name: '账号安全' });
    await dialog.getByText('未开启').waitFor();
    await dialog.getByRole('button', { name: '开启两步验证' }).click();
    const secretText = await dialog.getByTestId('totp-secret').innerText();
    const secret = secretText.replace(/\s/g, '');
    expect(secretText).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/); // grouped in fours for typing by hand
    expect(await dialog.getByTestId('totp-qr').locator('canvas').isVisible()).toBe(true);
    await shot(page, 'totp-setup');

    // The phone's app computes the code; here the same RFC 6238 function does.
    await dialog.getByLabel('动态验证码').fill(totpCode(secret, Date.now()));
    await dialog.getByRole('button', { name: '验证并开启' }).click();
    const codes = (await dialog.getByTestId('recovery-codes').innerText()).match(/[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/g) ?? [];
    expect(codes).toHaveLength(10);
    await dialog.getByText('此后将无法再次查看').waitFor();
    await shot(page, 'totp-recovery-codes');
    await dialog.getByRole('button', { name: '我已妥善保存恢复码' }).click();
    await dialog.getByText('已开启').waitFor();
    await dialog.getByText('10 个').waitFor();
    await shot(page, 'account-security');
    await dialog.getByRole('button', { name: 'Close' }).or(dialog.getByLabel('Close')).first().click();

    // Sign out, then in: the password alone leads to the code step, which keeps the username.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await signIn(page, 'duchashi');
    const card = page.locator('.login-card');
    await card.getByText('两步验证').first().waitFor();
    await card.getByText('duchashi').waitFor();
    expect(await page.getByLabel('用户名').isVisible()).toBe(false);
    await shot(page, 'login-totp-step');

    await page.getByLabel('动态验证码').fill('000000' === totpCode(secret, Date.now()) ? '111111' : '000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByRole('alert').filter({ hasText: '动态验证码不正确' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await shot(page, 'login-totp-wrong');

    // The confirming code's step is spent; the next step's code is within the allowed drift.
    await page.getByLabel('动态验证码').fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.waitForURL('**/office');

    // And off again, with the password and a recovery code.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '账号安全' }).click();
    await dialog.getByText('剩余恢复码').waitFor();
    await dialog.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await dialog.getByLabel('动态验证码或恢复码').fill(codes[0]!);
    await dialog.getByRole('button', { name: '关闭两步验证' }).click();
    await dialog.getByText('未开启').waitFor();
    await dialog.getByRole('button', { name: '开启两步验证' }).waitFor();
  });

  it('the security administrator resets the office clerk’s two-step verification after a lost phone', async () => {
    const clerk = (await e2e.newPage()).page;
    await signIn(clerk, 'duchashi');
    await clerk.waitForURL('**/office');
    const { secret } = await apiSend<{ secret: string }>(clerk, 'POST', '/api/auth/totp/setup');
    await apiSend(clerk, 'POST', '/api/auth/totp/enable', { code: totpCode(secret, Date.now()) });

    const { page } = await e2e.newPage();
    await signIn(page, 'anquan');
    await page.waitForURL('**/security');
    const row = page.getByRole('row').filter({ hasText: 'duchashi' });
    await row.waitFor();
    await shot(page, 'security-totp-users');
    await row.getByRole('button', { name: /重\s*置/ }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText('暂无开启两步验证的账号').waitFor();
    // The clerk's session ended with the reset; the password alone signs in again.
    await clerk.reload();
    await clerk.waitForURL('**/login');
    await signIn(clerk, 'duchashi');
    await clerk.waitForURL('**/office');
  });
});
