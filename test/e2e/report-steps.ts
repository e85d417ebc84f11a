import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './harness';

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
