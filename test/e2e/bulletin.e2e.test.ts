import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import type { Bulletin } from '../../web/src/bulletins/api';
import { RESULTS_DIR, apiGet, apiSend, signIn, startE2E, type E2E } from './harness';
import { dialog, label, openBell, openMenu, pickOption } from './ledger-steps';

// 督查通报 through the browser, against the real demo server (business date 2024-06-25: the first
// quarter opened, reported — some units late, some missing — and closed). The office generates the
// Q1 bulletin, checks its figures against the API, picks a highlight and rewrites the text, meets a
// colleague's save (conflict), edits, saves, downloads the Word file and publishes; the transport
// bureau's clerk is told under the bell and reads the edited text. Then the office downloads the
// period's 汇总表. Screenshots: test-results/e2e/bulletin-*.png, or DUBAN_SHOTS_DIR when set.

const PERIOD = '2024年第一季度';
const TITLE = '关于2024年第一季度目标任务推进情况的通报（端到端测试）';
const SENTENCE = '请各责任单位于7月5日前将整改情况书面报送区政府督查室。';
const SHOTS = process.env.DUBAN_SHOTS_DIR ?? RESULTS_DIR;

let e2e: E2E;
let office: Page;
let bulletinId = 0;

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400); // antd's motion settles
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

/** A downloaded file: its suggested name and whether it is a zip (docx and xlsx both are). */
async function downloaded(download: Download): Promise<{ name: string; zip: boolean }> {
  const file = await download.path();
  const head = fs.readFileSync(file).subarray(0, 2).toString('latin1');
  return { name: download.suggestedFilename(), zip: head === 'PK' };
}

const bodyBox = (page: Page) => page.locator('textarea#body');
const titleBox = (page: Page) => page.locator('input#title');

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
});

afterAll(async () => {
  await e2e?.stop();
});

