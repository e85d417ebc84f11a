import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { RESULTS_DIR, ROOT, signIn, startE2E, type E2E } from './harness';

// Issue 3 through the browser: the office uploads a notice, checks the parser's work, corrects it
// and imports it, or re-imports an edited version and picks the differences to apply. The demo
// server has already imported the seed notice (新政办〔2024〕1号) at its first start.

const SEED = path.join(ROOT, 'data', 'demo', 'xinzhou-2024-notice.txt');
const seedText = fs.readFileSync(SEED, 'utf8');

let e2e: E2E;
let page: Page;
let tmp: string;

function writeTemp(name: string, content: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}

async function upload(file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
}

/** antd spaces two-character Chinese button labels ("应 用"), so match with optional spaces. */
async function confirmPopover(label: RegExp): Promise<void> {
  await page.getByRole('tooltip').getByRole('button', { name: label }).click();
}

/** What the clerk sees on the 1440×900 screen (the full-page shots of long tables are hard to read). */
async function screen(name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

async function visibleText(): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Notices as the server lists them, read with the page's own session. */
async function listNotices(): Promise<{ docNumber: string | null; tasks: number }[]> {
  const res = await page.request.get('/api/notices');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { docNumber: string | null; tasks: number }[] }).items;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-notice-e2e-'));
  e2e = await startE2E();
  ({ page } = await e2e.newPage());
  // Leaving the preview with unsaved corrections asks first; a test that failed midway must not hang there.
  page.on('dialog', (d) => void d.accept());
  await signIn(page, 'duchashi');
  await page.waitForURL('**/office');
  await page.getByRole('menuitem', { name: /导入通知/ }).click();
  await page.waitForURL('**/office/import');
  await page.getByRole('heading', { name: '导入通知' }).waitFor();
});

// Each test starts from the upload step, so one failure does not cascade into the next.
beforeEach(async () => {
  await page.goto('/office/import');
  await page.getByText('点击或将责任分解通知拖到此处上传').waitFor();
});

