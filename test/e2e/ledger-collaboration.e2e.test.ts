import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, startE2E, type E2E } from './harness';
import {
  dialog,
  label,
  ledgerTotal,
  openBell,
  openMenu,
  openTask12,
  pickOption,
  rowTexts,
  screen,
  search,
} from './ledger-steps';

// The ledger (台账) and the collaboration around a task, through the browser, as three people use
// it: the office (duchashi), the transport bureau's clerk (jtj.jingban) and the leader in charge
// (dingli, 丁力). The demo server has imported the seed notice; task (12) of annex 1 is 区交通运输局's,
// in 丁力's portfolio. The tests run in order and build on each other, like a working week.

let e2e: E2E;
let office: Page;
let clerk: Page;
let leader: Page;

beforeAll(async () => {
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  ({ page: clerk } = await e2e.newPage());
  ({ page: leader } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
  await signIn(clerk, 'jtj.jingban');
  await clerk.waitForURL('**/unit');
  await signIn(leader, 'dingli');
  await leader.waitForURL('**/leader');
});

afterAll(async () => {
  await e2e?.stop();
});

describe('ledger and collaboration', () => {
  it('lets the office search and filter the ledger and open a task', async () => {
    await openMenu(office, '台账');
    await office.waitForURL('**/ledger');
    await office.getByRole('heading', { name: '台账', level: 1 }).waitFor();
    await expect.poll(() => ledgerTotal(office)).toBe(242);
    await screen(office, 'ledger-office');

    await search(office, '充电桩');
    // The term is marked in the standards (after antd has measured where to cut long ones).
    await expect.poll(() => office.locator('mark.ledger-hit').count()).toBeGreaterThan(0);
    const hits = await office.locator('mark.ledger-hit').allInnerTexts();
    expect(hits.every((h) => h === '充电桩')).toBe(true);
    expect((await rowTexts(office)).every((r) => r.includes('充电桩'))).toBe(true);
    await screen(office, 'ledger-search-charging');

    await office.getByRole('button', { name: '清除筛选' }).click();
    await office.getByRole('combobox', { name: '附件' }).click();
    await pickOption(office, '附件2');
    await expect.poll(() => ledgerTotal(office)).toBe(24);
    expect(new URL(office.url()).searchParams.get('annexNo')).toBe('2');
    expect((await rowTexts(office)).every((r) => r.startsWith('附件2'))).toBe(true);
    await screen(office, 'ledger-annex2');

    // 导出 Excel exports what is on screen: the same filter, every page.
    const href = await office.getByRole('link', { name: /导出 Excel/ }).getAttribute('href');
    expect(href).toBe('/api/tasks/export.xlsx?annexNo=2');
    const xlsx = await office.request.get(href!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // The filters live in the URL: the same link opens the same list.
    await office.reload();
    await expect.poll(() => ledgerTotal(office)).toBe(24);

    await office.getByRole('button', { name: '清除筛选' }).click();
    // Wait for the page, not just the URL: react-router renders a navigation in a transition, and a
    // search typed before the unfiltered list shows would still carry the old annex filter.
    await expect.poll(() => ledgerTotal(office)).toBe(242);
    await openTask12(office);
    await office.getByText('推动重大引领性交通项目加快落地', { exact: false }).first().waitFor();
    const basics = office.locator('.ant-descriptions').first();
    await expect.poll(() => basics.innerText()).toContain('区交通运输局');
    await expect.poll(() => basics.innerText()).toContain('丁力');
    await expect.poll(() => basics.innerText()).toContain('第1版');
    await office.getByRole('button', { name: label('编辑') }).waitFor();
    await screen(office, 'task-office');
  });

  it("shows the clerk only the unit's tasks; the clerk raises a coordination request", async () => {
    await openMenu(clerk, '台账');
    await clerk.waitForURL('**/ledger');
    await clerk.getByText('区交通运输局承担的事项').waitFor();
    const total = await ledgerTotal(clerk);
    expect(total).toBeGreaterThan(5);
    expect(total).toBeLessThan(242);
    const rows = await rowTexts(clerk);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('区交通运输局'))).toBe(true);
    await screen(clerk, 'ledger-clerk');

    await openTask12(clerk);
    await clerk.getByRole('button', { name: '提请协调' }).click();
    const d = dialog(clerk, '提请协调');
    await d.getByLabel('需协调解决的问题').fill('项目用地报批涉及自然资源部门，需协调加快办理。');
    await d.getByLabel('涉及部门').fill('区自然资源和规划局、区商务局');
    await expect.poll(() => d.innerText()).toContain('丁力');
    await screen(clerk, 'coordination-raise');
    await d.getByRole('button', { name: label('提交') }).click();
    await clerk.getByText('已提请协调，分管区领导将收到通知').waitFor();
    await clerk.getByRole('tab', { name: /提请协调/ }).click();
    await clerk.getByText('项目用地报批涉及自然资源部门').first().waitFor();
    await screen(clerk, 'task-clerk-coordination');
  });

  it('brings the request to 丁力, who comments, assigns and closes it; the clerk sees 已办结', async () => {
    await openBell(leader, '/leader');
    const panel = leader.getByTestId('notifications');
    await panel.getByText('新的提请协调事项').waitFor();
    await expect.poll(() => leader.getByTestId('bell').innerText()).toMatch(/[1-9]/);
    await screen(leader, 'bell-leader');

    // The ledger opens on his own portfolio.
    await leader.keyboard.press('Escape');
    await openMenu(leader, '台账');
    await leader.getByText('丁力分管的事项').waitFor();
    expect((await rowTexts(leader)).every((r) => r.includes('丁力'))).toBe(true);
    await screen(leader, 'ledger-leader');

    await openMenu(leader, '协调事项');
    await leader.waitForURL('**/coordination');
    const row = leader.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '项目用地报批' });
    await row.getByText('待协调').waitFor();
    await screen(leader, 'coordination-list-leader');
    await row.click();
    await leader.waitForURL('**/coordination/*');

    await leader.getByRole('button', { name: /发表意见/ }).click();
    let d = dialog(leader, '发表意见');
    await d.getByLabel('意见').fill('请区自然资源和规划局提前介入，并联审批。');
    await d.getByRole('button', { name: label('发表') }).click();
    await leader.getByText('意见已发表').waitFor();

    await leader.getByRole('button', { name: label('交办') }).click();
    d = dialog(leader, '交办');
    await d.getByRole('combobox').click();
    await leader.keyboard.type('区商务局');
    await pickOption(leader, /^区商务局$/);
    await d.getByLabel('交办意见').fill('请区商务局牵头对接，两周内反馈。');
    await d.getByRole('button', { name: label('交办') }).click();
    await leader.getByText('已交办，承办单位将收到通知').waitFor();
    await leader.locator('.ant-descriptions').getByText('区商务局', { exact: true }).waitFor();
    await screen(leader, 'coordination-assigned');

    await leader.getByRole('button', { name: label('办结') }).click();
    d = dialog(leader, '办结协调事项');
    // The resolution is required: an empty one is stopped in the form.
    await d.getByRole('button', { name: label('办结') }).click();
    await d.getByText('请填写办结意见').waitFor();
    await d.getByLabel('办结意见').fill('已协调区自然资源和规划局并联审批，用地报批已完成。');
    await d.getByRole('button', { name: label('办结') }).click();
    await leader.getByText('已办结').first().waitFor();
    await leader.getByText('已协调区自然资源和规划局并联审批').first().waitFor();
    await screen(leader, 'coordination-closed');

    await openMenu(clerk, '协调事项');
    await clerk.waitForURL('**/coordination');
    await clerk.locator('.ant-segmented').getByText('已办结').click();
    const done = clerk.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '项目用地报批' });
    await done.getByText('已办结').waitFor();
    await done.click();
    await clerk.getByText('已协调区自然资源和规划局并联审批').first().waitFor();
    await screen(clerk, 'coordination-clerk-closed');
  });

  it('takes a target adjustment from the clerk to the office and into version 2 of the task', async () => {
    await openTask12(clerk);
    await clerk.getByRole('button', { name: '申请目标调整' }).click();
    const d = dialog(clerk, '申请目标调整');
    await d.getByLabel('调整后的工作标准').fill('推动重大引领性交通项目加快落地，年内开工2个。');
    await d.getByLabel('调整理由').fill('市级绩效目标调整，年内开工项目由3个调整为2个。');
    await screen(clerk, 'adjustment-propose');
    await d.getByRole('button', { name: '提交申请' }).click();
    await clerk.getByText('目标调整申请已提交，待督查室审核').waitFor();

    await openMenu(office, '目标调整审核');
    await office.waitForURL('**/office/adjustments');
    const row = office.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '附件1 (12)' });
    await row.getByText('市级绩效目标调整').waitFor();
    await screen(office, 'adjustments-pending');
    await row.getByRole('button', { name: label('批准') }).click();
    await office
      .getByRole('tooltip')
      .getByRole('button', { name: label('批准') })
      .click();
    await office.getByText('已批准，事项更新为第2版').waitFor();
    await office.getByRole('tab', { name: '已批准' }).click();
    await office
      .locator('.ant-table-tbody tr.ant-table-row')
      .filter({ hasText: '附件1 (12)' })
      .getByText('第2版')
      .waitFor();
    await screen(office, 'adjustments-approved');

    await office.locator('.ant-table-tbody').getByRole('link', { name: '附件1 (12)' }).click();
    await office.waitForURL('**/tasks/*');
    await office.getByText('年内开工2个').first().waitFor();
    await expect.poll(() => office.locator('.ant-descriptions').first().innerText()).toContain('第2版');
    await office.getByRole('tab', { name: /版本记录/ }).click();
    const versions = office.getByRole('tabpanel');
    await versions.getByText('目标调整：市级绩效目标调整，年内开工项目由3个调整为2个。').waitFor();
    await versions.getByText('导入通知').waitFor();
    await screen(office, 'task-versions');
  });

  it('delivers 丁力’s instruction to the clerk’s bell', async () => {
    await openTask12(leader);
    await leader.getByRole('button', { name: label('批示') }).click();
    const d = dialog(leader, '批示：附件1 (12)');
    await d.getByLabel('批示内容').fill('要加快进度，确保年内开工。');
    await d.getByRole('button', { name: '发送批示' }).click();
    await leader.getByText('批示已发送给责任单位').waitFor();
    await leader.getByRole('tab', { name: /领导批示/ }).click();
    await leader.getByRole('tabpanel').getByText('要加快进度，确保年内开工。').waitFor();
    await screen(leader, 'task-instruction');

    await openBell(clerk, '/unit');
    const panel = clerk.getByTestId('notifications');
    await panel.getByText('要加快进度，确保年内开工。').waitFor();
    await panel.getByText('协调事项已办结').waitFor();
    await screen(clerk, 'bell-clerk');

    // Opening a notification reads it and goes to the task.
    const before = await clerk.getByTestId('bell').innerText();
    await panel.getByText('要加快进度，确保年内开工。').click();
    await clerk.waitForURL('**/tasks/*');
    await expect.poll(() => clerk.getByTestId('bell').innerText()).not.toBe(before);
    await clerk.getByTestId('bell').click();
    await clerk.getByRole('button', { name: '全部已读' }).click();
    await expect.poll(() => clerk.getByText(/通知（0 条未读）/).isVisible()).toBe(true);
  });

  it('shows each person’s to-dos on the home page', async () => {
    await leader.goto('/leader');
    await leader.getByTestId('todo-card').waitFor();
    await screen(leader, 'home-leader-todos');
    await office.goto('/office');
    await office.getByTestId('todo-card').waitFor();
    await screen(office, 'home-office-todos');
  });
});
