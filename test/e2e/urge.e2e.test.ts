import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Dashboard } from '../../web/src/dashboard/api';
import type { ReminderItem } from '../../web/src/supervision/api';
import { signIn, startE2E, type E2E, apiGet, apiSend } from './harness';
import { dialog, label, ledgerTotal, openBell, openMenu, screen } from './ledger-steps';

// 督查催办 through the browser, against the real demo server (business date 2024-06-25, the first
// quarter reported): the office sees 区交通运输局's red tasks from the dashboard, urges the bureau by
// hand, its clerk (jtj.jingban) finds the urge under the bell, and the office's 催办记录 lists it
// with its in-app delivery sent. Then 系统设置. Screenshots: test-results/e2e/urge-*.png (1440×900).

const UNIT = '区交通运输局';
const MESSAGE = '请抓紧报送2024年第二季度责任事项完成情况，务必于截止日前完成。（端到端测试）';

let e2e: E2E;
let office: Page;

beforeAll(async () => {
  // The reminder scheduler (sweep and sender) is off under NODE_ENV=test; this file needs the sender.
  process.env.DUBAN_SCHEDULER = 'on';
  e2e = await startE2E();
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
});

afterAll(async () => {
  await e2e?.stop();
});


async function dashboardShown(page: Page): Promise<void> {
  // The charts are on 数据分析 (issue 15): the homes open on the work, not on ten charts.
  if (new URL(page.url()).pathname !== '/analysis') await page.goto('/analysis');
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('chart-lights').locator('canvas').first().waitFor();
}

