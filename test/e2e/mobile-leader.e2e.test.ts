import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../web/src/dashboard/api';
import { animationsSettled } from './animations';
import { seriousViolations } from './axe';
import { apiGet, DEMO_PASSWORD, expectNoSidewaysScroll, RESULTS_DIR, startE2E, type E2E } from './harness';

/**
 * Issue 18, the leader's phone (390×844, touch, as inside WeCom): the demo's district leader 丁力
 * signs in, reads his red and yellow tasks as cards on his home, taps a red task, taps 批示, writes
 * it and sends it, and sees it on the task's page. At every step: no page wider than the screen
 * (document.documentElement.scrollWidth), axe-core (WCAG 2.1 A/AA) with no serious or critical
 * violation, every control he taps at least 44 px high, and a screenshot (test-results/e2e/
 * mobile-leader-*.png). The taps from home to a saved 批示 are counted: three. The same home at
 * 1366×768 keeps the desktop's sider and tables; at 360 px the pages he uses do not scroll sideways,
 * and a light counter opens those tasks in the ledger as cards.
 */
let e2e: E2E;
let context: BrowserContext;
let page: Page;
let taps = 0;

beforeAll(async () => {
  e2e = await startE2E();
  // A phone: touch, the page's own viewport meta honoured, a screenshot the screen's size.
  context = await e2e.browser.newContext({
    baseURL: e2e.baseUrl,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  context.setDefaultTimeout(15_000);
  page = await context.newPage();
});
afterAll(async () => {
  await context?.close().catch(() => undefined);
  await e2e?.stop();
});

async function settle(p: Page): Promise<void> {
  await p.waitForLoadState('networkidle');
  // Messages, drawers and modals finish their animation: the shot is what the eye sees.
  await p.waitForTimeout(500);
}

async function shot(p: Page, name: string, fullPage = false): Promise<void> {
  await settle(p);
  await p.screenshot({ path: path.join(RESULTS_DIR, `mobile-leader-${name}.png`), fullPage });
}

/** Nothing on the page is wider than the screen (the harness's one rule, which names what sticks out). */
async function fitsWidth(p: Page): Promise<void> {
  await settle(p);
  await expectNoSidewaysScroll(p);
}

/** A thumb's target: at least 44 px high and wide (WCAG 2.5.5, the 适老化 guidelines). */
async function tappable(l: Locator): Promise<void> {
  // The phone layout is chosen after the first measurement: a button grows to its phone size in a
  // 0.2 s transition. Measure it settled, as the thumb meets it.
  await animationsSettled(l.page());
  const box = (await l.boundingBox())!;
  expect(box.height, `${await l.innerText().catch(() => '')} is ${box.height}px high`).toBeGreaterThanOrEqual(44);
  expect(box.width).toBeGreaterThanOrEqual(44);
}

async function tap(l: Locator): Promise<void> {
  taps += 1;
  await l.tap();
}

describe('the leader on his phone (390×844)', () => {
  let red: Dashboard['focusTasks'][number];
  const instruction = `请区交通运输局本周内报送推进方案，下周一前向我汇报。（手机批示 ${Date.now()}）`;

  it('signs in and finds his red and yellow tasks as cards, the task text first', { timeout: 120_000 }, async () => {
    await page.goto('/login');
    await fitsWidth(page);
    await page.getByLabel('用户名').fill('dingli');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).tap();
    await page.waitForURL('**/leader');

    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    red = d.focusTasks.find((t) => t.light === 'red')!;
    expect(red).toBeDefined();
    const cards = page.getByTestId('focus-task');
    await cards.first().waitFor();
    // No sider: a compact header with a named menu button, the section, the bell and the account.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await tappable(page.getByRole('button', { name: '打开菜单' }));
    await tappable(page.getByTestId('bell'));
    await tappable(page.getByTestId('user-menu'));
    await expect(page.getByTestId('phone-title').innerText()).resolves.toBe('领导首页');

    // Cards, not a table; each one begins with the task's whole text, then the reasons, the units,
    // the last report (date, unit, period and the progress it gave).
    expect(await page.locator('.app-content .ant-table').count()).toBe(0);
    expect(await cards.count()).toBe(Math.min(5, d.focusTasks.length));
    const first = cards.first();
    const text = await first.innerText();
    expect(text.startsWith(d.focusTasks[0]!.standard.split('\n')[0]!)).toBe(true);
    for (const r of d.focusTasks[0]!.reasons) expect(text).toContain(r);
    expect(text).toMatch(/牵头：/);
    expect(text).toMatch(/最近报送：(\d{4}年\d+月\d+日（[^）]+）|尚无单位报送)/);
    await tappable(first.getByRole('button', { name: /^批示/ }));
    await tappable(first.getByRole('button', { name: /^查看事项/ }));

    // The lights counted in one row, each a link to those tasks.
    const counters = page.getByTestId('light-counters').locator('.leader-light-counter');
    expect(await counters.count()).toBe(5);
    const tops = new Set<number>();
    for (const c of await counters.all()) {
      await tappable(c);
      tops.add(Math.round((await c.boundingBox())!.y));
    }
    expect(tops.size).toBe(1);
    await expect(page.getByTestId('light-counters').innerText()).resolves.toContain(`${d.lights.counts.red}\n红灯`);

    // The period's units are folded behind their four figures; the portfolio is a link, not a table.
    expect(await page.getByTestId('portfolio').count()).toBe(0);
    await tappable(page.getByTestId('period-units-unfold'));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(4000);

    await fitsWidth(page);
    expect(await seriousViolations(page, '.app-shell')).toEqual([]);
    await shot(page, '01-home');
    await shot(page, '01-home-full', true);
  });

  it('reaches the menu and 退出登录 on screen', async () => {
    await page.getByRole('button', { name: '打开菜单' }).tap();
    const drawer = page.locator('.app-phone-drawer');
    await drawer.waitFor();
    await drawer.getByRole('menuitem', { name: /台账/ }).waitFor();
    for (const item of await drawer.getByRole('menuitem').all()) await tappable(item);
    const logout = drawer.getByRole('button', { name: /退出登录/ });
    // Measured once the drawer has slid in.
    await expect.poll(async () => (await logout.boundingBox())!.x).toBeGreaterThanOrEqual(0);
    await tappable(logout);
    const box = (await logout.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual(844);
    await fitsWidth(page);
    expect(await seriousViolations(page, '.app-phone-drawer')).toEqual([]);
    await shot(page, '02-menu');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // The account menu has it too, on screen.
    await page.getByTestId('user-menu').tap();
    const item = page.getByRole('menuitem', { name: /退出登录$/ });
    await item.waitFor();
    const b = (await item.boundingBox())!;
    expect(b.x + b.width).toBeLessThanOrEqual(390);
    await shot(page, '03-account-menu');
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
  });

  it('taps a red task, taps 批示, sends it and sees it on the task page: three taps', { timeout: 60_000 }, async () => {
    taps = 0;
    const card = page.getByTestId('focus-task').filter({ hasText: red.reasons[0]! }).first();
    // 1: the task's text opens the task.
    await tap(card.getByRole('link', { name: red.standard.slice(0, 12) }));
    await page.waitForURL(`**/tasks/${red.taskId}`);
    const instruct = page.getByTestId('task-instruct');
    await instruct.waitFor();
    await tappable(instruct);
    await tappable(page.getByRole('button', { name: /返回/ }));
    // 批示 is on the first screen, not below the task's details.
    expect((await instruct.boundingBox())!.y + 44).toBeLessThanOrEqual(844);
    await fitsWidth(page);
    expect(await seriousViolations(page, '.app-shell')).toEqual([]);
    await shot(page, '04-task');
    await shot(page, '04-task-full', true);

    // 2: 批示 opens the box, the cursor already in it (no tap to focus).
    await tap(instruct);
    const modal = page.getByRole('dialog').filter({ hasText: '批示内容' });
    await modal.waitFor();
    const box = modal.getByLabel('批示内容');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.insertText(instruction);
    const send = modal.getByRole('button', { name: /发送批示/ });
    await tappable(send);
    await fitsWidth(page);
    expect(await seriousViolations(page, '.ant-modal-wrap')).toEqual([]);
    await shot(page, '05-instruction');

    // 3: 发送批示. The page then opens 领导批示 (a panel on a phone) with his words.
    await tap(send);
    await page.getByText('批示已发送给责任单位').waitFor();
    const records = page.getByTestId('task-records');
    await records.getByRole('button', { name: /领导批示/, expanded: true }).waitFor();
    await records.getByText(instruction).waitFor();
    const task = await apiGet<{ instructions: { body: string; authorName: string }[] }>(
      page,
      `/api/tasks/${red.taskId}`,
    );
    expect(task.instructions.find((i) => i.body === instruction)?.authorName).toBe('丁力');
    await fitsWidth(page);
    expect(await seriousViolations(page, '.app-shell')).toEqual([]);
    await shot(page, '06-instruction-saved');

    expect(taps).toBe(3);
    console.log(`taps from the home to a saved 批示: ${taps}`);
  });

  it('does not scroll sideways at 360 px on the pages he uses', { timeout: 90_000 }, async () => {
    await page.setViewportSize({ width: 360, height: 780 });
    for (const url of [
      '/leader',
      `/tasks/${red.taskId}`,
      '/ledger',
      '/coordination',
      '/assessment',
      '/analysis',
      '/bulletins',
    ]) {
      await page.goto(url);
      await page.locator('.app-content .page-header').first().waitFor();
      await fitsWidth(page);
    }
    // 数据分析's 最滞后事项 keeps each task's text on a phone (the table cut it to nothing).
    const analysis = await apiGet<Dashboard>(page, '/api/dashboard');
    await page.goto('/analysis');
    const behind = page.getByTestId('behind-task');
    await behind.first().waitFor();
    await expect(behind.first().innerText()).resolves.toContain(analysis.mostBehindTasks[0]!.standard.split('\n')[0]!);
    await fitsWidth(page);

    await page.goto('/leader');
    await page.getByTestId('focus-task').first().waitFor();
    await shot(page, '07-home-360');

    // 红灯 13 opens those tasks in the ledger, as cards with the text first (not a cut-off table).
    const d = await apiGet<Dashboard>(page, '/api/dashboard');
    await page.getByTestId('light-counters').getByRole('link', { name: /红灯/ }).tap();
    await page.waitForURL('**/ledger?*light=red*');
    const cards = page.getByTestId('ledger-card');
    await cards.first().waitFor();
    await expect.poll(() => cards.count()).toBe(Math.min(d.lights.counts.red, 20));
    expect(await page.locator('.app-content .ant-table').count()).toBe(0);
    await fitsWidth(page);
    expect(await seriousViolations(page, '.app-shell')).toEqual([]);
    await shot(page, '08-ledger-red-360');
  });
});

describe('the same home on the desktop (1366×768)', () => {
  it('keeps the sider, the full header and the portfolio table', { timeout: 60_000 }, async () => {
    const { page: desk } = await e2e.newPage();
    await desk.setViewportSize({ width: 1366, height: 768 });
    await desk.goto('/login');
    await desk.getByLabel('用户名').fill('dingli');
    await desk.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await desk.getByRole('button', { name: /登\s*录/ }).click();
    await desk.waitForURL('**/leader');
    await desk.locator('.ant-layout-sider').waitFor();
    await desk.getByRole('button', { name: /退出登录/ }).waitFor();
    expect(await desk.getByRole('button', { name: '打开菜单' }).count()).toBe(0);
    await desk.getByTestId('portfolio').locator('.ant-table-row').first().waitFor();
    await desk.getByTestId('focus-task').first().waitFor();
    await fitsWidth(desk);
    expect(await seriousViolations(desk, '.app-shell')).toEqual([]);
    await settle(desk);
    await desk.screenshot({ path: path.join(RESULTS_DIR, 'mobile-leader-09-home-1366x768.png') });
  });
});
