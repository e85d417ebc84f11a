import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, startE2E, type E2E } from './harness';
import { openMenu, screen } from './ledger-steps';

// The office downloads the ledger laid out as the notice's annexes (导出台账（附件格式）) from the
// ledger page; a unit's clerk, who sees only the unit's tasks, is not offered it.

let e2e: E2E;
let office: Page;

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
});

afterAll(async () => {
  await e2e?.stop();
});

describe('exporting the ledger in the annexes’ layout', () => {
  it('downloads the demo notice’s workbook under its Chinese name', async () => {
    await openMenu(office, '台账');
    await office.getByTestId('ledger-total').waitFor();
    await screen(office, 'ledger-annex-export');
    const [download] = await Promise.all([office.waitForEvent('download'), office.getByText('导出台账（附件格式）').click()]);
    expect(download.suggestedFilename()).toBe('新政办〔2024〕1号-责任分解台账.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['通知', '附件1', '附件2', '附件3', '附件4', '附件5']);
  });

  it('offers no such export to a unit clerk', async () => {
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    await openMenu(clerk, '台账');
    await clerk.getByTestId('ledger-total').waitFor();
    await expect.poll(() => clerk.getByText('导出 Excel').count()).toBe(1);
    expect(await clerk.getByText('导出台账（附件格式）').count()).toBe(0);
  });
});
