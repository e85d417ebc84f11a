// Steps the ledger and collaboration browser test repeats: finding things the way a user does.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { RESULTS_DIR } from './harness';

/** What the person sees on the 1440×900 screen. */
export async function screen(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Let modals, messages and table fades finish their animation: the shot is what the eye sees.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(RESULTS_DIR, `${name}.png`) });
}

export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: new RegExp(label) }).click();
}

/** antd spaces two-character Chinese button labels ("提 交"); an icon adds its name in front ("edit 编 辑"). */
export const label = (text: string) => new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`);

export const dialog = (page: Page, title: string) =>
  page.getByRole('dialog').filter({ has: page.getByText(title, { exact: true }) });

export async function pickOption(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

export async function ledgerTotal(page: Page): Promise<number> {
  const text = await page.getByTestId('ledger-total').innerText();
  return Number(/共\s*(\d+)\s*项/.exec(text)?.[1] ?? NaN);
}

export async function rowTexts(page: Page): Promise<string[]> {
  return page.locator('.ant-table-tbody tr.ant-table-row').allInnerTexts();
}

/** Searches the ledger and waits for the table to show the new result. */
export async function search(page: Page, term: string): Promise<void> {
  await page.getByPlaceholder(/搜索工作标准/).fill(term);
  await page.getByRole('button', { name: label('搜索') }).click();
  await page.waitForURL((u) => u.searchParams.get('q') === term);
  await page.waitForLoadState('networkidle');
}

/** Opens task (12) of annex 1 from the ledger, the way a clerk finds it. */
export async function openTask12(page: Page): Promise<void> {
  await openMenu(page, '台账');
  await page.waitForURL('**/ledger**');
  await search(page, '重大引领性交通项目');
  await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '附件1 (12)' }).click();
  await page.waitForURL('**/tasks/*');
  await page.getByRole('heading', { name: '事项 附件1 (12)' }).waitFor();
}

/** From the person's home (a page no notification points at, so none is read by arriving). */
export async function openBell(page: Page, home: string): Promise<void> {
  await page.goto(home);
  // As a person does: the bell once the home has loaded. Clicked earlier, a notification's page
  // could be left again by the home's own late effects (seen once in CI under load: the click
  // landed, the task page never stayed).
  await page.waitForLoadState('networkidle');
  await page.getByTestId('bell').click();
  await page.getByTestId('notifications').waitFor();
}
