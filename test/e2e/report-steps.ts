import path from 'node:path';
import type { Page } from 'playwright-core';
import { apiGet, RESULTS_DIR } from './harness';

/** antd puts a space between two Chinese characters of a button label ("提 交"). */
export const label = (text: string) => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/** One task's card on a unit report page. */
export const item = (page: Page, seq: string, annex = 1) => page.getByTestId(`report-item-${annex}-${seq}`);

/** Clicks the confirming button of the open Popconfirm. */
export async function confirm(page: Page, ok: string) {
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: label(ok) })
    .click();
}

/** What the user sees: the 1440×900 viewport, not the whole (long) page. */
export async function shot(page: Page, name: string) {
  await page.waitForTimeout(400); // let antd's motion settle
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

/**
 * Writes 进展情况 into every item still blank, through the API as the signed-in clerk, and reloads:
 * a report is submitted only complete (core/reporting/completeness.ts), and a test that is about
 * something else fills the rest the quickest way (a real clerk would use 全部沿用上期).
 */
export async function fillBlankItems(page: Page, narrative = '按计划推进中。') {
  const periodId = Number(new URL(page.url()).pathname.split('/').pop());
  const view = await apiGet<{ report: { id: number }; items: { taskId: number; version: number; status: string; narrative: string }[] }>(page, `/api/periods/${periodId}/reports/mine`);
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  for (const i of view.items.filter((x) => !x.narrative.trim())) {
    const res = await page.request.fetch(`/api/reports/${view.report.id}/tasks/${i.taskId}`, {
      method: 'PUT',
      headers: { 'X-CSRF-Token': csrfToken },
      data: { version: i.version, status: i.status, narrative, problems: '', nextSteps: '', actuals: [] },
    });
    if (res.status() !== 200) throw new Error(`filling item ${i.taskId}: ${res.status()} ${await res.text()}`);
  }
  await page.reload();
  await page.getByTestId('fill-bar').waitFor();
}
