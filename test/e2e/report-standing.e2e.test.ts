import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS_DIR, apiGet, signIn, startE2E, type E2E } from './harness';
import { dialog, openMenu } from './ledger-steps';
import { confirm, item, label, fillBlankItems } from './report-steps';

// Issue 14's browser proof, on the demo (business date 2024-06-25). Nobody opens Q2: the schedule
// did at import. The office returns 区园林和林业局's Q1 report, which reached it on time on 1 April,
// and its Q2 report, which its clerk and head send through the browser on 25 June. Everywhere the
// unit is 退回修改 with its first arrival — the dashboard's 本期报送情况, the period page, the
// leader's home, the bulletin draft and the 汇总表 — and none of its tasks turns red for 未报送.
// The clerk sees the date to resubmit by, resubmits, the head approves, the office accepts.
// Screenshots at 1366×768 and 390×844: test-results/e2e/standing-*.png.

const UNIT = '区园林和林业局';
const Q1 = '2024年第一季度';
const Q2 = '2024年第二季度';
const REASON = '第(8)项进展情况请补充具体数据，并附相关佐证材料。';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

type Period = { id: number; label: string; status: string; statusSetBy: string };
type Task = { id: number; seq: string; light: { color: string; reasons: string[] } };

let e2e: E2E;
let office: Page;
let periods: Period[];
const periodId = (l: string) => periods.find((p) => p.label === l)!.id;