describe('督查催办', () => {
  it('opens the transport bureau’s red tasks from the dashboard', { timeout: 120_000 }, async () => {
    await dashboardShown(office);
    const d = await apiGet<Dashboard>(office, '/api/dashboard');
    const unit = d.byUnit.find((g) => g.label === UNIT)!;
    expect(unit, 'the bureau is on the dashboard').toBeTruthy();
    expect(unit.counts.red, 'the demo’s first quarter left the bureau red tasks').toBeGreaterThan(0);
    // Its red count in 最滞后单位 (the chart's 红灯 segment opens the same ledger).
    const card = office.locator('.ant-card').filter({ has: office.getByText('最滞后单位', { exact: true }) });
    const row = card.locator('.ant-list-item').filter({ hasText: UNIT });
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('link', { name: /红灯/ }).click();
    await office.waitForURL('**/ledger?**');
    const q = new URL(office.url()).searchParams;
    expect(q.get('unitId')).toBe(String(unit.key));
    expect(q.get('light')).toBe('red');
    await expect.poll(() => ledgerTotal(office)).toBe(unit.counts.red);
    await screen(office, 'urge-01-ledger-red');
  });

  it('urges the bureau by hand from 本期报送情况', { timeout: 120_000 }, async () => {
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(office, '/api/periods');
    if (!periods.items.some((p) => p.status === 'open')) {
      const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
      if (q2.status !== 'open') await apiSend(office, 'POST', `/api/periods/${q2.id}/open`);
    }
    // 本期报送情况 is on the workbench, first screen (issue 15).
    await office.goto('/office');
    const card = office.getByTestId('period-status');
    await card.locator('.ant-table-row').first().waitFor();
    const row = card.locator('.ant-table-row').filter({ hasText: UNIT });
    // The card pages its units (eight a page): turn pages until the bureau shows.
    for (let i = 0; i < 10 && (await row.count()) === 0; i++) await card.locator('.ant-pagination-next').click();
    await row.scrollIntoViewIfNeeded();
    await row.getByRole('button', { name: label('催办') }).click();
    const modal = dialog(office, `催办 · ${UNIT}`);
    await modal.waitFor();
    const box = modal.getByLabel('催办内容');
    await expect(box.inputValue()).resolves.toMatch(/^请抓紧报送2024年第.季度责任事项完成情况/);
    await screen(office, 'urge-02-modal');
    // An empty message is refused before it reaches the server.
    await box.fill('');
    await modal.getByRole('button', { name: '发送催办' }).click();
    await modal.getByText('请填写催办内容').waitFor();
    await box.fill(MESSAGE);
    await modal.getByRole('button', { name: '发送催办' }).click();
    await office.getByText(new RegExp(`已向${UNIT}发出催办`)).waitFor();
    await modal.waitFor({ state: 'hidden' });
    await screen(office, 'urge-03-sent');

    // 报送情况 of the open period offers 催办 on the same rows (units not yet accepted).
    const open = (await apiGet<{ items: { id: number; status: string }[] }>(office, '/api/periods')).items.find(
      (p) => p.status === 'open',
    )!;
    await office.goto(`/office/periods/${open.id}`);
    const reportRow = office.locator('.ant-table-row').filter({ hasText: UNIT });
    await reportRow.getByRole('button', { name: label('催办') }).waitFor();
    await screen(office, 'urge-03b-period-reports');
  });

  it('tells the bureau’s clerk under the bell', { timeout: 60_000 }, async () => {
    const { page: clerk } = await e2e.newPage();
    await signIn(clerk, 'jtj.jingban');
    await clerk.waitForURL('**/unit');
    await openBell(clerk, '/unit');
    const panel = clerk.getByTestId('notifications');
    const note = panel
      .locator('.inbox-item')
      .filter({ hasText: /催办/ })
      .filter({ hasText: MESSAGE.slice(0, 12) });
    await note.first().waitFor();
    await screen(clerk, 'urge-04-clerk-bell');
  });

  it('lists the urge in 催办记录 with its in-app delivery sent', { timeout: 60_000 }, async () => {
    await office.goto('/office');
    await openMenu(office, '催办记录');
    await office.waitForURL('**/office/reminders');
    await office.getByRole('heading', { name: '催办记录' }).waitFor();
    const items = await apiGet<{ items: ReminderItem[] }>(office, '/api/reminders');
    const mine = items.items.find((r) => r.kind === 'manual_urge' && r.body === MESSAGE);
    expect(mine?.unit.name).toBe(UNIT);
    const row = office.locator('.ant-table-row').filter({ hasText: MESSAGE.slice(0, 12) });
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/人工催办[\s\S]*区交通运输局/);
    await row.getByTestId('delivery-inapp-sent').waitFor();
    await expect(row.getByTestId('delivery-inapp-sent').innerText()).resolves.toBe('站内 · 已发送');
    await screen(office, 'urge-05-reminders');
  });

  it('saves the settings and shows the server’s refusal', { timeout: 60_000 }, async () => {
    await openMenu(office, '系统设置');
    await openMenu(office, '参数设置');
    await office.waitForURL('**/office/settings');
    const thresholds = office.getByTestId('settings-thresholds');
    await thresholds.getByLabel('黄灯：落后序时进度').waitFor();
    await expect(thresholds.getByLabel('黄灯：落后序时进度').inputValue()).resolves.toBe('10');
    await thresholds.getByLabel('红灯：落后序时进度').fill('30');
    await thresholds.getByRole('button', { name: label('保存') }).click();
    await office.getByText('红黄绿灯阈值已保存', { exact: false }).waitFor();
    await expect
      .poll(async () => (await apiGet<{ redGap: number }>(office, '/api/settings/light-thresholds')).redGap)
      .toBe(0.3);

    // WeCom switched on without its webhook: the server says why (400) and the card shows it.
    const channels = office.getByTestId('settings-channels');
    await channels.getByText('企业微信群机器人').waitFor();
    await channels.locator('#wecom_enabled').click();
    await channels.getByRole('button', { name: label('保存') }).click();
    await expect(channels.getByRole('alert').innerText()).resolves.toContain('启用企业微信须填写群机器人 Webhook 地址');
    await screen(office, 'urge-06-settings-channels');
    await office.evaluate(() => window.scrollTo(0, 0));
    await screen(office, 'urge-06b-settings-top');
  });

  it('shows a channel that cannot deliver in 催办记录', { timeout: 90_000 }, async () => {
    // A WeCom robot nobody listens at: the urge still reaches the app, the robot's delivery fails.
    const { version } = await apiGet<{ version: number }>(office, '/api/settings/channels');
    await apiSend(office, 'PUT', '/api/settings/channels', {
      email: { enabled: false },
      wecom: { enabled: true, webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=e2e' },
      dingtalk: { enabled: false },
      version,
    });
    const periods = await apiGet<{ items: { id: number; status: string }[] }>(office, '/api/periods');
    const open = periods.items.find((p) => p.status === 'open')!;
    const d = await apiGet<Dashboard>(office, '/api/dashboard');
    const unitId = d.byUnit.find((g) => g.label === UNIT)!.key;
    await apiSend(office, 'POST', `/api/periods/${open.id}/units/${unitId}/urge`, {
      message: '请于明日前报送。（渠道失败演示）',
    });
    const wecom = async () =>
      (await apiGet<{ items: ReminderItem[] }>(office, '/api/reminders')).items
        .find((r) => r.body === '请于明日前报送。（渠道失败演示）')
        ?.deliveries.find((x) => x.channel === 'wecom');
    await expect.poll(async () => (await wecom())?.channel, { timeout: 10_000 }).toBe('wecom');
    // The sender (woken by the urge, else every 20 s) tries the robot and records why it failed.
    await expect
      .poll(async () => (await wecom())?.lastError ?? null, { timeout: 45_000, interval: 1_000 })
      .not.toBeNull();
    await office.goto('/office/reminders');
    await office.getByRole('heading', { name: '催办记录' }).waitFor();
    const row = office.locator('.ant-table-row').filter({ hasText: '渠道失败演示' });
    await row.getByText(/企业微信 · 待重试/).waitFor();
    await row.getByText(/企业微信 · 待重试/).hover();
    await office
      .getByRole('tooltip')
      .getByText(/最近错误/)
      .waitFor();
    await screen(office, 'urge-07-reminders-channel');
  });
});
