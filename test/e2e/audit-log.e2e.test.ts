import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../../core/audit/labels';
import { apiGet, apiSend, signIn, startE2E, type E2E } from './harness';
import { seriousViolations as axeSerious } from './axe';

/**
 * The audit log as the demo's 安全审计员 (shenji) reads it: a clerk (陈静, 区交通运输局) types into
 * one item of the Q2 report — the form's autosave, one PUT per pause — and the auditor filters the
 * log by her and by 「保存进展」, sees Chinese words only, names of people and objects with the ids
 * on hover, and one 「编辑进展」 line that opens to every write. Screenshots at 1366×768 and
 * 390×844; axe-core on the page.
 */
const SHOTS = '/tmp/shots';
const AUTOSAVES = 6;


async function shoot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Picks an option of an Ant Design Select by typing and choosing the visible option. */
async function choose(page: Page, label: string, text: string) {
  const select = page.getByRole('combobox', { name: label, exact: true });
  await select.click();
  await select.fill(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
  await page.keyboard.press('Escape');
}

describe('the audit log for people (Chromium)', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 180_000);
  afterAll(() => e2e?.stop());

  it('filters by a person and an action, shows names and Chinese labels, and opens a 编辑进展 group', { timeout: 240_000 }, async () => {
    // 1. The clerk's autosaves of one item (the form sends one PUT per pause in typing).
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    const periods = await apiGet<{ items: { id: number; label: string }[] }>(clerk, '/api/periods');
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    const view = await apiSend<{ report: { id: number }; items: { taskId: number; version: number; annexNo: number; seq: string }[] }>(
      clerk,
      'POST',
      `/api/periods/${q2.id}/reports/mine`,
    );
    const item = view.items[0]!;
    let version = item.version;
    const text = '二季度已完成道路改造工程量的百分之六十，剩余路段正在施工';
    for (let i = 1; i <= AUTOSAVES; i += 1) {
      const r = await apiSend<{ version: number }>(clerk, 'PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, {
        version,
        status: 'on_track',
        narrative: text.slice(0, Math.ceil((text.length * i) / AUTOSAVES)),
      });
      version = r.version;
    }

    // 2. The auditor.
    const { context, page } = await e2e.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, 'shenji');
    await page.waitForURL('**/audit');
    await page.getByTestId('audit-lines').locator('tbody tr.ant-table-row').first().waitFor();

    // Labels only: no action code is printed anywhere in the list.
    const listText = await page.getByTestId('audit-lines').innerText();
    expect(listText).toMatch(/登录|开始填报|保存进展/);
    expect(Object.keys(ACTION_LABELS).filter((code) => listText.includes(code))).toEqual([]);
    await shoot(page, 'audit-desktop');

    await choose(page, '操作人', '陈静');
    await choose(page, '操作', '保存进展');
    const rows = page.getByTestId('audit-lines').locator('tbody tr.ant-table-row');
    await expect.poll(async () => rows.count()).toBe(1);
    const row = rows.first();
    await expect.poll(async () => row.innerText()).toContain('编辑进展');
    const rowText = await row.innerText();
    expect(rowText).toContain('陈静');
    expect(rowText).toContain('单位经办人');
    expect(rowText).toContain(`${AUTOSAVES} 次自动保存`);
    expect(rowText).toContain('区交通运输局2024年第二季度报告');
    expect(rowText).toMatch(new RegExp(`附件${item.annexNo}·`));
    expect(rowText).not.toMatch(/progress\.save|#\d+/);
    // The ids are on hover.
    expect(await row.locator('[title^="任务进展编号 "]').count()).toBe(1);
    expect(await row.locator('[title^="操作代码 progress.save"]').count()).toBe(1);
    expect(await row.locator('[title^="用户编号 "]').count()).toBe(1);
    await page.getByText('操作记录', { exact: true }).click(); // closes the action drop-down
    await shoot(page, 'audit-filtered-desktop');

    // The group opens to every write, newest first.
    await row.locator('.ant-table-row-expand-icon').click();
    const writes = page.getByTestId('audit-group-entries').locator('tbody tr.ant-table-row');
    await expect.poll(async () => writes.count()).toBe(AUTOSAVES);
    expect(await writes.first().innerText()).toContain(text.slice(0, 40));
    await shoot(page, 'audit-group-open-desktop');

    const violations = await axeSerious(page, '.app-content');
    expect(violations, violations.join('\n')).toEqual([]);

    // 3. A phone: the same page, narrowed.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('audit-filters').scrollIntoViewIfNeeded();
    await shoot(page, 'audit-mobile');
    const mobileViolations = await axeSerious(page, '.app-content');
    expect(mobileViolations, mobileViolations.join('\n')).toEqual([]);
    await context.close();
  });
});
