import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { apiGet, apiSend, signIn, startE2E, type E2E } from './harness';
import { confirm, item, label, shot as reportShot, fillBlankItems } from './report-steps';

// Issue 4's remaining browser checks, on a server whose business date is 2024-07-03, two days after
// the Q2 deadline: 区发改局 (co-operating on task (29), which 区交通运输局 leads) reports its part and
// its head approves it late; the report is marked 逾期2个工作日报送 (lateness in working days) for the
// unit and for the office, and the lead unit's clerk sees 区发改局's part beside task (29).

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ DUBAN_TODAY: '2024-07-03' });
});
afterAll(async () => {
  await e2e?.stop();
});

const CO_PART = '区发改局已完成(29)项涉及的项目审批服务，配合开展前期论证。';
const shot = (page: Page, name: string) => reportShot(page, `late-${name}`);

describe('a late report and a co-operating unit’s part', () => {
  it('marks the late report with its days and shows the co-unit’s part to the lead unit', { timeout: 180_000 }, async () => {
    const { page: office } = await e2e.newPage();
    await signIn(office, 'duchashi');
    await office.waitForURL('**/office');
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(office, '/api/periods');
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    if (q2.status !== 'open') await apiSend(office, 'POST', `/api/periods/${q2.id}/open`);

    // 区发改局's clerk fills its part of (29) and submits.
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'fgj.jingban');
    await clerk.waitForURL('**/unit');
    const row = clerk.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
    await row.getByRole('button', { name: label('填报') }).click();
    await clerk.waitForURL(/\/unit\/report\/\d+$/);
    const task29 = item(clerk, '(29)');
    await task29.getByText('配合').first().waitFor();
    await task29.getByLabel('进展情况').fill(CO_PART);
    await task29.getByText(/已自动保存/).waitFor();
    await fillBlankItems(clerk);
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(clerk, '提交');

    // Its head approves on 3 July: two days after the 1 July deadline.
    const { page: head } = await e2e.newPage();
    await signIn(head, 'fgj.fuzeren');
    await head.waitForURL('**/unit-head');
    const headRow = head.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
    await headRow.getByRole('button', { name: label('审定') }).click();
    await head.waitForURL(/\/unit-head\/report\/\d+$/);
    await head.getByRole('button', { name: '审定并报送' }).click();
    await confirm(head, '报送');
    await head.getByTestId('report-header').getByText('逾期2个工作日报送').waitFor();
    await shot(head, '01-head-approved-late');

    // The office sees it as late in the period's 报送情况.
    await office.goto(`/office/periods/${q2.id}`);
    await office.getByRole('row').filter({ hasText: '区发改局' }).getByText('逾期2个工作日报送').waitFor();
    await office.getByRole('row').filter({ hasText: '区发改局' }).getByText('已报送督查室').waitFor();
    await shot(office, '02-office-period-late');

    // 区交通运输局's clerk opens its own report: (29) shows 区发改局's part.
    const { page: lead } = await e2e.newPage();
    await signIn(lead, 'jtj.jingban');
    await lead.waitForURL('**/unit');
    const leadRow = lead.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
    await leadRow.getByRole('button', { name: label('填报') }).click();
    await lead.waitForURL(/\/unit\/report\/\d+$/);
    const leadTask = item(lead, '(29)');
    await leadTask.getByText('牵头').first().waitFor();
    await leadTask.getByText(/配合单位填报情况/).click();
    await leadTask.getByText(CO_PART).waitFor();
    await leadTask.getByText('区发改局').first().waitFor();
    await leadTask.scrollIntoViewIfNeeded();
    await shot(lead, '03-lead-sees-co-part');
  });
});
