import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditExport } from '../../server/audit/export';
import { signIn, startE2E, type E2E } from './harness';

// The three system duties in the browser: the auditor exports the log and the file checks out;
// the system administrator's user list keeps its hands off the 三员 accounts.

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

describe('security administration (三员)', () => {
  it('the auditor downloads the audit log of a range as a checkable file, and the export is itself logged', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'shenji');
    await page.waitForURL('**/audit');
    const card = page.getByTestId('audit-export');
    await card.getByText('导出审计日志').waitFor();
    await e2e.screenshot(page, 'audit-export');
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('link', { name: /导出校验文件/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^审计日志-.+\.jsonl$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const check = verifyAuditExport(text);
    expect(check.ok, check.reason ?? '').toBe(true);
    expect(check.entries).toBeGreaterThan(0);
    // The export shows up in the log the auditor reads, under its Chinese label (the code is on hover).
    await page.reload();
    await page.getByText('导出审计日志').first().waitFor();
    await expect.poll(async () => page.getByRole('row').filter({ hasText: '导出审计日志' }).count()).toBeGreaterThan(0);
  });

  it("the system administrator cannot touch the 三员 accounts and offers no system role", async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'xitong');
    await page.waitForURL('**/admin/users');
    const auditorRow = page.getByRole('row').filter({ hasText: 'shenji' });
    await auditorRow.getByText('三员账号由部署人员维护').waitFor();
    expect(await auditorRow.getByRole('button', { name: /重置密码/ }).count()).toBe(0);
    await page.getByRole('button', { name: /新建用户/ }).click();
    await page.getByRole('dialog').locator('.ant-form-item').filter({ hasText: '角色' }).locator('.ant-select-selector').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // The dropdown animates in: read its options once they have settled, not mid-animation.
    await expect.poll(async () => options.allTextContents()).toContain('单位经办人');
    const labels = await options.allTextContents();
    expect(labels.some((l) => ['系统管理员', '安全管理员', '安全审计员'].includes(l))).toBe(false);
    await e2e.screenshot(page, 'admin-roles-offered');
  });

  it('a person signs out on every device at once from the user menu', async () => {
    const desk = await e2e.newPage();
    const laptop = await e2e.newPage();
    for (const p of [desk.page, laptop.page]) {
      await signIn(p, 'duchashi');
      await p.waitForURL('**/office');
    }
    await desk.page.getByTestId('user-menu').click();
    await desk.page.getByRole('menuitem', { name: '退出所有设备上的登录' }).click();
    const confirm = desk.page.locator('.ant-modal-confirm').filter({ hasText: '退出所有设备上的登录？' });
    await confirm.waitFor();
    await e2e.screenshot(desk.page, 'sign-out-everywhere');
    await confirm.getByRole('button', { name: '全部退出' }).click();
    await desk.page.waitForURL('**/login');
    // The other browser's session ended too: its next request sends it to sign in.
    await laptop.page.reload();
    await laptop.page.waitForURL('**/login');
  });
});