/** What the person sees at a desktop's and a phone's size, scrolled to `target` when given. */
async function shots(page: Page, name: string, target?: () => Locator): Promise<void> {
  for (const [size, viewport] of [
    ['1366', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(500); // antd's motion and the table's layout settle
    if (target) {
      // The element's top just under the sticky page header.
      await target().evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -72);
      });
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(RESULTS_DIR, `standing-${name}-${size}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

const row = (scope: Page | Locator, text: string) => scope.getByRole('row').filter({ hasText: text });

/**
 * The office returns a report from its 报送情况 page; every click is counted. The resubmission date
 * is pre-filled (3 working days on), so the office only writes the reason.
 */
async function officeReturns(period: string, expectSaid: RegExp, shotName?: string): Promise<number> {
  let clicks = 0;
  await office.goto(`/office/periods/${periodId(period)}`);
  await row(office, UNIT).getByRole('link', { name: '审核' }).click();
  clicks++;
  await office.waitForURL(/\/office\/reports\/\d+$/);
  await office
    .getByTestId('report-actions')
    .getByRole('button', { name: label('退回') })
    .click();
  clicks++;
  const ret = dialog(office, `退回报告 · ${UNIT} · ${period}`);
  await ret.getByTestId('return-consequences').getByText(expectSaid).waitFor();
  expect(await ret.getByLabel('重新报送期限').inputValue()).toBe('2024-06-28');
  // An overall reason alone is enough; asking without one says so.
  await ret.getByRole('button', { name: '确认退回' }).click();
  await ret.getByText('请填写退回意见（总体意见或任一事项的意见）').waitFor();
  await ret.getByLabel('退回意见', { exact: true }).click();
  clicks++;
  await ret.getByLabel('退回意见', { exact: true }).fill(REASON);
  if (shotName) {
    await shots(office, shotName);
    // The rarer ruling is set apart and says what it costs the unit.
    await ret.getByText('认定为无效报送（如空白报告、报错期次）').click();
    await ret
      .getByTestId('return-consequences')
      .getByText(/不再计为已报送/)
      .waitFor();
    await shots(office, `${shotName}-invalid`);
    await ret.getByText('认定为无效报送（如空白报告、报错期次）').click();
    await ret.getByTestId('return-consequences').getByText(expectSaid).waitFor();
  }
  await ret.getByRole('button', { name: '确认退回' }).click();
  clicks++;
  await office.getByTestId('report-header').getByText('退回修改').waitFor();
  await office.getByTestId('resubmit-by').getByText('2024年6月28日前').waitFor();
  return clicks;
}

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await office.setViewportSize(DESKTOP);
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
  periods = (await apiGet<{ items: Period[] }>(office, '/api/periods')).items;
});

afterAll(async () => {
  await e2e?.stop();
});

describe('where a returned report stands', () => {
  it('opens Q2 by itself and shows each period’s deadlines and days', { timeout: 60_000 }, async () => {
    // Nobody has opened Q2 by hand: the schedule opened it at import.
    expect(periods.find((p) => p.label === Q2)).toMatchObject({ status: 'open', statusSetBy: 'auto' });
    await openMenu(office, '报送期管理');
    await office.waitForURL('**/office/periods');
    const q2 = row(office, Q2);
    await q2.getByText('填报中').waitFor();
    await q2.getByText('系统自动开启').waitFor();
    await q2.getByText('7月16日自动关闭').waitFor();
    const q3 = row(office, '2024年第三季度');
    await q3.getByText('2024年10月1日（国庆节）').waitFor();
    await q3.getByText('→ 顺延至10月8日').waitFor();
    await q3.getByText('7月2日自动开启').waitFor();
    await row(office, Q1).getByText('督查室已手动关闭，不再自动开启、关闭').waitFor();
    await shots(office, '01-periods');
    // Nothing due soon is left unopened, so the office home shows no warning.
    await office.goto('/office');
    await office.getByTestId('period-status').waitFor();
    expect(await office.getByTestId('period-due-banner').count()).toBe(0);
  });

  it(
    'returns the on-time Q1 report: still on time, never 未报送, no task red for it',
    { timeout: 120_000 },
    async () => {
      const clicks = await officeReturns(Q1, /首次报送日期（4月1日）计为按时报送，不计“未报送”/, '02-return-dialog-q1');
      expect(clicks, 'the office’s return from the period page: 审核, 退回, the reason box, 确认退回').toBe(4);
      console.log(`office return: ${clicks} clicks and the reason typed`);

      await office.goto(`/office/periods/${periodId(Q1)}`);
      const q1Row = row(office, UNIT);
      await q1Row.getByText('退回修改').waitFor();
      await q1Row.getByText('按时报送').waitFor();
      await q1Row.getByText('2024-04-01').waitFor();
      await q1Row.getByText('限6月28日前重报').waitFor();

      // None of its tasks is red because of an unreported report, lead or co-operating.
      const units = await apiGet<{ items: { id: number; name: string }[] }>(office, '/api/units');
      const unitId = units.items.find((u) => u.name === UNIT)!.id;
      const tasks = (await apiGet<{ items: Task[] }>(office, `/api/tasks?unitId=${unitId}&pageSize=100`)).items;
      expect(tasks.length).toBeGreaterThan(5);
      for (const t of tasks) expect(t.light.reasons.join('；'), `task ${t.seq}`).not.toMatch(/未报送|逾期未报/);
      // And as the office reads it on a task's page.
      await office.goto(`/tasks/${tasks[0]!.id}`);
      await office.getByText('灯色', { exact: true }).first().waitFor();
      expect(await office.locator('.ant-descriptions').first().innerText()).not.toMatch(/未报送/);
    },
  );

  it('the unit’s Q2 report reaches the office on time through its clerk and head', { timeout: 120_000 }, async () => {
    const { page: clerk } = await e2e.newPage();
    await clerk.setViewportSize(DESKTOP);
    await signIn(clerk, 'ylj.jingban');
    await clerk.waitForURL('**/unit');
    const q2 = clerk.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: Q2 });
    await q2.getByRole('button', { name: label('填报') }).click();
    await clerk.waitForURL(/\/unit\/report\/\d+$/);
    const task8 = item(clerk, '(8)');
    await task8.getByLabel('进展情况').fill('二季度完成山体修复和水系连通前期工作。');
    await task8.getByText(/已自动保存/).waitFor();
    await fillBlankItems(clerk);
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(clerk, '提交');
    await clerk.getByTestId('report-header').getByText('待负责人审定').waitFor();

    const { page: head } = await e2e.newPage();
    await signIn(head, 'ylj.fuzeren');
    await head.waitForURL('**/unit-head');
    await head
      .getByTestId('open-periods-card')
      .locator('.ant-list-item')
      .filter({ hasText: Q2 })
      .getByRole('button', { name: label('审定') })
      .click();
    await head.waitForURL(/\/unit-head\/report\/\d+$/);
    await head.getByRole('button', { name: '审定并报送' }).click();
    await confirm(head, '报送');
    await head.getByTestId('report-header').getByText('已报送督查室').waitFor();
    await head.getByTestId('report-header').getByText('2024年6月25日').waitFor();
  });

  it(
    'returns the Q2 report: 退回修改 with its first arrival on the dashboard, period page, leader’s home, bulletin and 汇总表',
    { timeout: 180_000 },
    async () => {
      const clicks = await officeReturns(Q2, /首次报送日期（6月25日）计为按时报送/, '03-return-dialog-q2');
      expect(clicks).toBe(4);

      // The office's dashboard: 本期报送情况 is Q2; the unit is 退回修改, on time, first reached 25 June.
      await office.goto('/office');
      const card = office.getByTestId('period-status');
      await card.getByText(`本期报送情况 · ${Q2}`).waitFor();
      const dashRow = row(card, UNIT);
      await dashRow.getByText('退回修改').waitFor();
      await dashRow.getByText('按时报送').waitFor();
      await dashRow.getByText('6月25日首次报送').waitFor();
      await card.getByText(/已报送的单位中有 1 个被退回修改/).waitFor();
      await card.scrollIntoViewIfNeeded();
      await shots(office, '04-dashboard-card', () => office.getByTestId('period-status'));

      // The period page.
      await office.goto(`/office/periods/${periodId(Q2)}`);
      const q2Row = row(office, UNIT);
      await q2Row.getByText('退回修改').waitFor();
      await q2Row.getByText('按时报送').waitFor();
      await q2Row.getByText('2024-06-25').waitFor();

      // The 汇总表 (Excel) from the same page.
      const [download] = await Promise.all([
        office.waitForEvent('download'),
        office.getByRole('link', { name: /导出汇总表（Excel）/ }).click(),
      ]);
      const file = path.join(RESULTS_DIR, 'standing-summary-q2.xlsx');
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const units = wb.getWorksheet('报送情况')!.getSheetValues().slice(3) as unknown[][];
      const inSheet = units.find((r) => r[2] === UNIT)!;
      expect(inSheet[3]).toBe('退回修改（6月25日按时报送，请于6月28日前重新报送）');
      expect(inSheet[4]).toBe('2024-06-25');

      // The leader's home: the same words in the same card.
      const { page: leader } = await e2e.newPage();
      await leader.setViewportSize(DESKTOP);
      await signIn(leader, 'dingli');
      await leader.waitForURL('**/leader');
      const leaderRow = row(leader.getByTestId('period-status'), UNIT);
      await leaderRow.getByText('退回修改').waitFor();
      await leaderRow.getByText('6月25日首次报送').waitFor();
      await leader.getByTestId('period-status').scrollIntoViewIfNeeded();
      await shots(leader, '05-leader-card', () => leader.getByTestId('period-status'));

      // A bulletin generated for Q2: named among the returned, never among the missing.
      await openMenu(office, '督查通报');
      await office.waitForURL('**/office/bulletins');
      await office.getByRole('button', { name: /生成通报/ }).click();
      const modal = dialog(office, '生成督查通报');
      await modal.getByText(`${Q2}（填报中）`).waitFor();
      await modal.getByRole('button', { name: '生成通报初稿' }).click();
      await office.waitForURL(/\/office\/bulletins\/\d+$/);
      const figure = office.getByTestId('figure-reporting');
      await figure.getByTestId('figure-returned').getByText(UNIT).waitFor();
      await figure
        .getByTestId('figure-returned')
        .getByText(/退回修改（6月25日首次报送）/)
        .waitFor();
      expect(await figure.innerText()).toMatch(/未报送单位（0）/);
      expect(await office.locator('textarea#body').inputValue()).toContain(
        `${UNIT}（退回修改（6月25日按时报送，请于6月28日前重新报送））`,
      );
      await figure.scrollIntoViewIfNeeded();
      await shots(office, '06-bulletin-figure', () => office.getByTestId('figure-reporting'));
    },
  );

  it(
    'the clerk sees the date to resubmit by, resubmits; the head approves; the office accepts',
    { timeout: 180_000 },
    async () => {
      const { page: clerk } = await e2e.newPage();
      await clerk.setViewportSize(DESKTOP);
      await signIn(clerk, 'ylj.jingban');
      await clerk.waitForURL('**/unit');
      const card = clerk.getByTestId('open-periods-card');
      // Both returns: Q2 (open) and Q1, returned after its period closed.
      for (const period of [Q2, Q1]) {
        const r = card.locator('.ant-list-item').filter({ hasText: period });
        await r.getByText('退回修改').waitFor();
        await r.getByTestId('home-resubmit-by').getByText('请于6月28日前修改后重新报送').waitFor();
      }
      await card.locator('.ant-list-item').filter({ hasText: Q1 }).getByText('（报送期已关闭）').waitFor();
      await shots(clerk, '07-clerk-home-card', () => clerk.getByTestId('open-periods-card'));

      await card
        .locator('.ant-list-item')
        .filter({ hasText: Q2 })
        .getByRole('button', { name: label('修改') })
        .click();
      await clerk.waitForURL(/\/unit\/report\/\d+$/);
      const header = clerk.getByTestId('report-header');
      await header.getByTestId('resubmit-by').getByText('2024年6月28日前').waitFor();
      await header.getByText('2024年6月25日').first().waitFor();
      await clerk.getByTestId('return-reason').getByText(REASON).waitFor();
      await shots(clerk, '08-clerk-report-header');

      // Filled items are folded to one line; the clerk opens the one to change.
      await item(clerk, '(8)').getByRole('button', { name: /展开第\(8\)项/ }).click();
      await item(clerk, '(8)').getByLabel('进展情况').fill('二季度完成山体修复和水系连通前期工作，完成投资1200万元。');
      await item(clerk, '(8)')
        .getByText(/已自动保存/)
        .waitFor();
      await clerk.getByRole('button', { name: '提交负责人审定' }).click();
      await confirm(clerk, '提交');
      await header.getByText('退回修改（待负责人审定）').waitFor();

      const { page: head } = await e2e.newPage();
      await signIn(head, 'ylj.fuzeren');
      await head.waitForURL('**/unit-head');
      await head
        .getByTestId('open-periods-card')
        .locator('.ant-list-item')
        .filter({ hasText: Q2 })
        .getByRole('button', { name: label('审定') })
        .click();
      await head.waitForURL(/\/unit-head\/report\/\d+$/);
      await head.getByRole('button', { name: '审定并报送' }).click();
      await confirm(head, '报送');
      await head.getByTestId('report-header').getByText('已重新报送').waitFor();

      // The office reviews the resubmission and accepts it; its first arrival is still 25 June, on time.
      await office.goto(`/office/periods/${periodId(Q2)}`);
      await row(office, UNIT).getByText('已重新报送').waitFor();
      await row(office, UNIT).getByRole('link', { name: '审核' }).click();
      await office.waitForURL(/\/office\/reports\/\d+$/);
      await office.getByRole('button', { name: '审核通过' }).click();
      await confirm(office, '通过');
      await office.getByTestId('report-header').getByText('已通过').waitFor();
      await office.goto(`/office/periods/${periodId(Q2)}`);
      const accepted = row(office, UNIT);
      await accepted.getByText('已通过').waitFor();
      await accepted.getByText('按时报送').waitFor();
      await accepted.getByText('2024-06-25').waitFor();
      await clerk.goto('/unit');
      await clerk
        .getByTestId('open-periods-card')
        .locator('.ant-list-item')
        .filter({ hasText: Q2 })
        .getByText('已通过')
        .waitFor();
    },
  );
  it('the office changes when periods close in 系统设置 and 报送期管理 follows', { timeout: 60_000 }, async () => {
    await office.goto('/office/settings');
    const card = office.getByTestId('settings-period-schedule');
    await card.getByText('2024年第二季度').waitFor();
    await card.getByText('7月16日自动关闭').waitFor();
    await card.getByRole('spinbutton', { name: '关闭日' }).fill('10');
    // The preview follows the edit before anything is saved.
    await card.getByText('7月11日自动关闭').waitFor();
    await shots(office, '09-settings-period-schedule', () => office.getByTestId('settings-period-schedule'));
    await card.getByRole('button', { name: label('保存') }).click();
    await office.getByText('报送期自动开启/关闭设置已保存').waitFor();
    await office.goto('/office/periods');
    await row(office, Q2).getByText('7月11日自动关闭').waitFor();
  });
});
