import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformServer } from '../../server/reminders/platform-test-server';
import type { ReminderItem } from '../../web/src/supervision/api';
import { seriousViolations } from './axe';
import { apiGet, apiSend, RESULTS_DIR, signIn, startE2E, type E2E } from './harness';

// Messages to the person (issue 18) through the browser, against the real demo server and a local
// server speaking the WeCom, DingTalk and SMS-gateway endpoints: the office urges 区交通运输局; the
// clerk jtj.jingban (bound to WeCom and DingTalk) gets the 应用消息 and the 工作通知 and reads the
// latter; the bureau's other people are not bound; after the unread delay (12 seconds) one SMS goes to
// the people who read it nowhere. 催办记录 shows per person 已发送/已读/失败 and the SMS, at 1366×768
// and 390×844, axe-core without serious or critical violations.

const UNIT = '区交通运输局';
const MESSAGE = '请于本周五前报送第二季度进展（应用消息端到端测试）';

let e2e: E2E;
let platform: Awaited<ReturnType<typeof startPlatformServer>>;
let office: Page;

beforeAll(async () => {
  platform = await startPlatformServer({
    corpId: 'ww-e2e',
    corpSecret: 'e2e-wecom-secret',
    agentId: 1000003,
    appKey: 'e2e-ding-key',
    appSecret: 'e2e-ding-secret',
    smsToken: 'e2e-sms-token',
    wecomUsers: ['jtj-jingban'],
    dingtalkUsers: ['ding-jtj'],
  });
  process.env.DUBAN_SCHEDULER = 'on';
  e2e = await startE2E({ ...platform.env, DUBAN_CHANNEL_HOSTS: '127.0.0.1', DUBAN_SMS_UNREAD_MINUTES: '0.2' });
  ({ page: office } = await e2e.newPage());
  await signIn(office, 'duchashi');
  await office.waitForURL('**/office');
}, 180_000);

afterAll(async () => {
  await e2e?.stop();
  await platform?.close();
});

describe('催办 to the named person', () => {
  it('reaches the bound clerk through WeCom and DingTalk, and the unread by one SMS', { timeout: 200_000 }, async () => {
    // The system administrator's binding (an approved 账号变更申请) and the phone numbers, written
    // straight into the demo database: this file is about the messages, not about binding.
    const sqlite = new Database(path.join(e2e.server.dataDir, 'duban.sqlite'));
    try {
      const unit = sqlite.prepare('select id, org_id from units where name = ?').get(UNIT) as { id: number; org_id: number };
      const clerk = sqlite.prepare('select id from users where username = ?').get('jtj.jingban') as { id: number };
      sqlite.prepare("update users set phone = '1390000' || printf('%04d', id) where unit_id = ?").run(unit.id);
      const bind = sqlite.prepare('insert into user_platform_identities (org_id, user_id, platform, external_id) values (?, ?, ?, ?)');
      bind.run(unit.org_id, clerk.id, 'wecom', 'jtj-jingban');
      bind.run(unit.org_id, clerk.id, 'dingtalk', 'ding-jtj');
    } finally {
      sqlite.close();
    }
    const periods = await apiGet<{ items: { id: number; label: string; status: string }[] }>(office, '/api/periods');
    let open = periods.items.find((p) => p.status === 'open');
    if (!open) {
      const q2 = periods.items.find((p) => p.label === '2024年第二季度')!;
      await apiSend(office, 'POST', `/api/periods/${q2.id}/open`);
      open = q2;
    }
    const units = await apiGet<{ items: { id: number; name: string }[] }>(office, '/api/units');
    const unitId = units.items.find((u) => u.name === UNIT)!.id;
    await apiSend(office, 'POST', `/api/periods/${open.id}/units/${unitId}/urge`, { message: MESSAGE });

    const mine = async () =>
      (await apiGet<{ items: ReminderItem[] }>(office, '/api/reminders')).items.find((r) => r.body === MESSAGE);
    await expect
      .poll(async () => (await mine())?.deliveries.find((d) => d.channel === 'wecom_app')?.status, { timeout: 40_000 })
      .toBe('sent');
    const sent = platform.calls.filter((c) => c.path === '/cgi-bin/message/send' && String(c.body.touser).includes('jtj-jingban'));
    expect(sent.length).toBe(1);
    // The clerk reads the 工作通知; DingTalk's getsendresult says so at the next pass.
    platform.dingtalkRead.add('ding-jtj');
    await expect
      .poll(async () => (await mine())?.deliveries.find((d) => d.channel === 'sms')?.status, { timeout: 150_000, interval: 2_000 })
      .toBe('sent');
    const item = (await mine())!;
    const ding = item.deliveries.find((d) => d.channel === 'dingtalk_work')!;
    expect(ding.recipients.find((r) => r.status === 'read')).toBeTruthy();
    const sms = item.deliveries.find((d) => d.channel === 'sms')!;
    expect(sms.recipients.length).toBeGreaterThan(0);
    // The clerk read it on DingTalk: no SMS for him.
    const smsCalls = platform.calls.filter((c) => c.path === '/sms' && JSON.stringify(c.body).includes(MESSAGE.slice(0, 10)));
    expect(smsCalls.length).toBe(1);

    for (const [w, h, name] of [
      [1366, 768, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      await office.setViewportSize({ width: w, height: h });
      await office.goto('/office/reminders');
      // Only this urge had an SMS: its cell (a table row on the desktop, however the phone lays it out).
      const sms = office.getByTestId('recipients-sms');
      await sms.first().waitFor().catch(async (e: unknown) => {
        await office.screenshot({ path: path.join(RESULTS_DIR, `personal-messages-${name}-failed.png`) });
        throw e;
      });
      await expect(sms.count()).resolves.toBe(1);
      await expect(sms.innerText()).resolves.toMatch(/短信：[\s\S]*已发送/);
      await office.getByTestId('recipients-dingtalk_work').filter({ hasText: '已读' }).first().waitFor();
      await office.getByTestId('recipients-wecom_app').filter({ hasText: '失败' }).first().waitFor();
      await sms.scrollIntoViewIfNeeded();
      await office.waitForLoadState('networkidle');
      await office.waitForTimeout(400);
      await office.screenshot({ path: path.join(RESULTS_DIR, `personal-messages-${name}.png`) });
      expect(await seriousViolations(office, 'body')).toEqual([]);
    }
  });
});
