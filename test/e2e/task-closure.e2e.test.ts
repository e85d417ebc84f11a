import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';
import { dialog, label } from './ledger-steps';
import { item } from './report-steps';

// 销号 (issue 14) on the demo (business date 2024-06-25, Q2 open by schedule): 区教育局 reported a task
// of 附件3 completed in Q1 and the office accepted it. The office closes it from the task page; the
// 已销号 tag shows on the page and in the ledger; 区教育局's clerk opens the Q2 report and the task is
// not in it. The office then undoes it with a reason and the clerk's report has it again.
// Screenshots at 1366×768 and 390×844: test-results/e2e/closure-*.png.

const UNIT = '区教育局';
const NOTE = '该项目已完工并通过验收，相关材料已归档。';
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

type Task = { id: number; seq: string; annex: { no: number }; units: { name: string; role: string }[] };

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

/** What the person sees at a desktop's and a phone's size, scrolled to `target` when given. */
async function shots(page: Page, name: string, target?: () => Locator): Promise<void> {
  for (const [size, viewport] of [
    ['1366', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(500); // antd's motion and the layout settle
    if (target) {
      await target().evaluate((el) => {
        el.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -110);
      });
      await page.waitForTimeout(200);
    }
    await page.screenshot({ path: path.join(RESULTS_DIR, `closure-${name}-${size}.png`) });
  }
  await page.setViewportSize(DESKTOP);
}

describe('销号: closing a task accepted as completed', () => {
  it(
    'closes it from the task page, tags it in the ledger, and the next period’s report no longer asks for it',
    { timeout: 240_000 },
    async () => {
      const { page: office } = await e2e.newPage();
      await office.setViewportSize(DESKTOP);
      await signIn(office, 'duchashi');
      await office.waitForURL('**/office');

      // The blue (completed and accepted) tasks 区教育局 leads: the one the demo's Q1 accepted as completed.
      const blue = await apiGet<{ items: Task[] }>(office, '/api/tasks?light=blue&pageSize=500');
      const task = blue.items.find((t) => t.units.some((u) => u.role === 'lead' && u.name === UNIT))!;
      expect(task, `a blue task led by ${UNIT}`).toBeDefined();
      const ref = /^\d+$/.test(task.seq) ? `附件${task.annex.no} 第${task.seq}项` : `附件${task.annex.no} ${task.seq}`;

      // A task still in progress cannot be closed: the button says why on hover.
      const other = await apiGet<{ items: Task[] }>(office, '/api/tasks?light=green&pageSize=1');
      await office.goto(`/tasks/${other.items[0]!.id}`);
      await office.getByTestId('close-blocked').hover();
      await office
        .getByRole('tooltip')
        .getByText(/尚无经督查室审核通过的“已完成”报告，不能销号/)
        .waitFor();

      // The office finds it in the ledger by its light and opens it.
      await office.goto('/ledger?light=blue');
      await office.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: ref }).click();
      await office.getByRole('heading', { name: `事项 ${ref}` }).waitFor();
      await office.getByRole('button', { name: label('销号') }).click();
      const confirmClose = dialog(office, `销号：${ref}`);
      await confirmClose.getByText('从下一报送期起，责任单位不再报送本事项', { exact: false }).waitFor();
      await confirmClose.getByLabel('说明（可不填）').fill(NOTE);
      await shots(office, '01-confirm');
      await confirmClose.getByRole('button', { name: '确认销号' }).click();
      await office.getByText('已销号，从下一报送期起不再要求报送本事项').waitFor();

      // The page says so: the tag with the date under the title, and on what it was closed.
      await office.locator('.page-header').getByTestId('closed-tag').filter({ hasText: '已销号（6月25日）' }).waitFor();
      const basis = office.getByTestId('task-closure');
      await basis.getByText('依据2024年第一季度报告：已完成，经督查室审核通过', { exact: false }).waitFor();
      await basis.getByText(NOTE, { exact: false }).waitFor();
      await office.getByRole('button', { name: '撤销销号' }).waitFor();
      await office.locator('.ant-descriptions').getByText('蓝灯').waitFor();
      await shots(office, '02-task-page');
      await shots(office, '03-task-basics', () => office.getByTestId('task-closure'));

      // The ledger: the 是否销号 filter finds it, with its tag.
      await office.goto('/ledger');
      await office.getByRole('combobox', { name: '是否销号' }).click();
      await office
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: '已销号' })
        .click();
      await office.waitForURL((u) => u.searchParams.get('closed') === 'yes');
      await expect.poll(() => office.getByTestId('ledger-total').innerText()).toBe('共 1 项');
      const row = office.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: ref });
      await row.getByTestId('closed-tag').waitFor();
      await shots(office, '04-ledger');

      // 区教育局's clerk opens the Q2 report: the closed task is not in it, the unit's other tasks are.
      const { page: clerk } = await e2e.newPage();
      await clerk.setViewportSize(DESKTOP);
      await signIn(clerk, 'jyj.jingban');
      await clerk.waitForURL('**/unit');
      const q2 = clerk.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
      await q2.getByRole('button', { name: label('填报') }).click();
      await clerk.waitForURL(/\/unit\/report\/\d+$/);
      await clerk.locator('[data-testid^="report-item-"]').first().waitFor();
      expect(await item(clerk, task.seq, task.annex.no).count()).toBe(0);
      expect(await clerk.locator('[data-testid^="report-item-"]').count()).toBeGreaterThan(0);
      await shots(clerk, '05-clerk-q2-report');

      // The office undoes it, with a reason; the clerk's report (still a draft) asks for the task again.
      await office.goto(`/tasks/${task.id}`);
      await office.getByRole('button', { name: '撤销销号' }).click();
      const undo = dialog(office, `撤销销号：${ref}`);
      // The dialog has finished opening when the cursor waits in its box (TextModal's afterOpenChange):
      // a click on its button during the opening animation was once lost under load.
      await expect.poll(() => undo.getByLabel('撤销理由').evaluate((box) => box === document.activeElement)).toBe(true);
      await undo.getByRole('button', { name: '确认撤销销号' }).click();
      await undo.getByText('请填写撤销理由').waitFor();
      await undo.getByLabel('撤销理由').fill('复查发现部分学校尚未完成，需继续推进。');
      await undo.getByRole('button', { name: '确认撤销销号' }).click();
      await office.getByText('已撤销销号，责任单位今后各期须继续报送本事项').waitFor();
      await expect.poll(() => office.locator('.page-header').getByTestId('closed-tag').count()).toBe(0);
      await office.getByRole('button', { name: label('销号') }).waitFor();
      await office.getByRole('tab', { name: /修改记录/ }).click();
      await office.getByRole('tabpanel').getByText('撤销销号', { exact: false }).first().waitFor();
      await clerk.reload();
      await item(clerk, task.seq, task.annex.no).waitFor();
    },
  );
});
