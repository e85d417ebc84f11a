import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { confirm, label } from './report-steps';

/**
 * Issue 18: the clerk fills and submits a quarter's report on a phone (390×844), one item at a time
 * (第 n / N 项 with 上一项 / 下一项 and a list to jump to any item, each marked 已填/未填), and her head
 * approves it on his phone. Every screenshot also checks that nothing scrolls sideways (harness.ts).
 */
const PHONE = { width: 390, height: 844 };

async function phoneShot(page: Page, name: string) {
  await page.waitForTimeout(300); // antd's motion
  await page.screenshot({ path: path.join(RESULTS_DIR, `mobile-clerk-${name}-390x844.png`) });
}

describe('the clerk’s report on a phone', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.stop());

  it('fills Q2 one item at a time and submits; the head approves on his phone', { timeout: 240_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize(PHONE);
    await signIn(page, 'jtj.jingban');
    await page.waitForURL('**/unit');
    await page.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' }).getByRole('button', { name: label('填报') }).click();
    await page.waitForURL(/\/unit\/report\/\d+$/);

    // One item on screen, with where she is and how many.
    const stepper = page.getByTestId('item-stepper');
    await expect.poll(() => stepper.innerText()).toMatch(/第 1 \/ \d+ 项/);
    const total = Number((await stepper.innerText()).match(/第 1 \/ (\d+) 项/)![1]);
    expect(total).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-testid^="report-item-"]').count()).toBe(1);
    const fillCount = page.getByTestId('fill-count');
    await expect.poll(() => fillCount.innerText()).toBe(`已填 0/${total}`);
    await phoneShot(page, '01-first-item');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    // The first item: a status and her words, saved as she types.
    const first = page.locator('[data-testid^="report-item-"]');
    await first.locator('.ant-select-selector').first().click();
    await page.locator('.ant-select-dropdown:visible').getByTitle('按序时推进').click();
    await first.getByLabel('进展情况').fill('二季度完成阳逻港快速通道初步设计批复，已开展施工招标。');
    await first.getByText(/已自动保存/).waitFor({ timeout: 15_000 });
    await expect.poll(() => fillCount.innerText()).toBe(`已填 1/${total}`);
    await phoneShot(page, '02-first-item-filled');

    // 下一项 under the item, where the thumb is.
    const nav = page.getByTestId('item-stepper-nav');
    await nav.getByRole('button', { name: '下一项' }).click();
    await expect.poll(() => stepper.innerText()).toMatch(new RegExp(`第 2 / ${total} 项`));
    await expect(nav.getByRole('button', { name: '上一项' }).isEnabled()).resolves.toBe(true);
    await phoneShot(page, '03-second-item');

    // The rest from last quarter, then the list shows every item 已填.
    await page.getByTestId('fill-bar').getByRole('button', { name: /全部沿用上期/ }).click();
    await confirm(page, '填入');
    await expect.poll(() => fillCount.innerText()).toBe(`已填 ${total}/${total}`);
    // Jump through the list to the third item, and through the outline to the last.
    await stepper.locator('.ant-select-selector').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: /^3\. / }).click();
    await expect.poll(() => stepper.innerText()).toMatch(new RegExp(`第 3 / ${total} 项`));
    await page.getByTestId('fill-bar').getByRole('button', { name: /跳到附件/ }).last().click();
    await expect.poll(() => stepper.innerText()).toMatch(new RegExp(`第 ${total} / ${total} 项`));
    await expect(nav.getByRole('button', { name: '下一项' }).isDisabled()).resolves.toBe(true);
    await phoneShot(page, '04-last-item');

    // Back to the first: what she wrote is there.
    await page.getByTestId('fill-bar').getByRole('button', { name: /跳到附件/ }).first().click();
    await expect.poll(() => stepper.innerText()).toMatch(new RegExp(`第 1 / ${total} 项`));
    await expect(page.locator('[data-testid^="report-item-"]').getByLabel('进展情况').inputValue()).resolves.toContain('阳逻港快速通道初步设计批复');

    await page.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(page, '提交');
    await page.getByTestId('report-header').getByText('待负责人审定').waitFor();
    await phoneShot(page, '05-submitted');

    // The head, on his phone: the whole report to read (not one at a time), and 审定报送.
    const { page: head } = await e2e.newPage();
    await head.setViewportSize(PHONE);
    await signIn(head, 'jtj.fuzeren');
    await head.waitForURL('**/unit-head');
    await head.getByRole('button', { name: /审\s*定/ }).first().click();
    await head.waitForURL(/\/unit-head\/report\/\d+$/);
    await expect.poll(() => head.locator('[data-testid^="report-item-"]').count()).toBe(total);
    await head.getByText('阳逻港快速通道初步设计批复').first().waitFor();
    await phoneShot(head, '06-head-reads');
    await head.getByRole('button', { name: '审定并报送' }).click();
    await confirm(head, '报送');
    await head.getByTestId('report-header').getByText(/已报送|待督查室审核/).first().waitFor();
    await phoneShot(head, '07-head-approved');
    expect(await seriousViolations(head, '.app-content')).toEqual([]);
  });
});
