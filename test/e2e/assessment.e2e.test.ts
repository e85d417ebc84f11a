import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../web/src/assessment/api';
import { apiGet, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { dialog, label, openMenu, pickOption, screen } from './ledger-steps';

// 绩效考核 through the browser, against the real demo server (business date 2024-06-25, the first
// quarter reported: some units on time, some late, some not at all). The office opens 绩效考核,
// runs the 2024 assessment, reads a unit's breakdown, adjusts a unit with a reason and downloads the
// ranking as .xlsx and .docx; a leader then reads the same ranking without the office's buttons.
// Screenshots: test-results/e2e/assessment-*.png and /tmp/duban-shots/assessment.png.

const SHOTS = '/tmp/duban-shots';
const REASON = '承担区防汛抢险任务，经区政府研究同意加分（端到端测试）';

let e2e: E2E;
let office: Page;
let view: RunView;

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
});

afterAll(async () => {
  await e2e?.stop();
});

const latest = async (page: Page) => (await apiGet<{ latest: RunView | null }>(page, '/api/assessment/latest?year=2024')).latest;
const rows = (page: Page) => page.getByTestId('assessment-ranking').locator('tbody > tr.ant-table-row');

describe('绩效考核', () => {
  it('opens 绩效考核 with the default scheme and no result yet', { timeout: 90_000 }, async () => {
    await openMenu(office, '绩效考核');
    await office.waitForURL('**/assessment');
    await office.getByRole('heading', { name: '绩效考核' }).waitFor();
    await office.getByText('2024年度尚未运行考核', { exact: false }).waitFor();
    const scheme = office.getByTestId('assessment-scheme');
    await scheme.getByText('默认方案').waitFor();
    await scheme.getByText('考核方案 · 2024年度').click();
    await expect(scheme.getByLabel('任务完成').inputValue()).resolves.toBe('60');
    await expect(scheme.getByLabel('逾期每天扣').inputValue()).resolves.toBe('0.5');
    await screen(office, 'assessment-01-scheme');
    await scheme.getByText('考核方案 · 2024年度').click();
  });

  it('runs the 2024 assessment and ranks every responsible unit', { timeout: 90_000 }, async () => {
    await office.getByRole('button', { name: label('运行考核') }).click();
    const modal = dialog(office, '运行考核 · 2024年度');
    await modal.waitFor();
    await modal.getByRole('button', { name: label('开始计算') }).click();
    await office.getByText(/考核已完成：2024年度共 \d+ 个单位/).waitFor();
    view = (await latest(office))!;
    expect(view.run).toMatchObject({ year: 2024, scopeLabel: '2024年度', asOf: '2024-06-25' });
    expect(view.scores.length).toBeGreaterThan(10);
    // Only Q1 was due: reporting and quality come from that one report; units that never reported get 0 there.
    for (const s of view.scores) {
      expect(s.final).toBeCloseTo(s.reporting + s.completion + s.quality + s.bonus, 5);
      expect(s.final).toBeLessThanOrEqual(105);
    }
    expect(view.scores.some((s) => s.reporting === 0)).toBe(true);
    expect(view.scores.some((s) => s.reporting === 20)).toBe(true);
    await expect(rows(office).count()).resolves.toBe(view.scores.length);
    const first = view.scores[0]!;
    await expect(rows(office).first().innerText()).resolves.toMatch(new RegExp(`^\\s*1\\s+${first.unitName}[\\s\\S]*${first.final.toFixed(2)}[\\s\\S]*${first.gradeLabel}`));
  });

  it('shows a unit’s breakdown, each line with the report or task behind it', { timeout: 60_000 }, async () => {
    // A unit that reported late shows the deduction and links to the report it came from.
    const late = view.scores.find((s) => s.lines.some((l) => l.part === 'reporting' && /逾期/.test(l.text)))!;
    expect(late, 'the demo has a late unit').toBeTruthy();
    const row = rows(office).filter({ hasText: late.unitName });
    await row.locator('.ant-table-row-expand-icon').click();
    const breakdown = office.getByTestId(`breakdown-${late.unitId}`);
    await breakdown.waitFor();
    const lateLine = late.lines.find((l) => l.part === 'reporting')!;
    await breakdown.getByText(lateLine.text).waitFor();
    const reportLink = breakdown.getByRole('link', { name: '2024年第一季度报告' }).first();
    const source = lateLine.source as { reportId: number };
    await expect(reportLink.getAttribute('href')).resolves.toBe(`/office/reports/${source.reportId}`);
    await expect(breakdown.getByRole('link', { name: /^事项 附件/ }).count()).resolves.toBeGreaterThan(0);
    await row.scrollIntoViewIfNeeded();
    await screen(office, 'assessment-02-breakdown');
  });

  it('rates the report behind a line on the office’s review page (报告质量评价)', { timeout: 60_000 }, async () => {
    const late = view.scores.find((s) => s.lines.some((l) => l.part === 'reporting' && /逾期/.test(l.text)))!;
    const reportId = (late.lines.find((l) => l.part === 'reporting')!.source as { reportId: number }).reportId;
    await office.getByTestId(`breakdown-${late.unitId}`).getByRole('link', { name: '2024年第一季度报告' }).first().click();
    await office.waitForURL(`**/office/reports/${reportId}`);
    const card = office.getByTestId('quality-rating');
    await card.getByRole('combobox', { name: '报告质量评价' }).click();
    await pickOption(office, '优');
    await office.getByText('已评价为“优”').waitFor();
    expect((await apiGet<{ rating: string }>(office, `/api/reports/${reportId}/quality`)).rating).toBe('excellent');
    await screen(office, 'assessment-02b-quality');
    // The run is a snapshot: the rating counts from the next run on.
    expect((await latest(office))!.run.id).toBe(view.run.id);
    await openMenu(office, '绩效考核');
    await rows(office).first().waitFor();
  });

  it('adjusts a unit’s score with a reason and re-ranks', { timeout: 60_000 }, async () => {
    const target = view.scores[view.scores.length - 1]!;
    const row = rows(office).filter({ hasText: target.unitName });
    await row.getByRole('button', { name: '调整分数' }).click();
    const modal = dialog(office, `调整分数 · ${target.unitName}`);
    await modal.waitFor();
    // The reason is required before anything reaches the server.
    await modal.getByLabel('调整分值').fill('2');
    await modal.getByRole('button', { name: label('确定调整') }).click();
    await modal.getByText('请填写调整理由').waitFor();
    await modal.getByLabel('调整理由').fill(REASON);
    await screen(office, 'assessment-03-adjust');
    await modal.getByRole('button', { name: label('确定调整') }).click();
    await office.getByText(`已调整${target.unitName}的得分`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    view = (await latest(office))!;
    const adjusted = view.scores.find((s) => s.unitId === target.unitId)!;
    expect(adjusted).toMatchObject({ adjustment: 2, final: Math.round((target.computed + 2) * 100) / 100 });
    expect(adjusted.adjustments[0]).toMatchObject({ delta: 2, reason: REASON, byName: '王敏（督查室）' });
    await expect(rows(office).filter({ hasText: target.unitName }).innerText()).resolves.toContain('+2.00');
  });

  it('downloads the ranking as .xlsx and .docx', { timeout: 90_000 }, async () => {
    const [xlsx] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /导出 Excel/ }).click()]);
    expect(xlsx.suggestedFilename()).toBe('新洲区2024年度绩效考核结果.xlsx');
    const xlsxPath = path.join(RESULTS_DIR, 'assessment-ranking.xlsx');
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const sheet = wb.getWorksheet('排名')!;
    expect(sheet.getCell(1, 1).value).toBe('新洲区2024年度绩效考核结果（数据截至2024-06-25）');
    const ranking = view.scores.map((s) => [s.rank, s.unitName, s.reporting, s.completion, s.quality, s.bonus, s.adjustment, s.final, s.gradeLabel]);
    const fromFile = sheet.getSheetValues().slice(3).map((r) => (r as unknown[]).slice(1, 10));
    expect(fromFile).toEqual(ranking);
    const adjustedRow = sheet.getSheetValues().slice(3).find((r) => (r as unknown[])[10] !== undefined && String((r as unknown[])[10]).includes(REASON));
    expect(adjustedRow, 'the adjustment and its reason are in 备注').toBeTruthy();
    expect(wb.getWorksheet('明细')!.rowCount).toBeGreaterThan(view.scores.length * 3);

    const [docx] = await Promise.all([office.waitForEvent('download'), office.getByRole('link', { name: /导出 Word/ }).click()]);
    expect(docx.suggestedFilename()).toBe('新洲区2024年度绩效考核结果.docx');
    const docxPath = path.join(RESULTS_DIR, 'assessment-ranking.docx');
    await docx.saveAs(docxPath);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(docxPath))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('新洲区2024年度区政府工作报告目标任务绩效考核结果');
    expect(text).toContain('新洲区人民政府督查室');
    expect(text).toContain('2024年6月25日');
    expect(text).toContain(view.scores[0]!.unitName);

    // The page as the clerk sees it: the top unit's and the adjusted unit's breakdowns open.
    for (const s of [view.scores[0]!, view.scores.find((x) => x.adjustment !== 0)!]) {
      await rows(office).filter({ hasText: s.unitName }).locator('.ant-table-row-expand-icon').click();
      await office.getByTestId(`breakdown-${s.unitId}`).waitFor();
    }
    await office.getByTestId(`breakdown-${view.scores.find((x) => x.adjustment !== 0)!.unitId}`).getByText(REASON).waitFor();
    await office.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(SHOTS, { recursive: true });
    await office.waitForTimeout(400);
    await office.screenshot({ path: path.join(SHOTS, 'assessment.png'), fullPage: true });
    await screen(office, 'assessment-04-ranking');
  });

  it('lets a leader read the ranking without the office’s buttons', { timeout: 60_000 }, async () => {
    const { page: leader } = await e2e.newPage();
    await signIn(leader, 'dingli');
    await leader.waitForURL('**/leader');
    await openMenu(leader, '绩效考核');
    await leader.waitForURL('**/assessment');
    await rows(leader).first().waitFor();
    await expect(rows(leader).count()).resolves.toBe(view.scores.length);
    await expect(leader.getByRole('button', { name: label('运行考核') }).count()).resolves.toBe(0);
    await expect(leader.getByRole('button', { name: '调整分数' }).count()).resolves.toBe(0);
    await leader.getByRole('link', { name: /导出 Excel/ }).waitFor();
    await screen(leader, 'assessment-05-leader');
  });
});
