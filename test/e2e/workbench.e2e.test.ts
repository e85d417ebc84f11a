import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../web/src/dashboard/api';
import { apiGet, signIn, startE2E, type E2E } from './harness';
import { dialog, label } from './ledger-steps';
import { seriousViolations } from './axe';

/**
 * Issue 15, the office's workbench and the leader's home, on the demo (business date 2024-06-25,
 * Q2 open and not yet due, Q1 closed with units that never reported):
 * - the office signs in at 1366×768 and its to-dos and 本期报送情况 are on the first screen; the
 *   charts are on 数据分析 and the directory under 系统设置 › 基础数据;
 * - 「催办全部未报送单位」 asks once (how many units, which channels) and every unreported unit then
 *   shows 已催办 1 次 — and the server holds exactly one urge for each; no 催办 where a unit reported;
 * - the leader 丁力 sees his red and yellow tasks with the lights' reasons, his units and last report
 *   date, his 29 tasks under 分管事项, no unit directory, and opens 批示 with one tap.
 * Screenshots: /tmp/shots/workbench-*.png and /tmp/shots/leader-*.png at 1366×768 and 390×844;
 * axe-core (WCAG 2.1 A/AA) on both pages: no serious or critical violation.
 */
const SHOTS = '/tmp/shots';
async function shot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

describe('the office’s workbench', () => {
  let office: Page;

  it('shows the to-dos and 本期报送情况 on the first screen at 1366×768', { timeout: 120_000 }, async () => {
    ({ page: office } = await e2e.newPage());
    await office.setViewportSize({ width: 1366, height: 768 });
    await signIn(office, 'duchashi');
    await office.waitForURL('**/office');
    const todos = office.getByTestId('todo-card');
    await todos.locator('.ant-list-item').first().waitFor();
    const card = office.getByTestId('period-status');
    await card.locator('.ant-table-row').first().waitFor();
    // The to-do card's title and its first item end above the fold; so do the figures and the table's head.
    const firstTodo = (await todos.locator('.ant-list-item').first().boundingBox())!;
    expect(firstTodo.y + firstTodo.height).toBeLessThanOrEqual(768);
    const firstRow = (await card.locator('.ant-table-row').first().boundingBox())!;
    expect(firstRow.y + firstRow.height).toBeLessThanOrEqual(768);
    const stats = (await office.getByTestId('workbench-stats').boundingBox())!;
    expect(stats.y + stats.height).toBeLessThanOrEqual(768);
    // 逾期未报 is the server's count of Q1's missing units — what the period page counts too.
    const d = await apiGet<Dashboard>(office, '/api/dashboard');
    const q1 = d.overdue.find((p) => p.label === '2024年第一季度')!;
    expect(q1.missing).toBeGreaterThan(0);
    const q1Rows = await apiGet<{ items: { standing: { timeliness: string } }[] }>(office, `/api/periods/${q1.periodId}/reports`);
    expect(q1Rows.items.filter((r) => r.standing.timeliness === 'missing').length).toBe(q1.missing);
    await expect(office.getByTestId('stat-overdue').innerText()).resolves.toMatch(new RegExp(`逾期未报单位\\s*${q1.missing}`));
    // No charts and no directory on the workbench: they have pages of their own.
    expect(await office.getByTestId('dashboard').count()).toBe(0);
    expect(await office.getByText('责任单位名录').count()).toBe(0);
    await shot(office, 'workbench-1366x768', { width: 1366, height: 768 });
  });

  it('urges every unreported unit with one confirmation: each shows 已催办 1 次', { timeout: 180_000 }, async () => {
    const d = await apiGet<Dashboard>(office, '/api/dashboard');
    const period = d.period!;
    const unreported = period.units.filter((u) => !u.standing.reached && u.standing.kind !== 'exempt');
    expect(unreported.length).toBeGreaterThan(0);
    const card = office.getByTestId('period-status');
    await card.getByRole('button', { name: new RegExp(`催办全部未报送单位（${unreported.length}）`) }).click();
    const modal = dialog(office, `催办全部未报送单位 · ${period.label}`);
    await modal.waitFor();
    await expect(modal.innerText()).resolves.toMatch(new RegExp(`将向以下\\s*${unreported.length}\\s*个单位各发出一次催办，发送渠道：\\s*站内通知`));
    expect(await modal.getByTestId('bulk-urge-units').locator('.ant-tag').count()).toBe(unreported.length);
    await shot(office, 'workbench-bulk-urge-confirm-1366x768', { width: 1366, height: 768 });
    // One confirmation: the request goes once, whatever happens to the button afterwards.
    await modal.getByRole('button', { name: new RegExp(`确定催办 ${unreported.length} 个单位`) }).click();
    await office.getByText(new RegExp(`已向 ${unreported.length} 个单位发出催办`)).waitFor();
    await modal.waitFor({ state: 'hidden' });

    // The server holds exactly one urge per unit.
    const tallies = await apiGet<{ units: { unitId: number; count: number; lastOn: string }[] }>(office, `/api/periods/${period.id}/urges`);
    expect(tallies.units.map((u) => u.unitId).sort((a, b) => a - b)).toEqual(unreported.map((u) => u.unitId).sort((a, b) => a - b));
    expect(tallies.units.every((u) => u.count === 1 && u.lastOn === d.today)).toBe(true);

    // Every row says so, page after page.
    let seen = 0;
    for (let page = 1; ; page++) {
      const rows = card.locator('.ant-table-row');
      await rows.first().waitFor();
      await expect.poll(() => rows.filter({ hasText: '已催办 1 次' }).count()).toBe(await rows.count());
      seen += await rows.count();
      const next = card.locator('.ant-pagination-next');
      if ((await next.count()) === 0 || (await next.getAttribute('aria-disabled')) === 'true') break;
      await next.click();
    }
    expect(seen).toBe(period.units.length);
    await card.locator('.ant-pagination-item').first().click();
    await shot(office, 'workbench-after-urge-1366x768', { width: 1366, height: 768 });
  });

  it('offers no 催办 on units that reported', { timeout: 60_000 }, async () => {
    const d = await apiGet<Dashboard>(office, '/api/dashboard');
    const q1 = d.overdue.find((p) => p.label === '2024年第一季度')!;
    await office.goto(`/office/periods/${q1.periodId}`);
    const reported = office.locator('.ant-table-row').filter({ hasText: '按时报送' }).first();
    await reported.waitFor();
    expect(await reported.getByRole('button', { name: label('催办') }).count()).toBe(0);
    const missing = office.locator('.ant-table-row').filter({ hasText: '逾期未报' }).first();
    await missing.getByRole('button', { name: label('催办') }).waitFor();
  });

  it('keeps the charts on 数据分析 and the directory under 系统设置 › 基础数据', { timeout: 90_000 }, async () => {
    await office.getByRole('menuitem', { name: /数据分析/ }).click();
    await office.waitForURL('**/analysis');
    await office.getByTestId('dashboard').waitFor();
    await office.getByTestId('chart-lights').locator('canvas').first().waitFor();
    await office.getByRole('menuitem', { name: /系统设置/ }).click();
    await office.getByRole('menuitem', { name: /基础数据/ }).click();
    await office.waitForURL('**/office/directory');
    await office.getByText('责任单位名录', { exact: true }).waitFor();
    await office.getByRole('button', { name: /新增单位/ }).waitFor();
  });

  it('looks right on a phone and passes axe-core', { timeout: 90_000 }, async () => {
    await office.goto('/office');
    await office.getByTestId('period-status').locator('.ant-table-row').first().waitFor();
    await shot(office, 'workbench-390x844', { width: 390, height: 844 });
    await office.setViewportSize({ width: 1366, height: 768 });
    expect(await seriousViolations(office, '.app-content')).toEqual([]);
  });
});

