import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { docxToPdf, libreOfficeMissing } from '../../server/documents/libreoffice';
import { renderNoticeDocx } from '../../server/import/fixtures/render-notice';
import { seriousViolations } from './axe';
import { apiGet, RESULTS_DIR, ROOT, signIn, startE2E, type E2E } from './harness';
import { dialog, label, pickOption } from './ledger-steps';

// Issue 16 in Chromium: the office imports a notice that arrived as a PDF, from a district that is
// not the demo's (our own wording): it reads the layout and the summary, corrects two uncertain
// cells, settles the units the directory does not know (one added, one mapped), confirms, and finds
// the tasks in the ledger as corrected. Then a notice copied from a web page, with no letterhead:
// the preview asks for the facts it lacks and the import stores them.

// 临江区's notice, 11 tasks in a table. On purpose: "丁张" (丁力 and 张晓茵 run together, or one
// person? the parser asks), "区数据局" beside "区数据管理局" (one unit? the parser proposes so and
// asks; the demo directory has neither), "区卫建局" (区卫生健康局 spelled short: a new name to map),
// "区文旅局" (区文化和旅游局 spelled short, which the notice's own spellings resolve).
const PDF_NOTICE = `临政办〔2025〕9号

区人民政府办公室关于印发2025年城乡品质提升重点任务责任清单的通知

各街道办事处，区人民政府各部门：

经区人民政府同意，现将《2025年城乡品质提升重点任务责任清单》印发给你们，请认真抓好落实，每季度末将推进情况报区政府督查室。

附件：2025年城乡品质提升重点任务责任清单

区人民政府办公室
2025年3月10日

附件

2025年城乡品质提升重点任务责任清单

序号\t工作任务\t责任领导\t牵头单位\t完成时限
1\t改造老旧小区12个，同步加装电梯30部。\t谢光荣\t区住房和城乡建设局\t12月底前
2\t新建和改造农村公路40公里，完成危桥改造5座。\t丁力\t区交通运输局\t11月底前
3\t建成社区嵌入式养老服务站6个。\t丁张\t区民政局\t9月底前
4\t新增城市绿道15公里，建设口袋公园8处。\t邓辉\t区园林和林业局\t10月底前
5\t完成3条主要河道综合整治，消除劣Ⅴ类水体。\t肖新锋\t区水务和湖泊局\t12月底前
6\t建设政务数据共享平台，接入部门系统20个以上。\t陈曦\t区数据局\t6月底前
7\t新建公办幼儿园2所，新增学位900个。\t张晓茵\t区教育局\t8月底前
8\t开展县域医共体建设，基层诊疗量占比达到65%。\t张晓茵\t区卫建局\t12月底前
9\t推进政务服务“一网通办”，网上可办率达到95%。\t肖新锋\t区数据管理局\t12月底前
10\t举办乡村文化旅游节活动4场。\t邓辉\t区文化和旅游局\t10月底前
11\t打造全域旅游精品线路3条。\t邓辉\t区文旅局\t12月底前
`;

// Copied from a district website: navigation and page furniture around the table, no 文号, no title,
// no issuing office (the 发布时间 gives a date).
const WEB_PAGE = `首页 > 政务公开 > 重点工作
发布时间：2025-03-12 09:30  来源：区政府办公室  【字体：大 中 小】 打印本页
各街道、各部门：
现将今年民生领域重点任务分工公布如下，请抓紧推进。
序号\t工作任务\t分管区领导\t责任单位\t完成时限
1\t新增城区公共停车泊位800个。\t陈曦\t区交通运输局\t9月底前
2\t完成农村户厕问题整改1200户。\t丁力\t区农业农村局\t6月底前
3\t建成“15分钟健身圈”示范点4个。\t张晓茵\t区文化和旅游局\t11月底前
4\t实施城区雨污分流改造10公里。\t邓辉\t区水务和湖泊局\t12月底前
5\t开展家政服务技能培训1000人次。\t谢光荣\t区人社局\t10月底前
6\t新增普惠托育位200个。\t张晓茵\t区卫生健康局\t12月底前
7\t更新改造老旧供水管网8公里。\t邓辉\t区水务和湖泊局\t三季度末
8\t建设农产品冷链集配中心1个。\t丁力\t区商务局\t年内
相关链接：区人民政府门户网站
`;

