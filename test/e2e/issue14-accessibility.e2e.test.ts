import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, signIn, startE2E, type E2E } from './harness';
import { axeViolations as axeOn, describeViolations } from './axe';

/**
 * axe-core (WCAG 2.1 A/AA rules) over what issue 14 added or changed: the office's return dialog,
 * the report header with the first arrival and the date to resubmit by, 本期报送情况 on the
 * dashboard, 报送期管理, the 工作日历 and 报送期自动开启/关闭 settings cards, and a task's 时间节点
 * and 销号 parts. Serious and critical violations inside them fail the test; the rest of each page
 * (shell, other cards) is issue 18's sweep and is not judged here.
 */
describe('issue 14 screens pass axe-core', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.stop());

  it('office: dashboard card, periods page, settings cards, return dialog', { timeout: 180_000 }, async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    const found: string[] = [];
    found.push(...describeViolations(await axeOn(page, '[data-testid="period-status"]')));

    await page.goto('/office/periods');
    found.push(...describeViolations(await axeOn(page, '.app-content')));

    await page.goto('/office/settings');
    found.push(...describeViolations(await axeOn(page, '[data-testid="settings-work-calendar"]')));
    found.push(...describeViolations(await axeOn(page, '[data-testid="settings-period-schedule"]')));

    // The return dialog on an accepted-free report: 区园林和林业局's Q1 report, reached on time.
    const periods = await apiGet<{ items: { id: number; label: string }[] }>(page, '/api/periods');
    const q1 = periods.items.find((p) => p.label === '2024年第一季度')!;
    const rows = await apiGet<{
      items: { unit: { name: string }; reportId: number | null; standing: { kind: string } }[];
    }>(page, `/api/periods/${q1.id}/reports`);
    const row = rows.items.find(
      (r) => r.reportId !== null && (r.standing.kind === 'reached' || r.standing.kind === 'resubmitted'),
    );
    expect(row, 'a Q1 report with the office to return').toBeDefined();
    {
      await page.goto(`/office/reports/${row!.reportId}`);
      await page.getByTestId('report-header').waitFor();
      found.push(...describeViolations(await axeOn(page, '[data-testid="report-header"]')));
      await page
        .getByRole('button', { name: /^退\s*回$/ })
        .last()
        .click();
      await page.getByTestId('return-consequences').waitFor();
      await page.waitForTimeout(800); // the dialog's opening animation: mid-fade colours are not the page's
      found.push(...describeViolations(await axeOn(page, '.ant-modal-content')));
    }
    expect(found).toEqual([]);
  });

  it('a task page: 时间节点 and 销号', { timeout: 120_000 }, async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'duchashi');
    await page.waitForURL('**/office');
    const tasks = await apiGet<{ items: { id: number }[] }>(page, '/api/tasks?annexNo=1');
    await page.goto(`/tasks/${tasks.items[0]!.id}`);
    const found = describeViolations(await axeOn(page, '.app-content'));
    expect(found).toEqual([]);
  });
});