describe('the leader’s home', () => {
  it('丁力 sees his red and yellow tasks with their reasons and opens 批示 in one tap', { timeout: 120_000 }, async () => {
    const { page: leader } = await e2e.newPage();
    await leader.setViewportSize({ width: 1366, height: 768 });
    await signIn(leader, 'dingli');
    await leader.waitForURL('**/leader');
    const d = await apiGet<Dashboard>(leader, '/api/dashboard');
    expect(d.focusTasks.length).toBeGreaterThan(0);
    const first = d.focusTasks[0]!;
    const focus = leader.getByTestId('focus-tasks');
    const item = focus.getByTestId('focus-task').first();
    await item.waitFor();
    // The whole text (not cut), each reason, the units and the last report date.
    await expect(item.innerText()).resolves.toContain(first.standard);
    for (const r of first.reasons) await expect(item.innerText()).resolves.toContain(r);
    await expect(item.innerText()).resolves.toMatch(/牵头：/);
    await expect(item.innerText()).resolves.toMatch(/最近报送：(\d{4}年\d+月\d+日|尚无单位报送)/);
    const box = (await item.boundingBox())!;
    expect(box.y).toBeLessThan(768);
    // 分管事项 lists his tasks (the card was an empty picture); no unit directory on this home.
    const portfolio = leader.getByTestId('portfolio');
    await expect(portfolio.innerText()).resolves.toContain(`分管事项（共 ${d.lights.counts.total} 项）`);
    await portfolio.locator('.ant-table-row').first().waitFor();
    expect(d.lights.counts.total).toBe(29);
    expect(await leader.getByText('责任单位名录').count()).toBe(0);
    await shot(leader, 'leader-1366x768', { width: 1366, height: 768 });
    expect(await seriousViolations(leader, '.app-content')).toEqual([]);

    // One tap: 批示 opens the instruction on that task.
    await item.getByRole('button', { name: /批示/ }).click();
    const modal = leader.getByRole('dialog').filter({ hasText: '批示内容' });
    await modal.waitFor();
    await modal.getByLabel('批示内容').fill('请牵头单位本周内拿出推进方案。（端到端测试）');
    await modal.getByRole('button', { name: '发送批示' }).click();
    await leader.getByText('批示已发送给责任单位').waitFor();
    const task = await apiGet<{ instructions: { body: string }[] }>(leader, `/api/tasks/${first.taskId}`);
    expect(task.instructions.map((i) => i.body)).toContain('请牵头单位本周内拿出推进方案。（端到端测试）');

    await leader.reload();
    await focus.getByTestId('focus-task').first().waitFor();
    await shot(leader, 'leader-390x844', { width: 390, height: 844 });
    expect(await seriousViolations(leader, '.app-content')).toEqual([]);
  });
});
