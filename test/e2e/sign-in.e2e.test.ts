import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { animationsSettled } from './animations';
import { seriousViolations } from './axe';
import { expectNoSidewaysScroll, signIn, startE2E, type E2E } from './harness';

interface DemoAccount {
  username: string;
  role: string;
  roleLabel: string;
  displayName: string;
  unitName: string | null;
}

// One demo account per role, its home, the page heading and one more thing only that home shows.
const ROLES: { role: string; username: string; home: string; heading: string; marker: string | RegExp }[] = [
  { role: 'office', username: 'duchashi', home: '/office', heading: '督查室工作台', marker: '本期报送情况' },
  { role: 'unit_staff', username: 'jtj.jingban', home: '/unit', heading: '单位经办人首页', marker: '待办事项' },
  { role: 'unit_head', username: 'jtj.fuzeren', home: '/unit-head', heading: '单位负责人首页', marker: '待审核报告' },
  { role: 'leader', username: 'dingli', home: '/leader', heading: '区领导首页', marker: '分管事项' },
  { role: 'viewer', username: 'fenghuang', home: '/viewer', heading: '查看人员首页', marker: '只读权限' },
  { role: 'sysadmin', username: 'xitong', home: '/admin/users', heading: '用户管理', marker: 'jtj.jingban' },
  { role: 'secadmin', username: 'anquan', home: '/security', heading: '安全设置', marker: '会话空闲超时' },
  { role: 'auditor', username: 'shenji', home: '/audit', heading: '审计日志', marker: '审计链校验' },
];

let e2e: E2E;
let accounts: Map<string, DemoAccount>;

beforeAll(async () => {
  e2e = await startE2E();
  const res = await fetch(`${e2e.baseUrl}/api/demo/accounts`);
  expect(res.status, 'the demo must be on for the e2e server').toBe(200);
  const body = (await res.json()) as { accounts: DemoAccount[] };
  accounts = new Map(body.accounts.map((a) => [a.username, a]));
});

afterAll(async () => {
  await e2e?.stop();
});

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

/**
 * The change-password modal is on every page, and its buttons come from antd's locale: "取 消" and
 * "确 定" (antd spaces two-character Chinese button labels). English here means zh_CN was lost.
 */
async function checkChangePasswordModal(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await expect.poll(() => dialog.getByRole('button', { name: '确 定' }).isVisible()).toBe(true);
  await animationsSettled(page);
  await dialog.getByRole('button', { name: '取 消' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

describe('sign-in', () => {
  it('shows the sign-in page with the demo accounts', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByText('督办 · 目标任务责任分解督办系统').first().waitFor();
    await page.getByText('演示账号').waitFor();
    // Clicking a demo row fills the form.
    await page.getByRole('cell', { name: 'jtj.jingban', exact: true }).click();
    expect(await page.getByLabel('用户名').inputValue()).toBe('jtj.jingban');
    await e2e.screenshot(page, 'login');
  });

  it('rejects a wrong password with the server message', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    expect(pathOf(page)).toBe('/login');
    await e2e.screenshot(page, 'login-wrong-password');
  });

  it('answers an unknown name exactly as a wrong password, readable on a phone (issue 17, finding 6)', async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'no.such.person', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    expect(pathOf(page)).toBe('/login');
    // Nothing on the page tells an unknown name from a known one with a wrong password.
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([await alert.innerText()]);
    const box = await alert.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, 'the message fits the phone’s width').toBe(true);
    await page.getByText('演示账号').waitFor();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page, 'body')).toEqual([]);
    await e2e.screenshot(page, 'login-unknown-name-390');
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/office');
    await page.waitForURL('**/login');
  });

  for (const r of ROLES) {
    it(`signs in as ${r.role} (${r.username}) and lands on ${r.home}`, async () => {
      const account = accounts.get(r.username);
      expect(account, `demo account ${r.username}`).toBeDefined();
      expect(account?.role).toBe(r.role);

      const { page } = await e2e.newPage();
      await signIn(page, r.username);
      await page.waitForURL(`**${r.home}`);
      await page.getByRole('heading', { name: r.heading, level: 1 }).waitFor();
      await page.getByText(r.marker).first().waitFor();

      // The header names the person and their role, and where they sit.
      const userMenu = page.getByTestId('user-menu');
      await expect.poll(() => userMenu.innerText()).toContain(account?.displayName ?? '?');
      await expect.poll(() => userMenu.innerText()).toContain(account?.roleLabel ?? '?');
      await expect.poll(() => page.getByTestId('org-path').innerText()).toMatch(/湖北省 \/ 武汉市 \/ 新洲区/);
      if (account?.unitName && (r.role === 'unit_staff' || r.role === 'unit_head')) {
        await page.getByText(account.unitName).first().waitFor();
      }

      await page.waitForLoadState('networkidle');
      await e2e.screenshot(page, `home-${r.role}`);
      await checkChangePasswordModal(page);

      // "/" goes home, and another role's home is not reachable.
      await page.goto('/');
      await page.waitForURL(`**${r.home}`);
      const other = r.home === '/audit' ? '/office' : '/audit';
      await page.goto(other);
      await page.waitForURL(`**${r.home}`);
      expect(pathOf(page)).toBe(r.home);
    });
  }

  it('office: directory tables use the Chinese locale', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    // The directory is under 系统设置 › 基础数据 (issue 15).
    await page.goto('/office/directory');
    // Pagination's page-size selector text comes from antd's zh_CN locale ("10 / page" in English).
    await page.getByText('条/页').first().waitFor();
    await page.getByText('区交通运输局').first().waitFor();
  });

  it('a city office sees its own organisation and directory, not the district\'s', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'wuhan.duchashi');
    await page.waitForURL('**/office');
    await page.getByText('武汉市人民政府督查室').first().waitFor();
    await expect.poll(() => page.getByTestId('org-path').innerText()).toBe('湖北省 / 武汉市');
    // The demo gives the city its own ledger (武政办〔2024〕12号) and departments (it used to be
    // empty, and this test checked antd's zh_CN "暂无数据"; the locale is checked above).
    await page.getByText('市交通运输局').first().waitFor();
    expect(await page.getByText('区交通运输局').count()).toBe(0);
    await e2e.screenshot(page, 'home-office-city');
  });

  it('a session that ended elsewhere sends the user to sign in, saying why', async () => {
    const { context, page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    // The directory is under 系统设置 › 基础数据 (issue 15).
    await page.goto('/office/directory');
    await page.getByText('区交通运输局').first().waitFor();
    await context.clearCookies();
    await page.getByRole('button', { name: /新增单位/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '新增单位' });
    await dialog.getByLabel('单位名称').fill('区会话测试局');
    await dialog.getByRole('button', { name: '确 定' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('alert').filter({ hasText: '登录状态已失效，请重新登录' }).waitFor();
    await e2e.screenshot(page, 'login-session-ended');
  });

  it('auditor: verifies the audit chain', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'shenji');
    await page.waitForURL('**/audit');
    await page.getByRole('button', { name: /校验审计链/ }).click();
    await page.getByText('审计链完整').waitFor();
    await e2e.screenshot(page, 'audit-verified');
  });

  it('signs out back to the sign-in page', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'jtj.jingban');
    await page.waitForURL('**/unit');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL('**/login');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    // The session is really gone: a protected page sends us back to sign in.
    await page.goto('/unit');
    await page.waitForURL('**/login');
  });
});
