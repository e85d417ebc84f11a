import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, startE2E, type E2E } from './harness';
import { dialog, label, openMenu, screen, search } from './ledger-steps';

// The office edits a task in the ledger while a colleague saves the same task: the stale edit is
// refused with the server's message, the page shows the colleague's version, and a new edit over
// it goes through. Each edit is a version and a line in the task's 修改记录.

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

describe('editing a task', () => {
  it('lets the office edit a task, and refuses an edit made over someone else’s newer one', async () => {
    await openMenu(office, '台账');
    await search(office, '城乡居民人均可支配收入');
    await office.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '附件1 (3)' }).click();
    await office.getByRole('heading', { name: '事项 附件1 (3)' }).waitFor();
    const id = Number(new URL(office.url()).pathname.split('/').pop());

    await office.getByRole('button', { name: label('编辑') }).click();
    const d = dialog(office, '编辑事项（当前第1版）');
    // The units are in order, the first marked as the lead unit.
    await d.locator('.ant-tag-red').filter({ hasText: '牵头 区发改局' }).waitFor();
    await screen(office, 'task-edit');

    // Meanwhile a colleague saves the same task (through the API, with the office's own session).
    const me = (await (await office.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const other = await office.request.patch(`/api/tasks/${id}`, {
      data: { version: 1, standard: '城乡居民人均可支配收入增长与经济增长基本同步（同事修改）。' },
      headers: { 'X-CSRF-Token': me.csrfToken },
    });
    expect(other.status()).toBe(200);

    await d.getByLabel('工作标准').fill('城乡居民人均可支配收入增长7%。');
    await d.getByRole('button', { name: label('保存') }).click();
    await office.getByText('他人已修改了这一事项', { exact: false }).waitFor();
    await office.locator('.ant-descriptions').getByText('（同事修改）', { exact: false }).waitFor();
    await expect.poll(() => office.locator('.ant-descriptions').first().innerText()).toContain('第2版');
    await screen(office, 'task-edit-conflict');

    // Saved again over the version now shown, the edit goes through.
    await office.getByRole('button', { name: label('编辑') }).click();
    const again = dialog(office, '编辑事项（当前第2版）');
    await again.getByLabel('工作标准').fill('城乡居民人均可支配收入增长7%。');
    await again.getByRole('button', { name: label('保存') }).click();
    await office.getByText('已保存，事项更新为第3版').waitFor();
    await office.getByRole('tab', { name: /修改记录/ }).click();
    await office.getByRole('tabpanel').getByText('城乡居民人均可支配收入增长7%。', { exact: false }).first().waitFor();
    await screen(office, 'task-history');
  });
});
