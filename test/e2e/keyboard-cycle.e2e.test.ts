import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, DEMO_PASSWORD, startE2E, type E2E } from './harness';

/**
 * Issue 18: the whole report cycle without a mouse. 区交通运输局's clerk signs in, opens the Q2
 * report, takes last quarter's text for every item and submits; the head approves it to the office;
 * the office accepts it. Only the keyboard is used: Tab / Shift+Tab to move, Enter to press, typing
 * into fields (an address typed in the browser's bar counts as keyboard too).
 */
let e2e: E2E;

/** What a screen reader would announce for the focused element: its name, spaces removed. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const labelled = el.getAttribute('aria-labelledby');
    const name =
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.placeholder) : el.innerText);
    return (name ?? '').replace(/\s+/g, '');
  });

/** Tabs forward until the focused element's name matches: the way a keyboard user finds a control. */
async function tabTo(page: Page, name: RegExp, max = 400): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    if (name.test(now)) return;
    seen.push(now);
  }
  throw new Error(`no control named ${name} within ${max} tabs; passed: ${seen.slice(-30).join(' | ')}`);
}

async function signInByKeyboard(page: Page, username: string) {
  await page.goto('/login');
  await tabTo(page, /用户名/);
  await page.keyboard.type(username);
  await tabTo(page, /^密码/);
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  e2e = await startE2E();
}, 180_000);
afterAll(() => e2e?.stop());

describe('the report cycle by keyboard alone', () => {
  it('clerk submits, head approves, office accepts', { timeout: 240_000 }, async () => {
    const { page: clerk } = await e2e.newPage();
    await clerk.setViewportSize({ width: 1366, height: 768 });
    await signInByKeyboard(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(clerk, '/api/periods');
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    expect(q2.status).toBe('open');

    await clerk.getByTestId('open-periods-card').waitFor();
    await tabTo(clerk, /^填报$/);
    await clerk.keyboard.press('Enter');
    await clerk.waitForURL(`**/unit/report/${q2.id}`);
    await clerk.getByTestId('fill-bar').waitFor();
    const total = Number((await clerk.getByTestId('fill-count').innerText()).match(/\/(\d+)/)![1]);

    await tabTo(clerk, /^全部沿用上期/);
    await clerk.keyboard.press('Enter');
    await tabTo(clerk, /^填入$/);
    await clerk.keyboard.press('Enter');
    await expect.poll(() => clerk.getByTestId('fill-count').innerText()).toBe(`已填 ${total}/${total}`);

    // One item in her own words: Shift+Tab back to the top, then to its 进展情况.
    await clerk.keyboard.press('Shift+Tab');
    await tabTo(clerk, /^展开第/);
    await clerk.keyboard.press('Enter');
    await tabTo(clerk, /^进展情况$/);
    await clerk.keyboard.press('Control+A');
    await clerk.keyboard.type('二季度已完成年度任务的一半，按序时推进。');
    await clerk.getByText(/已自动保存/).first().waitFor({ timeout: 15_000 });

    await tabTo(clerk, /^提交负责人审定$/);
    await clerk.keyboard.press('Enter');
    await tabTo(clerk, /^提交$/);
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('report-header').getByText('待负责人审定').waitFor();

    const { page: head } = await e2e.newPage();
    await head.setViewportSize({ width: 1366, height: 768 });
    await signInByKeyboard(head, 'jtj.fuzeren');
    await head.waitForURL('**/unit-head');
    await head.getByTestId('open-periods-card').waitFor();
    await tabTo(head, /^审定/);
    await head.keyboard.press('Enter');
    await head.waitForURL(`**/unit-head/report/${q2.id}`);
    await head.getByText('二季度已完成年度任务的一半').first().waitFor();
    await tabTo(head, /^审定并报送$/);
    await head.keyboard.press('Enter');
    await tabTo(head, /^报送$/);
    await head.keyboard.press('Enter');
    await head.getByTestId('report-header').getByText(/待督查室审核|已报送/).first().waitFor();

    const { page: office } = await e2e.newPage();
    await office.setViewportSize({ width: 1366, height: 768 });
    await signInByKeyboard(office, 'duchashi');
    await office.waitForURL('**/office');
    const mine = await apiGet<{ report: { id: number } }>(clerk, `/api/periods/${q2.id}/reports/mine`);
    // The period's 报送情况, its address typed into the browser's bar.
    await office.goto(`/office/periods/${q2.id}`);
    // The unit's row offers 审核.
    for (let i = 0; i < 30; i++) {
      await tabTo(office, /^审核$/);
      if ((await office.evaluate(() => document.activeElement?.closest('tr')?.textContent ?? '')).includes('区交通运输局')) break;
    }
    await office.keyboard.press('Enter');
    await office.waitForURL(`**/office/reports/${mine.report.id}`);
    await tabTo(office, /^审核通过$/);
    await office.keyboard.press('Enter');
    await tabTo(office, /^(通过|确定|审核通过)$/);
    await office.keyboard.press('Enter');
    await expect
      .poll(async () => (await apiGet<{ report: { state: string } }>(clerk, `/api/periods/${q2.id}/reports/mine`)).report.state)
      .toBe('accepted');
  });
});
