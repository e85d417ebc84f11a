import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { signIn, startE2E, type E2E } from './harness';
import { confirm, item, label, shot as reportShot, fillBlankItems } from './report-steps';

// The quarterly cycle through the browser against the real demo server (business date 2024-06-25,
// seed notice imported at start): Q2 opened itself at import, two clerks of 区交通运输局 fill the report
// (and collide on one task), the head returns and approves, the office returns one task and
// finally accepts. Every step leaves a screenshot in test-results/e2e/qr-*.png.

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});

afterAll(async () => {
  await e2e?.stop();
});

const NARRATIVE = '引江济汉连通工程前期工作已完成，阳逻港至武汉新港快速通道完成初步设计批复。';
const OTHER_NARRATIVE = '刘洋的写法：对外快速通道项目已开展前期研究。';
const HEAD_REASON = '第(12)项进展表述不具体，请补充项目投资完成数据。';
const OFFICE_REASON = '请补充快速通道项目的投资完成额及开工时间。';

const stateTag = (page: Page) => page.getByTestId('report-header').locator('.ant-tag').first();

const shot = (page: Page, name: string) => reportShot(page, `qr-${name}`);

describe('quarterly report', () => {
  it('runs a unit report from opening the period to acceptance', { timeout: 240_000 }, async () => {
    // 1. 2024年第二季度 opened itself at import (core/reporting/period-schedule.ts): nobody opens it.
    const { page: office } = await e2e.newPage();
    await signIn(office, 'duchashi');
    await office.waitForURL('**/office');
    await office.getByRole('menuitem', { name: '报送期管理' }).click();
    await office.waitForURL('**/office/periods');
    const q1 = office.getByRole('row').filter({ hasText: '2024年第一季度' });
    await q1.getByText('导入时已过期').waitFor();
    const q2 = office.getByRole('row').filter({ hasText: '2024年第二季度' });
    await q2.getByText('填报中').waitFor();
    await q2.getByText('系统自动开启').waitFor();
    // Q3's 10月1日 is National Day: the deadline in force is already 10月8日. The office extends it
    // further; new deadline and reason both required.
    const q3 = office.getByRole('row').filter({ hasText: '2024年第三季度' });
    await q3.getByText('→ 顺延至10月8日').waitFor();
    await q3.getByRole('button', { name: label('延期') }).click();
    const extend = office.getByRole('dialog').filter({ hasText: '延期 · 2024年第三季度' });
    await extend.getByRole('button', { name: '确认延期' }).click();
    await extend.getByText('请填写延期理由').waitFor();
    await extend.getByLabel('新的截止日期').fill('2024-10-15');
    await extend.getByLabel('新的截止日期').press('Enter');
    await extend.getByLabel('延期理由').fill('汛期防汛任务繁重');
    await shot(office, '01a-office-extend-modal');
    await extend.getByRole('button', { name: '确认延期' }).click();
    await q3.getByText('原定10月1日，已延期：汛期防汛任务繁重').waitFor();
    await q3.getByText('2024年10月15日').waitFor();
    await q1.getByText('导入时已过期').hover();
    await office.getByRole('tooltip').filter({ hasText: '截止日期在通知印发或导入系统时已经过去' }).waitFor();
    await shot(office, '01-office-periods');

    // 2. Clerk 陈静 opens the report from the unit home's 季度报送 card.
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    const todo = clerk.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
    await todo.getByText('未开始').waitFor();
    await shot(clerk, '02-clerk-home');
    await todo.getByRole('button', { name: label('填报') }).click();
    await clerk.waitForURL(/\/unit\/report\/\d+$/);
    const reportUrl = new URL(clerk.url()).pathname;
    await item(clerk, '(12)').waitFor();

    // 3. Clerk 刘洋 has the same report open before 陈静 saves.
    const { page: clerk2 } = await e2e.newPage();
    await signIn(clerk2, 'jtj.jingban2');
    await clerk2.waitForURL('**/unit');
    await clerk2.goto(reportUrl);
    await item(clerk2, '(12)').waitFor();

    // 4. 陈静 fills task (12) and the indicator of (114); autosave confirms.
    const task12 = item(clerk, '(12)');
    await task12.locator('.ant-select-selector').click();
    await clerk.locator('.ant-select-dropdown').getByTitle('按序时推进').click();
    await task12.getByLabel('进展情况').fill(NARRATIVE);
    await task12.getByLabel('存在问题').fill('项目用地报批进度偏慢。');
    await task12.getByLabel('下步打算').fill('7月底前完成用地预审。');
    await task12.getByText(/已自动保存 \d\d:\d\d/).waitFor();
    const task114 = item(clerk, '(114)');
    await task114.getByLabel(/实际完成/).fill('28');
    await task114.getByLabel('进展情况').fill('已完成新改建“四好农村路”28公里。');
    await task114.getByText(/已自动保存/).waitFor({ timeout: 10_000 });
    await shot(clerk, '03b-clerk-indicator');
    await task12.scrollIntoViewIfNeeded();
    await shot(clerk, '03-clerk-autosaved');

    // 5. 刘洋 edits the same task from his stale copy: the conflict is shown, nothing is overwritten.
    await item(clerk2, '(12)').getByLabel('进展情况').fill(OTHER_NARRATIVE);
    const conflict = clerk2.getByRole('dialog').filter({ hasText: '他人已修改此事项' });
    await conflict.waitFor();
    await conflict.getByText(NARRATIVE).waitFor();
    await conflict.getByText(/陈静/).first().waitFor();
    await shot(clerk2, '04-conflict-modal');
    await conflict.getByRole('button', { name: '采用对方版本' }).click();
    await expect.poll(() => item(clerk2, '(12)').getByLabel('进展情况').inputValue()).toBe(NARRATIVE);

    // Text typed just before a refresh is not lost: it comes back from this tab's draft and is saved.
    await item(clerk2, '(27)').getByLabel('进展情况').fill('交通专项规划已完成初稿。');
    await clerk2.reload();
    await expect.poll(() => item(clerk2, '(27)').getByLabel('进展情况').inputValue()).toBe('交通专项规划已完成初稿。');
    await item(clerk2, '(27)')
      .getByText(/已自动保存/)
      .waitFor();

    // 陈静's page still has the old (27); her change to another field of it clashes, and keeping
    // hers lays only the field she changed over 刘洋's entry.
    const task27 = item(clerk, '(27)');
    await task27.getByLabel('存在问题').fill('规划评审专家尚未确定。');
    const clash = clerk.getByRole('dialog').filter({ hasText: '他人已修改此事项' });
    await clash.getByText(/刘洋/).first().waitFor();
    await clash.getByRole('button', { name: '保留我的修改' }).click();
    await task27.getByText(/已自动保存/).waitFor();
    expect(await task27.getByLabel('进展情况').inputValue()).toBe('交通专项规划已完成初稿。');
    expect(await task27.getByLabel('存在问题').inputValue()).toBe('规划评审专家尚未确定。');

    // 6. 陈静 tries to submit with items still blank: refused, the items listed; she fills the rest.
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await clerk
      .locator('.ant-popconfirm')
      .getByText(/尚有 \d+ 个事项未填写完整，暂不能提交/)
      .waitFor();
    await shot(clerk, '05a-clerk-submit-refused');
    await confirm(clerk, '只看未填');
    await fillBlankItems(clerk);
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(clerk, '提交');
    await stateTag(clerk).filter({ hasText: '待负责人审定' }).waitFor();
    await shot(clerk, '05-clerk-submitted');

    // 7. The head returns it with a reason.
    const { page: head } = await e2e.newPage();
    await signIn(head, 'jtj.fuzeren');
    await head.waitForURL('**/unit-head');
    const headRow = head
      .getByTestId('open-periods-card')
      .locator('.ant-list-item')
      .filter({ hasText: '2024年第二季度' });
    await headRow.getByText('待负责人审定').waitFor();
    await shot(head, '06-head-home');
    await headRow.getByRole('button', { name: label('审定') }).click();
    await head.waitForURL(/\/unit-head\/report\/\d+$/);
    await head.getByRole('button', { name: '退回修改' }).click();
    const back = head.getByRole('dialog').filter({ hasText: '退回修改' });
    await back.getByLabel('退回原因').fill(HEAD_REASON);
    await shot(head, '07-head-return-modal');
    await back.getByRole('button', { name: label('退回') }).click();
    await stateTag(head).filter({ hasText: '负责人退回修改' }).waitFor();

    // 8. The clerk sees the reason and resubmits; the head approves.
    await clerk.reload();
    await clerk.getByTestId('return-reason').getByText(HEAD_REASON).waitFor();
    await shot(clerk, '08-clerk-head-returned');
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(clerk, '提交');
    await stateTag(clerk).filter({ hasText: '待负责人审定' }).waitFor();
    await head.reload();
    await head.getByRole('button', { name: '审定并报送' }).click();
    await confirm(head, '报送');
    await stateTag(head).filter({ hasText: '已报送督查室' }).waitFor();
    await shot(head, '09-head-approved');

    // 9. The office sees it in 报送情况, opens it and returns one task.
    await office.reload();
    await q2.getByRole('link', { name: '报送情况' }).click();
    await office.waitForURL(/\/office\/periods\/\d+$/);
    const unitRow = office.getByRole('row').filter({ hasText: '区交通运输局' });
    await unitRow.getByText('已报送督查室').waitFor();
    await office.getByRole('row').filter({ hasText: '区教育局' }).getByText('未填报', { exact: true }).waitFor();
    await shot(office, '10-office-period-reports');
    await unitRow.getByRole('link', { name: '审核' }).click();
    await office.waitForURL(/\/office\/reports\/\d+$/);
    await item(office, '(12)').getByText(NARRATIVE).waitFor();
    await shot(office, '11-office-review');
    await office.getByRole('button', { name: label('退回') }).click();
    const ret = office.getByRole('dialog').filter({ hasText: '退回报告' });
    await ret.getByRole('button', { name: '确认退回' }).click();
    await ret.getByText('请填写退回意见（总体意见或任一事项的意见）').waitFor();
    await ret.getByRole('button', { name: label('取消') }).click();
    // The office writes its comment inside the item, on the page, then returns.
    await item(office, '(12)').getByLabel('第(12)项审核意见').fill(OFFICE_REASON);
    await office.getByRole('button', { name: label('退回') }).click();
    await ret.getByTestId('return-item-count').getByText(/已在 1 个事项下填写（第\(12\)项）/).waitFor();
    await ret.getByLabel('退回意见', { exact: true }).fill('请于截止日期前重新报送。');
    await shot(office, '12-office-return-modal');
    await ret.getByRole('button', { name: '确认退回' }).click();
    await stateTag(office).filter({ hasText: '退回修改' }).waitFor();

    // 10. The clerk sees the office's comment on task (12), resubmits; the head approves.
    await clerk.reload();
    await item(clerk, '(12)').getByText(OFFICE_REASON).waitFor();
    await clerk.getByTestId('return-reason').getByText('第(12)项').waitFor();
    await shot(clerk, '13a-clerk-office-returned');
    await item(clerk, '(12)').scrollIntoViewIfNeeded();
    await shot(clerk, '13-clerk-office-comment');
    await clerk.getByRole('button', { name: '提交负责人审定' }).click();
    await confirm(clerk, '提交');
    await stateTag(clerk).filter({ hasText: '待负责人审定' }).waitFor();
    await head.reload();
    await head.getByRole('button', { name: '审定并报送' }).click();
    await confirm(head, '报送');
    await stateTag(head).filter({ hasText: '已重新报送' }).waitFor();

    // 11. The office accepts.
    await office.reload();
    await office.getByRole('button', { name: '审核通过' }).click();
    await confirm(office, '通过');
    await stateTag(office).filter({ hasText: '已通过' }).waitFor();
    await shot(office, '14-office-accepted');
    await office.getByRole('button', { name: '返回报送情况' }).click();
    await office.waitForURL(/\/office\/periods\/\d+$/);
    await shot(office, '15-office-period-accepted');
    await office.getByRole('row').filter({ hasText: '区交通运输局' }).getByText('已通过').waitFor();
    await shot(office, '15-office-period-accepted');

    // The clerk's home now says the quarter is done.
    await clerk.getByRole('button', { name: '返回首页' }).click();
    await clerk.waitForURL('**/unit');
    await todo.getByText('已通过').waitFor();
    await shot(clerk, '16-clerk-home-accepted');
  });
});
