import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { signIn, startE2E, type E2E } from './harness';

/**
 * 三员分立's two-person rule (issue 17, finding 4) in Chromium on the demo: the system administrator
 * (xitong) asks for a new clerk and a reset of the office's password — and cannot sign in as either;
 * the security administrator (anquan) sees both waiting, approves the account (its initial password
 * is shown to them once) and rejects the reset with a reason; the new clerk signs in with the handed
 * password and must change it; the system administrator sees the decisions. Screenshots at 1366×768
 * and 390×844; axe-core over the requests card and the password dialog.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);

afterAll(async () => {
  await e2e?.stop();
});

async function shoot(page: Page, name: string) {
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300); // tables and modals re-lay out
    await e2e.screenshot(page, `account-approval-${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function expectAccessible(page: Page, selector: string) {
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    expect(await seriousViolations(page, selector)).toEqual([]);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** The sign-in is refused: the form stays with its error. */
async function refusedSignIn(username: string, password: string) {
  const { page } = await e2e.newPage();
  await signIn(page, username, password);
  await page.getByRole('alert').waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
}

describe('account requests: the system administrator proposes, the security administrator approves', () => {
  it('a new account works only after approval, with the password the approver hands over', { timeout: 180_000 }, async () => {
    const { page: admin } = await e2e.newPage();
    await admin.setViewportSize({ width: 1366, height: 768 });
    await signIn(admin, 'xitong');
    await admin.waitForURL('**/admin/users');

    // Ask for a clerk: no password field any more.
    await admin.getByRole('button', { name: /新建用户/ }).click();
    const create = admin.getByRole('dialog').filter({ hasText: '新建用户' });
    await create.getByLabel('用户名').fill('jtj.shenpi');
    await create.getByLabel('姓名').fill('审批经办');
    await create.getByLabel('所属单位').fill('交通运输');
    await admin.locator('.ant-select-dropdown:visible').getByTitle('区交通运输局').click();
    await create.getByLabel('申请说明').fill('新调入交通运输局的经办人');
    expect(await create.getByLabel('初始密码').count()).toBe(0);
    await create.getByRole('button', { name: /确\s*定/ }).click();
    const asked = admin.locator('.ant-modal-confirm').filter({ hasText: '新建账号申请已提交' });
    await asked.waitFor();
    await asked.getByRole('button', { name: '知道了' }).click();

    // Ask for a reset of the office's password.
    const officeRow = admin.getByRole('row').filter({ hasText: 'duchashi' });
    await officeRow.getByRole('button', { name: /重置密码/ }).click();
    const reset = admin.getByRole('dialog').filter({ hasText: '重置密码：' });
    await reset.getByLabel('申请说明').fill('本人来电称遗忘密码');
    await reset.getByRole('button', { name: /提交审批/ }).click();
    const resetAsked = admin.locator('.ant-modal-confirm').filter({ hasText: '重置密码申请已提交' });
    await resetAsked.waitFor();
    await resetAsked.getByRole('button', { name: '知道了' }).click();
    await officeRow.getByText('待审批：重置密码').waitFor();

    const adminCard = admin.getByTestId('account-requests');
    await adminCard.getByRole('row').filter({ hasText: 'jtj.shenpi' }).waitFor();
    await adminCard.getByRole('row').filter({ hasText: '本人来电称遗忘密码' }).waitFor();
    expect(await adminCard.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
    await adminCard.scrollIntoViewIfNeeded();
    await shoot(admin, 'sysadmin-pending');
    await expectAccessible(admin, '[data-testid="account-requests"]');

    // Nothing works yet: the account does not exist, the office keeps its own password.
    await refusedSignIn('jtj.shenpi', 'Duban@2024');
    const { page: officePage } = await e2e.newPage();
    await signIn(officePage, 'duchashi');
    await officePage.waitForURL('**/office');

    // The security administrator sees both waiting.
    const { page: sec } = await e2e.newPage();
    await sec.setViewportSize({ width: 1366, height: 768 });
    await signIn(sec, 'anquan');
    await sec.waitForURL('**/security');
    const card = sec.getByTestId('account-requests');
    const accountRow = card.getByRole('row').filter({ hasText: 'jtj.shenpi' });
    await accountRow.getByText('新调入交通运输局的经办人').waitFor();
    await accountRow.getByText('单位经办人 · 区交通运输局').waitFor();
    await card.getByText('待审批（2）').waitFor();
    await shoot(sec, 'secadmin-pending');
    await expectAccessible(sec, '[data-testid="account-requests"]');

    // Approve the account: its password is shown once, to the approver.
    await accountRow.getByRole('button', { name: /批\s*准/ }).click();
    await sec.getByRole('tooltip').getByRole('button', { name: /批\s*准/ }).click();
    const shown = sec.getByRole('dialog').filter({ hasText: '已批准：请将初始密码交给本人' });
    await shown.waitFor();
    const password = (await shown.getByTestId('initial-password').first().innerText()).trim();
    expect(password).toMatch(/^.{12}$/);
    await shoot(sec, 'secadmin-password');
    await expectAccessible(sec, '.ant-modal');
    await shown.getByRole('button', { name: /已记录/ }).click();

    // Reject the reset, with a reason.
    const resetRow = card.getByRole('row').filter({ hasText: '本人来电称遗忘密码' });
    await resetRow.getByRole('button', { name: /驳\s*回/ }).click();
    const rejectDialog = sec.getByRole('dialog').filter({ hasText: '驳回申请' });
    await rejectDialog.getByLabel('驳回理由').fill('未能回拨核实本人身份');
    await rejectDialog.getByRole('button', { name: /驳\s*回/ }).click();
    await card.getByText('没有待审批的申请').waitFor();

    // The clerk signs in with the handed password and must choose their own first.
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.shenpi', password);
    await clerk.waitForURL('**/unit');
    await clerk.getByRole('dialog').filter({ hasText: '首次登录，请修改初始密码' }).waitFor();
    // The office's password was not reset: its session lives and it signs in as before.
    await officePage.reload();
    await officePage.waitForURL('**/office');

    // The system administrator sees the decisions, never the password.
    await admin.reload();
    await adminCard.getByText('已处理').click();
    await adminCard.getByRole('row').filter({ hasText: '未能回拨核实本人身份' }).getByText('已驳回').waitFor();
    await adminCard.getByRole('row').filter({ hasText: 'jtj.shenpi' }).getByText('已批准').waitFor();
    expect(await admin.content()).not.toContain(password);
    await admin.getByRole('row').filter({ hasText: 'jtj.shenpi' }).first().waitFor();
    await shoot(admin, 'sysadmin-decided');
    await expectAccessible(admin, '[data-testid="account-requests"]');
  });
});