afterAll(async () => {
  await e2e?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('notice import', () => {
  it('lists the notice the demo imported and finds no difference when it is uploaded again', async () => {
    await page.getByRole('row').filter({ hasText: '新政办〔2024〕1号' }).getByText('242').waitFor();
    await e2e.screenshot(page, 'notice-import-start');
    await upload(SEED);
    await page.getByText('与已导入的通知完全一致').waitFor();
    await page.getByText(/242 项事项没有差异/).waitFor();
    await e2e.screenshot(page, 'notice-import-same');
    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.getByText('点击或将责任分解通知拖到此处上传').waitFor();
  });

  it('shows the upload progress, then that the server is parsing', async () => {
    // A slow intranet link, simulated: 60 KB at 24 KB/s takes a few seconds to go up.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 50,
      downloadThroughput: -1,
      uploadThroughput: 24 * 1024,
    });
    try {
      await upload(SEED);
      await page.getByText(/正在上传 xinzhou-2024-notice\.txt/).waitFor();
      await page
        .locator('.ant-progress-text')
        .filter({ hasText: /^[1-9]\d?%$/ })
        .waitFor({ timeout: 10_000 });
      await screen('notice-import-uploading');
      await page.getByText('与已导入的通知完全一致').waitFor({ timeout: 30_000 });
    } finally {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
  });

  it('shows the change in an edited version and applies it', async () => {
    const before = '(2) 地方一般公共预算收入增长 5%左右。';
    expect(seedText).toContain(before);
    const edited = writeTemp(
      '新洲区责任分解通知（修订）.txt',
      seedText.replace(before, '(2) 地方一般公共预算收入增长 5.5%左右。'),
    );

    await upload(edited);
    await page.getByText(/差异对比：新政办〔2024〕1号 已导入/).waitFor();
    await page.getByText('已填报的进展不会丢失', { exact: false }).waitFor();
    const changed = page.getByTestId('diff-变更');
    await changed.getByText('附件1 (2)').waitFor();
    await changed.locator('.diff-before').filter({ hasText: '5%左右' }).waitFor();
    await changed.locator('.diff-after').filter({ hasText: '5.5%左右' }).waitFor();
    expect(await page.getByTestId('diff-新增').getByRole('checkbox').count()).toBe(0);
    await e2e.screenshot(page, 'notice-import-diff');

    await page.getByRole('button', { name: /应用所选差异/ }).click();
    await confirmPopover(/应\s*用/);
    await page.getByText('差异已应用').waitFor();
    await page.getByText(/新增 0 项、变更 1 项、删除 0 项/).waitFor();
    await e2e.screenshot(page, 'notice-import-diff-applied');

    // Applied: the same edited file now matches the ledger, and the notice is still one of 242 tasks.
    await page.getByRole('button', { name: '继续导入其他通知' }).click();
    await upload(edited);
    await page.getByText('与已导入的通知完全一致').waitFor();
    const notices = await listNotices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ docNumber: '新政办〔2024〕1号', tasks: 242 });
  });

  it('previews a new notice with repairs and questions, takes corrections, and imports it', async () => {
    const fresh = writeTemp(
      '新洲区责任分解通知（9号）.txt',
      seedText.replace('新政办〔2024〕1号', '新政办〔2024〕9号'),
    );
    await upload(fresh);
    await page.getByText('解析结果（按原文顺序）').waitFor();
    expect(await page.getByRole('tab').count()).toBe(5);
    await page.getByRole('tab', { name: /附件1 区政府工作报告（199）/ }).waitFor();
    await page.getByRole('tab', { name: /附件3 省民生实事（10）/ }).waitFor();
    const stats = page.locator('.ant-statistic');
    await stats.filter({ hasText: '任务数' }).getByText('242', { exact: true }).waitFor();
    await stats.filter({ hasText: '待确认数' }).getByText('13', { exact: true }).waitFor();
    expect(await page.locator('tr.row-uncertain').count()).toBeGreaterThan(0);
    expect(await page.locator('tr.row-repaired').count()).toBeGreaterThan(0);
    // The parser's anomalies are written in English for developers; clerks read them in Chinese.
    await page.getByText(/目标14的名称印法不一/).waitFor();
    expect(await visibleText()).not.toMatch(/(?<!\.)\b[a-z]{4,}\b/);
    await e2e.screenshot(page, 'notice-import-preview');
    await screen('notice-import-preview-screen');

    // A repair explains itself: what was printed, what it became, and why.
    const garbled = page.locator('tr[data-row-key="1/(32)"]');
    await garbled.getByText('待确认').waitFor();
    await garbled.getByText(/已修复/).hover();
    const popover = page.locator('.ant-popover:visible');
    await popover.getByText('丁肖新').waitFor();
    await popover.getByText(/“丁”为“丁力”的前半/).waitFor();
    await page.waitForTimeout(400); // let the fade-in finish so the screenshot shows what a clerk reads
    await screen('notice-import-repair-popover');
    await page.mouse.move(0, 0);

    await page.getByRole('switch', { name: '只看需确认的' }).click();
    expect(await page.locator('tr.ant-table-row').count()).toBeLessThan(60);
    await e2e.screenshot(page, 'notice-import-flagged');
    await page.locator('tr[data-row-key="1/(32)"]').scrollIntoViewIfNeeded();
    await screen('notice-import-flagged-screen');

    // Correct one uncertain row: the garbled "丁肖新" cell really meant 丁力 alone.
    await garbled.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '编辑事项：附件1 (32)' });
    await dialog.waitFor();
    const leaders = dialog.getByLabel('分管区领导');
    await leaders.click();
    await leaders.press('Backspace');
    await dialog.locator('.ant-select-selection-item').filter({ hasText: '肖新锋' }).waitFor({ state: 'detached' });
    await screen('notice-import-correct');
    await dialog.getByRole('button', { name: '保存更正' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await garbled.getByText('已更正', { exact: true }).waitFor();
    expect((await garbled.locator('td.col-leaders').innerText()).trim()).toBe('丁力');

    // Confirm another as printed.
    const asIs = page.locator('tr[data-row-key="1/(35)"]');
    await asIs.getByRole('button', { name: '确认无误' }).click();
    await asIs.getByText('已确认', { exact: true }).waitFor();
    await stats.filter({ hasText: '待确认数' }).getByText('11', { exact: true }).waitFor();
    await screen('notice-import-corrected');

    // Annexes 2–5 are handed down from above: upstream number and item, district target, month.
    await page.getByRole('switch', { name: '只看需确认的' }).click();
    await page.getByRole('tab', { name: /附件2 省政府工作报告/ }).click();
    const annex2 = page.getByRole('tabpanel', { name: /附件2/ });
    await annex2.getByRole('columnheader', { name: '上级序号/上级事项' }).waitFor();
    await annex2.getByRole('columnheader', { name: '完成时限' }).waitFor();
    await annex2.getByText('关联：附件1 (1)').first().waitFor();
    await annex2.scrollIntoViewIfNeeded();
    await screen('notice-import-annex2');

    await page.getByRole('button', { name: /确认导入/ }).click();
    await page
      .getByRole('tooltip')
      .getByText(/仍有 11 项待确认/)
      .waitFor();
    await confirmPopover(/导\s*入/);
    await page.getByText('导入成功').waitFor();
    await page.getByText(/任务 242 项/).waitFor();
    await e2e.screenshot(page, 'notice-import-done');
    expect((await listNotices()).find((n) => n.docNumber === '新政办〔2024〕9号')?.tasks).toBe(242);

    // The correction is in the ledger: uploading the uncorrected file again shows it as the only change.
    await page.getByRole('button', { name: '继续导入其他通知' }).click();
    await upload(fresh);
    const changed = page.getByTestId('diff-变更');
    await changed.getByText('附件1 (32)').waitFor();
    await changed.locator('.diff-after').filter({ hasText: '丁力、肖新锋' }).waitFor();
    expect(await changed.getByRole('checkbox').count()).toBe(2); // the item and 全选
  });

  it('explains in Chinese why a file cannot be imported', async () => {
    await upload(writeTemp('会议纪要.txt', '会议纪要\n今天开会讨论了食堂的菜单。\n下周继续。\n'));
    await page.getByRole('alert').filter({ hasText: '未识别为责任分解通知' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '会议纪要.txt' }).waitFor();
    await e2e.screenshot(page, 'notice-import-not-a-notice');

    await upload(writeTemp('通知.pdf', '%PDF-1.4\n%fake\n'));
    await page.getByRole('alert').filter({ hasText: '不是有效的 PDF' }).waitFor();
    expect(await visibleText()).not.toMatch(/(?<!\.)\b[a-z]{4,}\b/);
    await e2e.screenshot(page, 'notice-import-pdf');
  });
});
