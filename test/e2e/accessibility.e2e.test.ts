import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { apiGet, apiSend, expectNoSidewaysScroll, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';

/**
 * Issue 18's accessibility sweep: axe-core (WCAG 2.1 A/AA) over the whole of ten key pages, as each
 * person opens them on the demo — sign-in, the office's workbench, the ledger, a task page, the
 * clerk's form, the head's review, the office's review, the leader's home, a published bulletin, and
 * the leader's home on a phone. Each page has 0 serious and 0 critical violations and exactly one h1;
 * after a click in the menu, focus is on the new page's heading.
 */
let e2e: E2E;
const found: Record<string, string[]> = {};

async function check(page: Page, name: string, h1: string | RegExp) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('h1').allInnerTexts(), `${name}: one h1`).toEqual([expect.stringMatching(h1)]);
  found[name] = await seriousViolations(page, 'body');
  await page.screenshot({ path: path.join(RESULTS_DIR, `a11y-${name}.png`) });
}

async function as(username: string, home: string): Promise<Page> {
  const { page } = await e2e.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, username);
  await page.waitForURL(`**${home}`);
  return page;
}

beforeAll(async () => {
  e2e = await startE2E();
}, 180_000);
afterAll(() => e2e?.stop());

describe('ten key pages pass axe-core with one h1 each', () => {
  it('as each person opens them', { timeout: 240_000 }, async () => {
    const { page: visitor } = await e2e.newPage();
    await visitor.setViewportSize({ width: 1366, height: 768 });
    await visitor.goto('/login');
    await check(visitor, 'login', '督办 · 目标任务责任分解督办系统');

    const office = await as('duchashi', '/office');
    await check(office, 'office-workbench', /首页|工作台/);
    await office.goto('/ledger');
    await check(office, 'ledger', '台账');
    const tasks = await apiGet<{ items: { id: number }[] }>(office, '/api/tasks?annexNo=1');
    await office.goto(`/tasks/${tasks.items[0]!.id}`);
    await check(office, 'task-page', /./);

    // Q2: 区交通运输局's clerk fills and submits, the head reads it, the office reviews it.
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(office, '/api/periods');
    const q1 = periods.items.find((p) => p.label === '2024年第一季度')!;
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    if (q2.status !== 'open') await apiSend(office, 'POST', `/api/periods/${q2.id}/open`);
    const clerk = await as('jtj.jingban', '/unit');
    await clerk.goto(`/unit/report/${q2.id}`);
    await clerk.getByTestId('fill-bar').waitFor();
    await check(clerk, 'clerk-form', /本单位报告/);
    const head = await as('jtj.fuzeren', '/unit-head');
    await head.goto(`/unit-head/report/${q2.id}`);
    await head.getByTestId('report-header').waitFor();
    await check(head, 'head-review', /本单位报告/);
    const rows = await apiGet<{ items: { reportId: number | null; standing: { kind: string } }[] }>(office, `/api/periods/${q1.id}/reports`);
    const reached = rows.items.find((r) => r.reportId !== null && r.standing.kind === 'reached')!;
    await office.goto(`/office/reports/${reached.reportId}`);
    await office.getByTestId('report-header').waitFor();
    await check(office, 'office-review', /./);

    // A published bulletin of Q1, as the leader reads it.
    const { csrfToken } = await apiGet<{ csrfToken: string }>(office, '/api/auth/me');
    const created = await office.request.post('/api/bulletins', { headers: { 'X-CSRF-Token': csrfToken }, data: { periodId: q1.id } });
    expect(created.status(), await created.text()).toBe(201);
    const bulletin = (await created.json()) as { id: number; version: number; docNumber: string };
    await apiSend(office, 'POST', `/api/bulletins/${bulletin.id}/publish`, { version: bulletin.version });

    const leader = await as('dingli', '/leader');
    await check(leader, 'leader-home', /./);
    await leader.goto(`/bulletins/${bulletin.id}`);
    await leader.getByTestId('bulletin-paper').waitFor();
    await check(leader, 'bulletin', bulletin.docNumber);
    await leader.setViewportSize({ width: 390, height: 844 });
    await leader.goto('/leader');
    await leader.getByTestId('focus-task').first().waitFor();
    await check(leader, 'leader-home-phone', /./);
    // The bulletin on the phone reads as text, with the Word download at hand.
    await leader.goto(`/bulletins/${bulletin.id}`);
    await leader.getByTestId('bulletin-paper').waitFor();
    await leader.getByRole('link', { name: /下载/ }).or(leader.getByRole('button', { name: /下载/ })).first().waitFor();
    await check(leader, 'bulletin-phone', bulletin.docNumber);

    expect(Object.keys(found)).toHaveLength(11);
    expect(Object.entries(found).filter(([, v]) => v.length > 0)).toEqual([]);
  });

  it('does not scroll sideways at 360 px, for every role’s pages', { timeout: 180_000 }, async () => {
    const office = await as('duchashi', '/office');
    const periods = await apiGet<{ items: { id: number; label: string }[] }>(office, '/api/periods');
    const q1 = periods.items.find((p) => p.label === '2024年第一季度')!;
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    const tasks = await apiGet<{ items: { id: number }[] }>(office, '/api/tasks?annexNo=3');
    const rows = await apiGet<{ items: { reportId: number | null }[] }>(office, `/api/periods/${q1.id}/reports`);
    const reportId = rows.items.find((r) => r.reportId !== null)!.reportId!;
    const pages: Record<string, string[]> = {
      duchashi: ['/office', '/ledger', `/tasks/${tasks.items[0]!.id}`, '/office/periods', `/office/periods/${q1.id}`, `/office/reports/${reportId}`, '/office/reminders', '/office/settings', '/office/bulletins', '/office/import', '/analysis', '/assessment', '/coordination'],
      'jtj.jingban': ['/unit', `/unit/report/${q2.id}`, '/ledger', '/coordination'],
      'jtj.fuzeren': ['/unit-head', `/unit-head/report/${q2.id}`],
      fenghuang: ['/viewer', '/ledger'],
      xitong: ['/admin/users'],
      anquan: ['/security'],
      shenji: ['/audit'],
    };
    for (const [username, urls] of Object.entries(pages)) {
      const { page } = await e2e.newPage();
      await page.setViewportSize({ width: 360, height: 780 });
      await signIn(page, username);
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      for (const url of urls) {
        await page.goto(url);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectNoSidewaysScroll(page);
      }
      await page.context().close();
    }
  });

  it('moves focus to the new page’s heading after a click in the menu', { timeout: 90_000 }, async () => {
    const office = await as('duchashi', '/office');
    await office.locator('.app-sider').getByRole('menuitem', { name: /台账/ }).first().click();
    await office.waitForURL('**/ledger');
    await expect
      .poll(() => office.evaluate(() => (document.activeElement?.tagName ?? '') + ':' + (document.activeElement?.textContent ?? '')))
      .toBe('H1:台账');
    // Tab goes on from the top of the new page, not from the menu.
    await office.keyboard.press('Tab');
    expect(await office.evaluate(() => !!document.activeElement?.closest('.app-content'))).toBe(true);
  });
});