describe('督查通报', () => {
  it('generates the first quarter’s bulletin and shows the figures behind it', { timeout: 120_000 }, async () => {
    await openMenu(office, '督查通报');
    await office.waitForURL('**/office/bulletins');
    await office.getByRole('heading', { name: '督查通报' }).waitFor();
    await office.getByText('尚无通报').waitFor();
    await office.getByRole('button', { name: /生成通报/ }).click();
    const modal = dialog(office, '生成督查通报');
    await modal.waitFor();
    // Only opened periods are offered: Q2 (open since import) is the latest and picked first; the office picks Q1.
    await modal.locator('.ant-select-selection-item').filter({ hasText: '2024年第二季度（填报中）' }).waitFor();
    await modal.locator('.ant-select').click();
    await pickOption(office, `${PERIOD}（已关闭）`);
    await modal.locator('.ant-select-selection-item').filter({ hasText: `${PERIOD}（已关闭）` }).waitFor();
    await shot(office, 'bulletin-01-generate');
    await modal.getByRole('button', { name: '生成通报初稿' }).click();
    await office.waitForURL(/\/office\/bulletins\/\d+$/);
    bulletinId = Number(/(\d+)$/.exec(office.url())![1]);
    await office.getByRole('heading', { name: '编辑通报' }).waitFor();

    const b = await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`);
    expect(b).toMatchObject({ status: 'draft', docNumber: '督查通报〔2024〕第1期', periodLabel: PERIOD });
    const r = b.figures.reporting;
    expect(r.late, 'the demo’s Q1 has late units').toBeGreaterThan(0);
    expect(r.missing, 'the demo’s Q1 has missing units').toBeGreaterThan(0);
    // The cards say what the API says.
    await expect(office.getByTestId('figure-late').innerText()).resolves.toMatch(new RegExp(`逾期\\s*${r.late}\\s*个`));
    await expect(office.getByTestId('figure-missing').innerText()).resolves.toMatch(
      new RegExp(`未报\\s*${r.missing}\\s*个`),
    );
    for (const l of ['red', 'yellow', 'green', 'blue', 'grey'] as const) {
      await expect(office.getByTestId(`figure-light-${l}`).innerText()).resolves.toMatch(
        new RegExp(`${b.figures.lights.counts[l]}\\s*项`),
      );
    }
    // Each late unit opens the report behind the figure.
    const late = r.units.find((u) => u.status === 'late' && u.reportId !== null)!;
    await expect(
      office
        .getByTestId('figure-reporting')
        .getByRole('link', { name: late.unitName, exact: true })
        .getAttribute('href'),
    ).resolves.toBe(`/office/reports/${late.reportId}`);
    // The tasks most behind open their task pages.
    const behind = b.figures.behind[0]!;
    await expect(
      office.getByTestId('figure-behind').locator(`a[href="/tasks/${behind.taskId}"]`).first().isVisible(),
    ).resolves.toBe(true);
    await expect(bodyBox(office).inputValue()).resolves.toContain(`逾期报送${r.late}个，未报送${r.missing}个`);
  });

  it('rewrites the text with a picked highlight', { timeout: 60_000 }, async () => {
    const b = await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`);
    const pick = b.figures.highlightCandidates[0]!;
    expect(pick, 'the demo’s Q1 reports offer highlights').toBeTruthy();
    await office.getByTestId('highlights').locator('.ant-checkbox-input').first().check();
    await office.getByText('已选 1 项').waitFor();
    await office.getByRole('button', { name: '按所选亮点重新生成正文' }).click();
    const confirm = office.locator('.ant-modal-confirm').filter({ hasText: '按所选亮点重新生成正文？' });
    await confirm.getByText(/正文中已做的修改将被替换/).waitFor();
    await confirm.getByRole('button', { name: label('重新生成') }).click();
    // Rewriting re-reads every unit's report: on a busy machine it takes longer than a click.
    await office.getByText('正文已按最新数据和所选亮点重新生成').waitFor({ timeout: 30_000 });
    const body = await bodyBox(office).inputValue();
    expect(body).toContain('五、工作亮点');
    expect(body).toContain(`1. ${pick.unitName}：`);
    expect((await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`)).highlightProgressIds).toEqual([
      pick.progressId,
    ]);
  });

  it('says so when a colleague saved first, and reloads their version', { timeout: 60_000 }, async () => {
    // A colleague in another window saves the bulletin as it stands: the page's version is now stale.
    const b = await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`);
    const { version, issuerMark, docNumber, title, addressee, body, signature, issueDate, highlightProgressIds } = b;
    await apiSend(office, 'PUT', `/api/bulletins/${bulletinId}`, {
      version,
      issuerMark,
      docNumber,
      title,
      addressee,
      body,
      signature,
      issueDate,
      highlightProgressIds,
    });
    await titleBox(office).fill('会被覆盖的标题');
    await office.getByTestId('save-state').getByText('有未保存的修改').waitFor();
    await office
      .getByTestId('bulletin-actions')
      .getByRole('button', { name: label('保存') })
      .click();
    const warning = office.locator('.ant-modal-confirm').filter({ hasText: '保存失败：通报已被修改' });
    await warning.getByText(/您的修改未能保存/).waitFor();
    await shot(office, 'bulletin-conflict');
    await warning.getByRole('button', { name: '知道了' }).click();
    await expect(titleBox(office).inputValue()).resolves.toBe(b.title);
    await office
      .getByTestId('save-state')
      .getByText(`已保存（第 ${b.version + 1} 版）`)
      .waitFor();
  });

  it('saves the office’s edits and downloads the Word document', { timeout: 60_000 }, async () => {
    await titleBox(office).fill(TITLE);
    const body = await bodyBox(office).inputValue();
    await bodyBox(office).fill(`${body}\n\n${SENTENCE}`);
    await office
      .getByTestId('bulletin-actions')
      .getByRole('button', { name: label('保存') })
      .click();
    await office.getByText('已保存', { exact: true }).waitFor();
    await office
      .getByTestId('save-state')
      .getByText(/^已保存（第 \d+ 版）$/)
      .waitFor();
    const saved = await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`);
    expect(saved.title).toBe(TITLE);
    expect(saved.body.endsWith(SENTENCE)).toBe(true);

    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office
        .getByTestId('bulletin-actions')
        .getByRole('link', { name: /下载 Word/ })
        .click(),
    ]);
    const file = await downloaded(download);
    expect(file.name).toContain('督查通报〔2024〕第1期');
    expect(file.name.endsWith('.docx')).toBe(true);
    expect(file.zip, 'a .docx is a zip').toBe(true);

    await office.evaluate(() => window.scrollTo(0, 0));
    await shot(office, 'bulletin-editor');
    await shot(office, 'bulletin-editor-full', true);
  });

  it('publishes the bulletin, which the office then reads as a document', { timeout: 60_000 }, async () => {
    await office
      .getByTestId('bulletin-actions')
      .getByRole('button', { name: label('发布') })
      .click();
    const pop = office.locator('.ant-popconfirm').filter({ hasText: '发布后各单位和区领导可见，且不能再修改' });
    await pop.getByRole('button', { name: label('发布') }).click();
    await office.waitForURL(`**/bulletins/${bulletinId}`);
    await office.getByText('通报已发布，各责任单位和区领导已收到通知').waitFor();
    await office.getByTestId('bulletin-paper').getByText(TITLE).waitFor();
    await office.getByTestId('bulletin-figures').waitFor();
    expect((await apiGet<Bulletin>(office, `/api/bulletins/${bulletinId}`)).status).toBe('published');
    await shot(office, 'bulletin-office-read', true);

    // The list shows it published, with who and when.
    await openMenu(office, '督查通报');
    await office.waitForURL('**/office/bulletins');
    // The cached list shows at once and is refreshed behind it: wait for the published row.
    const row = office
      .locator('.ant-table-row')
      .filter({ hasText: '督查通报〔2024〕第1期' })
      .filter({ hasText: '已发布' });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(new RegExp(`${TITLE.slice(0, 12)}[\\s\\S]*王敏（督查室）`));
    await shot(office, 'bulletin-list');
  });

  it('tells the transport bureau’s clerk, who reads the edited text', { timeout: 60_000 }, async () => {
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    await clerk.getByRole('menuitem', { name: /督查通报/ }).waitFor();
    await openBell(clerk, '/unit');
    const note = clerk
      .getByTestId('notifications')
      .locator('.inbox-item')
      .filter({ hasText: `督查通报：${TITLE}` });
    await note.first().click();
    await clerk.waitForURL(`**/bulletins/${bulletinId}`);
    const paper = clerk.getByTestId('bulletin-paper');
    await paper.getByText(TITLE).waitFor();
    await paper.getByText(SENTENCE).waitFor();
    await paper.getByText('督查通报〔2024〕第1期').waitFor();
    // The office's working figures are not shown to a unit.
    await expect(clerk.getByTestId('bulletin-figures').count()).resolves.toBe(0);
    await shot(clerk, 'bulletin-read');
    await shot(clerk, 'bulletin-read-full', true);

    // 督查通报 in the clerk's menu lists it too.
    await openMenu(clerk, '督查通报');
    await clerk.waitForURL('**/bulletins');
    await clerk.locator('.ant-table-row').filter({ hasText: TITLE }).waitFor();
  });

  it('downloads the period’s 汇总表 from its 报送情况 page', { timeout: 60_000 }, async () => {
    await openMenu(office, '报送期管理');
    await office.waitForURL('**/office/periods');
    await office.locator('.ant-table-row').filter({ hasText: PERIOD }).getByRole('link', { name: '报送情况' }).click();
    await office.waitForURL(/\/office\/periods\/\d+$/);
    const [download] = await Promise.all([
      office.waitForEvent('download'),
      office.getByRole('link', { name: /导出汇总表（Excel）/ }).click(),
    ]);
    const file = await downloaded(download);
    expect(file.name).toBe(`${PERIOD}推进情况汇总表.xlsx`);
    expect(file.zip, 'an .xlsx is a zip').toBe(true);
    await office.getByRole('link', { name: /导出汇总表（Word）/ }).waitFor();
    await shot(office, 'bulletin-period-summary');
  });
});
