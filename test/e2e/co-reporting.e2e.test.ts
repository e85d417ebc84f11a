import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, scrollIntoViewIfShown, signIn, startE2E, type E2E } from './harness';
import { item, label } from './report-steps';
import { seriousViolations as axeOn } from './axe';

/**
 * 报牵头单位 (issue 15) in Chromium on the demo, business date 2024-06-25 (Q2 open): the office
 * switches task 附件1 (29) — led by 区交通运输局, 区发改局 co-operating — to 报牵头单位 on the task
 * page; the lead's clerk sees 区发改局 未填写 and reminds it; 区发改局's clerk sees 「报牵头单位」 on
 * its item and writes its part; the lead's clerk then sees it 已填写, with its words. Screenshots at
 * 1366×768 and 390×844 under /tmp/shots/co-*.png; axe-core (WCAG 2.1 A/AA) over the touched parts.
 */
const SHOTS = '/tmp/shots';
const CO_PART = '区发改局配合完成(29)项的项目审批服务，前期论证已完成。';


/** The part that matters at both sizes: a desktop office screen and a phone. */
async function shots(page: Page, name: string, focus: string) {
  for (const [w, h, suffix] of [
    [1366, 768, 'desktop'],
    [390, 844, 'phone'],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The layout changes with the width (antd re-renders): let it settle before scrolling.
    await page.waitForTimeout(400);
    // On a phone the clerk's form shows one item at a time: the part is there only if it is that item.
    await scrollIntoViewIfShown(page, focus);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/co-${name}-${suffix}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

async function openQ2Report(page: Page, username: string) {
  await signIn(page, username);
  await page.waitForURL('**/unit');
  const row = page.getByTestId('open-periods-card').locator('.ant-list-item').filter({ hasText: '2024年第二季度' });
  await row.getByRole('button', { name: label('填报') }).click();
  await page.waitForURL(/\/unit\/report\/\d+$/);
}

let e2e: E2E;
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  e2e = await startE2E({ DUBAN_TODAY: '2024-06-25' });
}, 180_000);
afterAll(async () => {
  await e2e?.stop();
});

describe('co-operating units report to the lead unit (报牵头单位)', () => {
  it('the office switches a task, the co-unit sees 报牵头单位, the lead sees and reminds who has written', { timeout: 240_000 }, async () => {
    const violations: string[] = [];
    const { page: office } = await e2e.newPage();
    await signIn(office, 'duchashi');
    await office.waitForURL('**/office');
    const tasks = await apiGet<{ items: { id: number; seq: string; units: { name: string; role: string }[]; coReporting: string }[] }>(office, '/api/tasks?annexNo=1&pageSize=500');
    const task = tasks.items.find((t) => t.seq === '(29)')!;
    expect(task.units.map((u) => [u.name, u.role])).toEqual([
      ['区交通运输局', 'lead'],
      ['区发改局', 'co'],
    ]);
    expect(task.coReporting).toBe('separate');

    // The office, on the task page: 责任单位 › 配合单位报送方式 › 报牵头单位.
    await office.setViewportSize({ width: 1366, height: 768 });
    await office.goto(`/tasks/${task.id}`);
    const control = office.getByTestId('co-reporting');
    await control.getByText('各配合单位在本单位报告中单独报送').waitFor();
    await control.getByText('报牵头单位', { exact: true }).click();
    await office.getByText('已设为配合单位报牵头单位（区交通运输局）').waitFor();
    await control.getByText(/由区交通运输局汇总报送督查室/).waitFor();
    await shots(office, 'task-office', '[data-testid="co-reporting"]');
    violations.push(...(await axeOn(office, '[data-testid="co-reporting"]')));
    expect((await apiGet<{ task: { coReporting: string } }>(office, `/api/tasks/${task.id}`)).task.coReporting).toBe('via_lead');

    // The lead unit's clerk: (29) lists 区发改局 未填写, and reminds it.
    const { page: lead } = await e2e.newPage();
    await lead.setViewportSize({ width: 1366, height: 768 });
    await openQ2Report(lead, 'jtj.jingban');
    const leadNote = item(lead, '(29)').getByTestId(`co-lead-${task.id}`);
    await leadNote.getByText('区发改局：未填写').waitFor();
    await leadNote.getByText('（已填写 0/1）').waitFor();
    await leadNote.getByRole('button', { name: /提醒未填写的配合单位/ }).click();
    await lead.getByText('已提醒：区发改局').waitFor();

    // 区发改局's clerk: the item says 「报牵头单位」 and names the lead unit; the part is written as usual.
    const { page: co } = await e2e.newPage();
    await co.setViewportSize({ width: 1366, height: 768 });
    await openQ2Report(co, 'fgj.jingban');
    const coItem = item(co, '(29)');
    await coItem.getByText('报牵头单位', { exact: true }).first().waitFor();
    if (await coItem.getByRole('button', { name: /展开修改/ }).isVisible()) await coItem.getByRole('button', { name: /展开修改/ }).click();
    const coNote = coItem.getByTestId(`co-via-lead-${task.id}`);
    await coNote.getByText('本项配合部分报送牵头单位「区交通运输局」，不单独报送督查室').waitFor();
    // The status comes pre-filled from 上期 (a select stays as it is); 进展情况 is what the clerk writes.
    await coItem.getByLabel('进展情况').fill(CO_PART);
    await coItem.getByText(/已自动保存/).waitFor();
    await shots(co, 'co-unit-item', `[data-testid="co-via-lead-${task.id}"]`);
    violations.push(...(await axeOn(co, `[data-testid="report-item-1-(29)"]`)));

    // The lead's clerk again: 区发改局 已填写, and its words under 配合单位填报情况.
    await lead.reload();
    const leadItem = item(lead, '(29)');
    await leadItem.getByTestId(`co-lead-${task.id}`).getByText('区发改局：已填写').waitFor();
    await leadItem.getByText(/配合单位填报情况/).click();
    await leadItem.getByText(CO_PART).waitFor();
    await shots(lead, 'lead-item', `[data-testid="co-lead-${task.id}"]`);
    violations.push(...(await axeOn(lead, `[data-testid="report-item-1-(29)"]`)));

    // The office's 本期报送情况: 区发改局 still reports its other tasks, so it is not exempt; the lead carries (29).
    const periods = await apiGet<{ items: { id: number; label: string }[] }>(office, '/api/periods');
    const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
    const rows = await apiGet<{ items: { unit: { name: string }; standing: { kind: string } }[] }>(office, `/api/periods/${q2.id}/reports`);
    expect(rows.items.find((r) => r.unit.name === '区发改局')!.standing.kind).not.toBe('exempt');

    expect(violations).toEqual([]);
  });
});
