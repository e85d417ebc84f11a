import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanDocx, peImage, withParts } from '../../server/reporting/evidence-fixtures';
import { apiGet, apiSend, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { seriousViolations as axeOn } from './axe';

/**
 * Issue 15's evidence in Chromium on the demo: the clerk of 区交通运输局 attaches a photo, a PDF and
 * a Word file to an item (a Word file carrying a program is refused); the office sees them on the
 * task page's 报送记录 — the photo as a thumbnail opening a preview, the PDF in the browser's viewer
 * in a new tab, the Word file downloaded — and turns on 已完成事项须上传佐证材料 in 系统设置.
 * Screenshots at 1366×768 and 390×844; axe-core over the list and the settings card.
 */
async function upload(page: Page, url: string, name: string, mimeType: string, buffer: Buffer) {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  return page.request.post(url, { headers: { 'X-CSRF-Token': csrfToken }, multipart: { file: { name, mimeType, buffer } } });
}

describe('evidence files in Chromium', () => {
  let e2e: E2E;
  let taskId: number;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.stop());

  it('the clerk attaches files; the office opens each the way it should open', { timeout: 240_000 }, async () => {
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit**');
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(clerk, '/api/periods');
    const open = periods.items.find((p) => p.status === 'open');
    expect(open, 'an open period in the demo').toBeDefined();
    const view = await apiSend<{ report: { id: number }; items: { taskId: number }[] }>(clerk, 'POST', `/api/periods/${open!.id}/reports/mine`);
    taskId = view.items[0]!.taskId;
    const url = `/api/reports/${view.report.id}/tasks/${taskId}/evidence`;

    // Real files from the browser itself: a screenshot as the photo, the page printed as the PDF.
    await clerk.locator('.app-content').first().waitFor();
    const photo = await clerk.screenshot({ clip: { x: 0, y: 0, width: 480, height: 320 } });
    const pdf = await clerk.pdf({ format: 'A4' });
    for (const [name, type, buffer] of [
      ['现场照片.png', 'image/png', photo],
      ['验收报告.pdf', 'application/pdf', pdf],
      ['工作方案.docx', 'application/octet-stream', await cleanDocx()],
    ] as const) {
      const res = await upload(clerk, url, name, type, buffer);
      expect(res.status(), await res.text()).toBe(200);
    }
    const hostile = await upload(clerk, url, '报告.docx', 'application/octet-stream', await withParts(await cleanDocx(), { 'word/embeddings/setup.exe': peImage() }));
    expect(hostile.status()).toBe(415);
    expect((await hostile.json()).error.message).toBe('“报告.docx”内含可执行文件 word/embeddings/setup.exe，不能作为佐证材料上传。请另存为不含嵌入对象的文档后重新上传');

    const { context, page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    await page.goto(`/tasks/${taskId}`);
    const list = page.getByTestId(`evidence-${taskId}`);
    await list.waitFor();
    expect(await list.locator('li').allInnerTexts()).toEqual([expect.stringContaining('现场照片.png'), expect.stringContaining('验收报告.pdf'), expect.stringContaining('工作方案.docx')]);
    // The thumbnail really is the photo, shown from ?inline=1.
    const thumb = list.locator('.evidence-thumb img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await page.setViewportSize({ width: 1366, height: 768 });
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'evidence-task-page-1366.png') });
    expect(await axeOn(page, `[data-testid="evidence-${taskId}"]`)).toEqual([]);

    await list.getByRole('button', { name: '预览 现场照片.png' }).click();
    const preview = page.locator('.ant-image-preview-img');
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toMatch(/\/api\/evidence\/\d+\?inline=1$/);
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await page.waitForTimeout(400); // the preview's zoom-in animation
    await page.screenshot({ path: path.join(RESULTS_DIR, 'evidence-image-preview-1366.png') });
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    // The PDF opens in a new tab, in the browser's viewer (not downloaded).
    const [tab] = await Promise.all([context.waitForEvent('page'), list.getByRole('link', { name: '验收报告.pdf' }).click()]);
    await tab.waitForLoadState('load');
    expect(tab.url()).toMatch(/\/api\/evidence\/\d+\?inline=1$/);
    await tab.waitForTimeout(1500);
    await tab.screenshot({ path: path.join(RESULTS_DIR, 'evidence-pdf-tab-1366.png') });
    expect(await tab.evaluate(() => document.contentType)).toBe('application/pdf');
    await tab.close();

    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: '工作方案.docx' }).click()]);
    expect(download.suggestedFilename()).toBe('工作方案.docx');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(400); // the task page re-renders its records as phone panels
    await list.waitFor();
    await list.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'evidence-task-page-390.png') });
  });

  it('the office requires evidence for completed items in 系统设置', { timeout: 120_000 }, async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/office/settings');
    const card = page.getByTestId('settings-evidence');
    const toggle = card.getByRole('switch');
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    await card.getByText('已完成事项须上传佐证材料').click();
    await page.getByText('已开启：已完成的事项须上传佐证材料后才能提交').waitFor();
    expect(await apiGet(page, '/api/settings/evidence-requirement')).toMatchObject({ requireForCompleted: true });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'evidence-settings-1366.png') });
    expect(await axeOn(page, '[data-testid="settings-evidence"]')).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'evidence-settings-390.png') });
  });
});