// Blocks of 项目名称/牵头单位 lines from a web page, with a contact line and page furniture after them:
// read as tasks, and what was read as no task is shown, so the office sees what was missed.
const BLOCKS = `新洲区2025年为民办实事项目安排

项目名称：背街小巷整治
建设内容：整治背街小巷30条，完善路灯和排水设施。
牵头单位：区住房和城乡建设局
配合单位：区财政局
完成时限：2025年10月底前

项目名称：社区卫生服务提升
建设内容：新建标准化村卫生室15个。
牵头单位：区卫生健康局
完成时限：2025年9月底前

项目名称：农村客运公交化
建设内容：新开通镇村公交线路6条。
牵头单位：区交通运输局
完成时限：2025年12月底前

联系人：区政府督查室 王敏 86912345
本页面由区政府办公室维护
`;

type TaskRow = {
  seq: string;
  noticeId: number;
  standard: string;
  dueDate: string | null;
  leaders: { name: string }[];
  units: { name: string }[];
};

let e2e: E2E;
let page: Page;
let tmp: string;
let pdfPath: string;

/** What the clerk sees, at the office desktop and at a phone's size. */
async function shots(name: string): Promise<void> {
  await page.waitForTimeout(400); // fades and popovers settle: the shot is what the eye sees
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(RESULTS_DIR, `${name}-${w}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

const summary = () => page.locator('.preview-summary-text');

async function openImport(): Promise<void> {
  await page.goto('/office/import');
  await page.getByText('点击或将责任分解通知拖到此处上传').waitFor();
}

beforeAll(async () => {
  const missing = libreOfficeMissing();
  if (missing) throw new Error(missing);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-notice-pdf-e2e-'));
  // A real PDF, made the way an office makes one: the notice as Word, printed to PDF by LibreOffice.
  const rendered = await docxToPdf(await renderNoticeDocx(PDF_NOTICE), '临政办〔2025〕9号');
  pdfPath = path.join(tmp, '临政办〔2025〕9号.pdf');
  fs.copyFileSync(rendered.pdfPath, pdfPath);
  fs.rmSync(rendered.dir, { recursive: true, force: true });
  fs.writeFileSync(path.join(tmp, '民生重点任务（网页复制）.txt'), WEB_PAGE);
  fs.writeFileSync(path.join(tmp, '为民办实事（网页复制）.txt'), BLOCKS);

  e2e = await startE2E({ DUBAN_TODAY: '2025-03-20' });
  ({ page } = await e2e.newPage());
  page.on('dialog', (d) => void d.accept());
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'duchashi');
  await page.waitForURL('**/office');
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('importing a notice that arrived as a PDF', () => {
  it('shows the layout and what needs a person, takes two corrections and the new units, and imports', async () => {
    await openImport();
    await page.locator('input[type=file]').setInputFiles(pdfPath);
    await page.getByText('解析结果（按原文顺序）').waitFor({ timeout: 60_000 });

    // The summary first, in the clerk's words; the file read as a PDF table.
    await summary().filter({ hasText: '读出 11 项任务，2 处需要确认，2 个新单位' }).waitFor();
    await page.getByText('临政办〔2025〕9号').first().waitFor();
    await page.getByText('PDF（.pdf）', { exact: false }).waitFor();
    await page.locator('.layout-note').getByText('表格（一行一项任务）').waitFor();
    // No facts to fill in: the notice prints its letterhead.
    expect(await page.getByText('补充通知信息').count()).toBe(0);
    const newNames = page.locator('.new-names-card');
    await newNames.locator('.new-name-row[data-name="区数据管理局"]').getByText('原文：区数据局').waitFor();
    await newNames.locator('.new-name-row[data-name="区卫建局"]').waitFor();
    // 区文旅局 needed nobody: the notice itself spells it out as 区文化和旅游局 elsewhere.
    expect(await newNames.locator('.new-name-row[data-name="区文旅局"]').count()).toBe(0);
    expect(await page.locator('.cell-uncertain').count()).toBe(2);
    await shots('notice-pdf-preview');
    await page.locator('tr[data-row-key="1/3"]').scrollIntoViewIfNeeded();
    await shots('notice-pdf-table');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    // How the annex was read: the layout, and on hover the readings considered.
    await page.locator('.layout-note .ant-tag').hover();
    await page.locator('.ant-popover:visible').getByText('本附件是怎样读出来的').waitFor();
    await page.mouse.move(0, 0);

    // 1. The garbled leader cell: one click on it, and 丁张 was 丁力 alone.
    const row3 = page.locator('tr[data-row-key="1/3"]');
    await row3.locator('.col-leaders .cell-uncertain').click();
    const edit3 = dialog(page, '编辑事项：附件1 3');
    await edit3.waitFor();
    await edit3
      .locator('.ant-select-selection-item')
      .filter({ hasText: '张晓茵' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await edit3.locator('.ant-select-selection-item').filter({ hasText: '张晓茵' }).waitFor({ state: 'detached' });
    await edit3.getByRole('button', { name: '保存更正' }).click();
    await edit3.waitFor({ state: 'hidden' });
    await row3.getByText('已更正', { exact: true }).waitFor();
    expect((await row3.locator('td.col-leaders').innerText()).trim()).toBe('丁力');
    await summary().filter({ hasText: '1 处需要确认' }).waitFor();

    // 2. The unit the parser took for a spelling of another: 区数据局 printed, 区数据管理局 read. The
    // clerk checks the paper: it is the 数据管理局, and the row also names 区科经局 as co-unit there.
    const row6 = page.locator('tr[data-row-key="1/6"]');
    await row6.locator('.col-units .cell-uncertain').click();
    const edit6 = dialog(page, '编辑事项：附件1 6');
    await edit6.waitFor();
    await edit6.getByText('原文责任单位').waitFor();
    await edit6.getByLabel('责任单位').fill('区科经');
    await pickOption(page, '区科经局');
    await edit6.getByRole('button', { name: '保存更正' }).click();
    await edit6.waitFor({ state: 'hidden' });
    await row6.getByText('已更正', { exact: true }).waitFor();
    expect(await row6.locator('td.col-units').innerText()).toContain('区科经局');
    await summary().filter({ hasText: '读出 11 项任务，没有需要确认的内容，2 个新单位' }).waitFor();
    expect(await page.locator('.cell-uncertain').count()).toBe(0);

    // 3. The units the directory lacks: 区数据管理局 is new indeed; 区卫建局 is 区卫生健康局.
    await newNames
      .locator('.new-name-row[data-name="区数据管理局"]')
      .getByRole('button', { name: label('新增') })
      .click();
    await newNames.getByText('导入时新增此单位').waitFor();
    await summary().filter({ hasText: '1 个新单位' }).waitFor();
    const mapTo = newNames.getByRole('combobox', { name: '将区卫建局对应到已有单位' });
    await mapTo.click();
    await mapTo.fill('卫生健康');
    await pickOption(page, '区卫生健康局');
    await newNames.getByText('对应到已有单位：区卫生健康局').waitFor();
    await summary().filter({ hasText: '读出 11 项任务，没有需要确认的内容' }).waitFor();
    await page.locator('.preview-summary').getByText('可以确认导入了。').waitFor();
    await shots('notice-pdf-settled');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    await page.getByRole('button', { name: /确认导入/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /导\s*入/ })
      .click();
    await page.getByText('导入成功').waitFor({ timeout: 60_000 });
    await page.getByText(/任务 11 项/).waitFor();

    // In the ledger, as corrected: the API the ledger reads, then the ledger page itself.
    const { items } = await apiGet<{ items: TaskRow[] }>(page, '/api/tasks?year=2025&pageSize=100');
    const notices = await apiGet<{ items: { id: number; docNumber: string | null }[] }>(page, '/api/notices');
    const noticeId = notices.items.find((n) => n.docNumber === '临政办〔2025〕9号')!.id;
    const bySeq = new Map(items.filter((t) => t.noticeId === noticeId).map((t) => [t.seq, t]));
    expect(bySeq.size).toBe(11);
    expect(bySeq.get('3')!.leaders.map((l) => l.name)).toEqual(['丁力']);
    expect(bySeq.get('6')!.units.map((u) => u.name)).toEqual(['区数据管理局', '区科经局']);
    expect(bySeq.get('6')!.dueDate).toBe('2025-06-30');
    expect(bySeq.get('8')!.units.map((u) => u.name)).toEqual(['区卫生健康局']);
    expect(bySeq.get('9')!.units.map((u) => u.name)).toEqual(['区数据管理局']);
    expect(bySeq.get('11')!.units.map((u) => u.name)).toEqual(['区文化和旅游局']);

    await page.goto('/ledger?year=2025&q=养老服务站');
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '养老服务站' });
    await row.waitFor();
    expect(await row.innerText()).toContain('丁力');
    expect(await row.innerText()).not.toContain('张晓茵');
    await page.goto('/ledger?year=2025&q=医共体');
    await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '区卫生健康局' }).waitFor();
    await shots('notice-pdf-ledger');

    // The mapping is remembered: 区卫建局 is now a spelling of 区卫生健康局; 区数据管理局 is a new unit.
    const units = await apiGet<{ items: { name: string; aliases: string[] }[] }>(page, '/api/units');
    expect(units.items.find((u) => u.name === '区卫生健康局')?.aliases).toContain('区卫建局');
    expect(units.items.some((u) => u.name === '区卫建局')).toBe(false);
    expect(units.items.some((u) => u.name === '区数据管理局')).toBe(true);
  }, 180_000); // a PDF parse, two corrections, an import and the ledger, with shots at two sizes: a minute on a loaded CI machine
});

describe('importing a notice with no letterhead', () => {
  it('asks for the facts the notice lacks, prefilled with the office’s defaults, and stores them', async () => {
    await openImport();
    await page.locator('input[type=file]').setInputFiles(path.join(tmp, '民生重点任务（网页复制）.txt'));
    await page.getByText('解析结果（按原文顺序）').waitFor({ timeout: 60_000 });
    const form = page.locator('.document-facts-card');
    await form.getByText('补充通知信息').waitFor();
    await summary().filter({ hasText: '读出 8 项任务，没有需要确认的内容' }).waitFor();

    // Only what is missing is asked for, with the office's own values; the date was on the page.
    await expect.poll(() => form.getByLabel('标题').inputValue()).toBe('2025年重点工作任务');
    expect(await form.getByLabel('发文单位').inputValue()).toBe('新洲区人民政府办公室');
    expect(await form.getByLabel('文号').inputValue()).toBe('');
    expect(await form.getByLabel('发文日期').count()).toBe(0);
    expect(await form.getByLabel('年度').count()).toBe(0);
    await form.getByText('没有文号也可以导入').waitFor();
    // The facts above the table say which values the office supplied.
    await page.locator('.ant-descriptions').getByText('新洲区人民政府办公室').waitFor();

    // A required fact left empty holds the import back, saying what to fill in.
    await form.getByLabel('标题').fill('');
    await page.getByText('导入前请先在“补充通知信息”中填写：标题').waitFor();
    expect(await page.getByRole('button', { name: /确认导入/ }).isDisabled()).toBe(true);
    await form.getByLabel('标题').fill('2025年民生领域重点任务分工');
    await shots('notice-web-facts');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);

    await page.getByRole('button', { name: /确认导入/ }).click();
    await page
      .getByRole('tooltip')
      .getByRole('button', { name: /导\s*入/ })
      .click();
    await page.getByText('导入成功').waitFor({ timeout: 60_000 });
    await page.getByText(/2025年民生领域重点任务分工：1 个附件，任务 8 项/).waitFor();

    const notices = await apiGet<{
      items: {
        id: number;
        docNumber: string | null;
        title: string;
        issuer: string | null;
        issuedDate: string | null;
        year: number;
      }[];
    }>(page, '/api/notices');
    const stored = notices.items.find((n) => n.title === '2025年民生领域重点任务分工');
    expect(stored).toMatchObject({
      docNumber: null,
      issuer: '新洲区人民政府办公室',
      issuedDate: '2025-03-12',
      year: 2025,
    });
    const { items } = await apiGet<{ items: TaskRow[] }>(page, `/api/tasks?noticeId=${stored!.id}&pageSize=100`);
    expect(items.map((t) => t.dueDate)).toEqual([
      '2025-09-30',
      '2025-06-30',
      '2025-11-30',
      '2025-12-31',
      '2025-10-31',
      '2025-12-31',
      '2025-09-30',
      '2025-12-31',
    ]);
  }, 120_000);
});

describe('the text read as no task', () => {
  it('is listed with its line numbers in a folded panel', async () => {
    await openImport();
    await page.locator('input[type=file]').setInputFiles(path.join(tmp, '为民办实事（网页复制）.txt'));
    await page.getByText('解析结果（按原文顺序）').waitFor({ timeout: 60_000 });
    await summary().filter({ hasText: '读出 3 项任务' }).waitFor();
    await page.locator('.layout-note').getByText('逐项“任务：… 牵头单位：…”块').waitFor();
    const panel = page.locator('.unread-panel');
    await panel.getByText(/^未识别为任务的文字（\d+ 行）$/).click();
    const contact = panel.locator('.unread-lines li').filter({ hasText: '联系人：区政府督查室 王敏 86912345' });
    await contact.waitFor();
    expect(await contact.locator('.unread-line-no').innerText()).toBe('第 19 行');
    await panel.scrollIntoViewIfNeeded();
    await shots('notice-unread');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);
  }, 120_000);
});

describe('a notice that arrived as a scan', () => {
  it('is read by OCR, says so, and marks every cell of every task for the office to check', async () => {
    await openImport();
    await page.getByText('以及扫描件（PDF 或 JPG、PNG、TIF 图片）').waitFor();
    // The seed's first two pages as a worn office scan: tilted, speckled, grey (scripts/make-scan-fixtures.ts).
    await page.locator('input[type=file]').setInputFiles(path.join(ROOT, 'server/import/fixtures/scans/seed-pages-1-2-worn-scan.pdf'));
    await page.getByText('解析结果（按原文顺序）').waitFor({ timeout: 90_000 });
    await summary().filter({ hasText: '读出 10 项任务' }).waitFor();
    const warning = page.getByTestId('recognised-scan');
    await warning.getByText('这份通知是扫描件，文字由系统识别，可能有错字：10 项任务的每个单元格都已标出').waitFor();
    await warning.getByText('请对照纸质原件或扫描图片逐项核对单位、领导、时限和数字').waitFor();
    // 区发改局's first task: its standard, leader and unit cells all wait for a person.
    const first = page.locator('.notice-preview-table tbody tr').filter({ hasText: '地区生产总值' }).first();
    await first.waitFor();
    expect(await first.locator('.cell-uncertain').count()).toBeGreaterThanOrEqual(3);
    await first.locator('.cell-uncertain').filter({ hasText: '区发改局' }).waitFor();
    await shots('notice-scan');
    expect(await seriousViolations(page, '.app-content')).toEqual([]);
  }, 150_000);
});

