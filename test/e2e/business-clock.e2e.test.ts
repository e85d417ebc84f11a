import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../../core/calendar/business-time';
import { apiSend, signIn, startE2E, type E2E } from './harness';

// One clock on screen (issue 14), on the demo: its business date is 2024-06-25 while the real date
// is another. The header says so; what people do in the work reads on the business date; the audit
// log, a security record, keeps the real time and says so.

let e2e: E2E;
const realToday = beijingDate(new Date());

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.stop();
});

describe('one clock on screen', () => {
  it('shows the business date in the header, and work done today on it', async () => {
    expect(realToday, 'the test means something only while the real date is another').not.toBe('2024-06-25');
    const { page: leader } = await e2e.newPage();
    await signIn(leader, 'dingli');
    await leader.getByTestId('business-date').waitFor();
    expect(await leader.getByTestId('business-date').innerText()).toBe('业务日期：2024年6月25日（演示）');
    // 丁力 writes an instruction on a task of 区交通运输局 (the task page's 批示, through the API).
    const me = (await (await leader.request.get('/api/auth/me')).json()) as { businessClock: unknown };
    expect(me.businessClock).toEqual({ today: '2024-06-25', fixed: true, demo: true });
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.getByTestId('bell').waitFor();
    const tasks = (await (await clerk.request.get('/api/tasks?pageSize=100')).json()) as { items: { id: number; leaders: { name: string }[] }[] };
    const taskId = tasks.items.find((t) => t.leaders.some((l) => l.name === '丁力'))?.id;
    expect(taskId).toBeDefined();
    const written = await apiSend<{ createdAt: string }>(leader, 'POST', `/api/tasks/${taskId}/instructions`, { body: '请抓紧落实。' });
    expect(beijingDate(new Date(written.createdAt))).toBe('2024-06-25');

    // The clerk's bell: written moments ago on the business clock, not "2 年前".
    await clerk.reload();
    await clerk.getByTestId('bell').click();
    const item = clerk.getByTestId('notifications').locator('.inbox-item', { hasText: '丁力作出批示' }).first();
    await item.waitFor();
    const time = item.locator('.inbox-time');
    expect(await time.innerText()).toMatch(/秒前|分钟前/);
    expect(await time.getAttribute('title')).toMatch(/^2024-06-25 /);
    await e2e.screenshot(clerk, 'business-clock-bell');

    // The notices the office imported read as imported on the business date.
    const { page: office } = await e2e.newPage();
    await signIn(office, 'duchashi');
    await office.getByTestId('business-date').waitFor();
    await office.goto('/office/import');
    const list = office.locator('.ant-table').filter({ hasText: '新政办〔2024〕1号' }).first();
    await list.waitFor();
    const text = await list.innerText();
    expect(text).toContain('2024-06-25');
    expect(text).not.toContain(realToday);
  });

  it('labels the audit log’s real time', async () => {
    const { page } = await e2e.newPage();
    await signIn(page, 'shenji');
    await page.getByTestId('audit-clock-note').waitFor();
    expect(await page.getByTestId('audit-clock-note').innerText()).toContain('系统时间');
    await page.getByRole('columnheader', { name: '操作时间（系统时间）' }).waitFor();
    const firstRow = await page.locator('.ant-table-tbody tr.ant-table-row').first().innerText();
    expect(firstRow).toContain(realToday);
    await e2e.screenshot(page, 'business-clock-audit');
  });
});
