import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { confirm, item, label } from './report-steps';
import { seriousViolations } from './axe';

/**
 * Issue 15's Done-when in Chromium on the demo (business date 2024-06-25, Q1 reported): 陈静 of
 * 区交通运输局 fills the Q2 report from sign-in to submitted with 全部沿用上期, changing what moved,
 * with one photo as evidence, and the clicks are counted (at most 30); a submission with blank
 * items is refused with them listed; the clerk and the head each withdraw once; the head reads
 * the summary and opens the photo; the office reads 上期 beside 本期, opens the photo, returns with
 * only an overall comment and is offered the next report.
 */
const SHOTS = process.env.DUBAN_SHOTS_DIR ?? RESULTS_DIR;
async function shot(page: Page, name: string) {
  await page.waitForTimeout(300);
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(250);
    await page.screenshot({ path: path.join(SHOTS, `issue15-${name}-${w}x${h}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Every click and every field typed into is one action of the person. */
function clickCounter() {
  let n = 0;
  return {
    get count() {
      return n;
    },
    click: async (l: Locator) => {
      n++;
      await l.click();
    },
    type: async (l: Locator, text: string) => {
      n++;
      await l.fill(text);
    },
    /** Choosing a file: a click on the drop area and a choice in the system's file dialog. */
    chooseFile: async (l: Locator, file: { name: string; mimeType: string; buffer: Buffer }) => {
      n += 2;
      await l.setInputFiles(file);
    },
  };
}

const REASON = '请补充阳逻港快速通道项目的投资完成额。';

describe('a quarter with less to fill', () => {
  let e2e: E2E;
  let photo: Buffer;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.stop());

  it('refuses a submission with blank items and lists them', { timeout: 120_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'jyj.jingban');
    await page.waitForURL('**/unit');
    await page.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' }).getByRole('button', { name: label('填报') }).click();
    await page.getByTestId('fill-bar').waitFor();
    await page.getByRole('button', { name: '提交负责人审定' }).click();
    const refusal = page.locator('.ant-popconfirm');
    await refusal.getByText(/尚有 \d+ 个事项未填写完整，暂不能提交/).waitFor();
    await expect.poll(() => refusal.getByTestId('missing-list').innerText()).toMatch(/附件\d第\(\d+\)项：未填进展情况/);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'issue15-01-clerk-refused-1366x768.png') });
    // On a phone the refusal opens over the phone's button (a popup open while the window shrinks
    // would stay where the desktop put it).
    await page.getByRole('button', { name: '提交负责人审定' }).click();
    await refusal.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400);
    await page.getByRole('button', { name: '提交负责人审定' }).click();
    await refusal.getByText(/尚有 \d+ 个事项未填写完整，暂不能提交/).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, 'issue15-01-clerk-refused-390x844.png') });
    await confirm(page, '只看未填');
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => page.locator('[data-testid^="report-item-"]').count()).toBeGreaterThan(0);
    // The state did not move.
    await page.getByTestId('report-header').getByText(/未填报|填报中/).first().waitFor();
  });

  it('the clerk fills Q2 from Q1 with evidence in at most 30 clicks; withdraws once', { timeout: 240_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    photo = await page.screenshot({ clip: { x: 0, y: 0, width: 10, height: 10 } });
    const c = clickCounter();
    await page.goto('/login');
    await c.type(page.getByLabel('用户名'), 'jtj.jingban');
    await c.type(page.getByLabel('密码', { exact: true }), 'Duban@2024');
    await c.click(page.getByRole('button', { name: /登\s*录/ }));
    await page.waitForURL('**/unit');
    await c.click(page.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' }).getByRole('button', { name: label('填报') }));
    await page.waitForURL(/\/unit\/report\/\d+$/);
    const bar = page.getByTestId('fill-bar');
    await bar.waitFor();
    const total = Number((await bar.getByTestId('fill-count').innerText()).match(/\/(\d+)/)![1]);
    expect(total).toBeGreaterThan(10);
    // 上期 beside each item before anything is copied.
    await page.getByTestId('previous-1-(12)').getByText('上期（2024年第一季度）').waitFor();
    await shot(page, '02-clerk-form-blank');

    await c.click(bar.getByRole('button', { name: /全部沿用上期/ }));
    await c.click(page.locator('.ant-popconfirm').getByRole('button', { name: label('填入') }));
    await expect.poll(() => bar.getByTestId('fill-count').innerText()).toBe(`已填 ${total}/${total}`);
    await shot(page, '03-clerk-form-copied');

    // What moved this quarter: item (12) is now on track with new words and a photo; (114)'s figure.
    const task12 = item(page, '(12)');
    await c.click(task12.getByRole('button', { name: /展开第\(12\)项/ }));
    await c.click(task12.locator('.ant-select-selector'));
    await c.click(page.locator('.ant-select-dropdown:visible').getByTitle('按序时推进'));
    await c.type(task12.getByLabel('进展情况'), '二季度阳逻港至武汉新港快速通道完成初步设计批复，已开展施工招标。');
    await c.chooseFile(task12.locator('input[type=file]'), { name: '现场照片.png', mimeType: 'image/png', buffer: photo });
    await task12.getByRole('button', { name: '预览 现场照片.png' }).waitFor({ timeout: 20_000 });
    await task12.getByText(/已自动保存/).waitFor({ timeout: 15_000 });
    const task114 = item(page, '(114)');
    await c.click(task114.getByRole('button', { name: /展开第\(114\)项/ }));
    await c.type(task114.getByLabel(/实际完成/).first(), '约30');
    await task114.getByText(/“约30”未保存/).waitFor();
    await c.type(task114.getByLabel(/实际完成/).first(), '30');
    await task114.getByText(/已自动保存/).waitFor({ timeout: 15_000 });
    await shot(page, '04-clerk-item-edited');

    await c.click(page.getByRole('button', { name: '提交负责人审定' }));
    await c.click(page.locator('.ant-popconfirm').getByRole('button', { name: label('提交') }));
    await page.getByTestId('report-header').getByText('待负责人审定').waitFor();
    console.log(`[issue 15] 区交通运输局 Q2, sign-in to submitted with 沿用上期, 2 items changed and one photo: ${c.count} clicks (${total} items)`);
    expect(c.count).toBeLessThanOrEqual(30);

    // 撤回 before the head acts, and send it again.
    await page.getByRole('button', { name: label('撤回') }).click();
    await confirm(page, '撤回');
    await page.getByRole('button', { name: '提交负责人审定' }).waitFor();
    await page.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(page, '提交');
    await page.getByTestId('report-header').getByText('待负责人审定').waitFor();
    expect(await seriousViolations(page, '.app-content')).toEqual([]);
  });

  it('the head reads the summary, opens the photo, approves, withdraws once and approves again', { timeout: 180_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'jtj.fuzeren');
    await page.waitForURL('**/unit-head');
    await page.getByRole('button', { name: label('审定') }).first().click();
    await page.waitForURL(/\/report\/\d+$/);
    const summary = page.getByTestId('change-summary');
    await summary.getByText(/状态变化|转为滞后或存在风险/).first().waitFor();
    await summary.getByText(/指标有变化/).waitFor();
    await shot(page, '05-head-summary');
    await summary.getByLabel('只看变化').click();
    await expect.poll(() => page.locator('[data-testid^="report-item-"]').count()).toBeLessThan(10);
    const task12 = item(page, '(12)');
    await task12.getByRole('button', { name: '预览 现场照片.png' }).click();
    await page.locator('.ant-image-preview-img').waitFor();
    await page.keyboard.press('Escape');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    await page.getByRole('button', { name: label('审定并报送') }).click();
    await confirm(page, '报送');
    await page.getByTestId('report-header').getByText('已报送督查室').waitFor();
    await page.getByRole('button', { name: label('撤回报送') }).click();
    await confirm(page, '撤回报送');
    await page.getByTestId('report-header').getByText('待负责人审定').waitFor();
    await page.getByRole('button', { name: label('审定并报送') }).click();
    await confirm(page, '报送');
    await page.getByTestId('report-header').getByText('已报送督查室').waitFor();
  });

  it('the office reviews 上期 beside 本期, opens the photo, returns with an overall comment only, and goes on to the next report', { timeout: 180_000 }, async () => {
    const { page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    const periods = (await (await page.request.get('/api/periods')).json()) as { items: { id: number; label: string }[] };
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    const rows = (await (await page.request.get(`/api/periods/${q2.id}/reports`)).json()) as { items: { unit: { name: string }; reportId: number | null }[] };
    const reportId = rows.items.find((r) => r.unit.name === '区交通运输局')!.reportId!;
    await page.goto(`/office/reports/${reportId}`);
    await page.getByTestId('previous-1-(12)').waitFor();
    await page.getByTestId('change-summary').waitFor();
    const task12 = item(page, '(12)');
    await task12.getByRole('button', { name: '预览 现场照片.png' }).click();
    await page.locator('.ant-image-preview-img').waitFor();
    await page.keyboard.press('Escape');
    // A comment box inside each item, on the page.
    await task12.getByLabel('第(12)项审核意见').waitFor();
    await shot(page, '06-office-review');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    await page.getByRole('button', { name: label('退回') }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '退回报告' });
    await dialog.getByLabel('退回意见').fill(REASON);
    await dialog.getByTestId('return-item-count').getByText(/未填写/).waitFor();
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await page.getByTestId('report-header').getByText('退回修改').first().waitFor();
    await page.getByTestId('return-reason').getByText(REASON).waitFor();
    // 审核下一份: another unit's report waiting in Q2 (the demo has none yet unless one arrived); offered when there is one.
    const next = page.getByRole('button', { name: /审核下一份/ });
    const done = page.getByText('本期暂无其他待审核的报告');
    await expect.poll(async () => (await next.count()) + (await done.count())).toBeGreaterThan(0);

    // 系统设置: the office may let co-operating units leave their part blank.
    await page.goto('/office/settings');
    const card = page.getByTestId('settings-completeness');
    await card.getByText('配合事项可不填写').waitFor();
    expect(await seriousViolations(page, '[data-testid="settings-completeness"]')).toEqual([]);
  });
});
