import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../clock';
import type { AppContext } from '../context';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';
import { MAX_ATTEMPTS, sendDue } from './deliveries';
import { planReminders, sweepReminders } from './sweep';
import { makeNoticeWithPeriod, startRobotServer, startSmtpServer } from './test-support';

/**
 * Reminders end to end in one process, against a real SMTP server and a real HTTP server playing
 * the WeCom and DingTalk robots: the plan, once-only recording, in-app notices, e-mail recipients
 * and Chinese subjects, robot payloads and DingTalk signatures, retries with backoff, a failing
 * channel beside working ones, the office's view and the settings with masked secrets.
 */
const SECRET = 'SECtestsecret+/=0123456789';
const MINUTE = 60_000;

describe('reminders and escalation', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robots: Awaited<ReturnType<typeof startRobotServer>>;
  let office: Client, clerk: Client, sysadmin: Client;
  let orgId: number, unitA: number, unitB: number, unitC: number, periodId: number;
  let users: Record<string, { id: number; username: string }>;
  const at = (today: string): AppContext => ({ ...t.ctx, clock: createClock({ today }) });
  const setEmail = (id: number, email: string) =>
    t.ctx.db.updateTable('users').set({ email }).where('id', '=', id).execute();

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-24' });
    smtp = await startSmtpServer({ user: 'duban', pass: 'smtp-pass' });
    robots = await startRobotServer(SECRET);
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    // This suite is about channels and once-only delivery: count plain calendar days (working days
    // are proven in core/supervision/reminders.test.ts and remind-cli.test.ts).
    await t.ctx.db
      .insertInto('settings')
      .values({ org_id: orgId, key: 'workCalendar', value_json: JSON.stringify({ basis: 'calendar', shiftDeadlines: false, days: [] }), updated_by_name: 'test', updated_at: new Date().toISOString() })
      .execute();
    unitA = (await makeUnit(t.ctx, orgId, { name: '区交通运输局' })).id;
    unitB = (await makeUnit(t.ctx, orgId, { name: '区教育局' })).id;
    unitC = (await makeUnit(t.ctx, orgId, { name: '区民政局' })).id; // responsible for nothing
    const dingli = (await makeLeader(t.ctx, orgId, '丁力')).id;
    const other = (await makeLeader(t.ctx, orgId, '陈曦')).id;
    users = {
      office: await makeUser(t.ctx, orgId, 'office'),
      sysadmin: await makeUser(t.ctx, orgId, 'sysadmin'),
      a1: await makeUser(t.ctx, orgId, 'unit_staff', { unitId: unitA }),
      a2: await makeUser(t.ctx, orgId, 'unit_staff', { unitId: unitA }),
      aHead: await makeUser(t.ctx, orgId, 'unit_head', { unitId: unitA }),
      b1: await makeUser(t.ctx, orgId, 'unit_staff', { unitId: unitB }),
      leader: await makeUser(t.ctx, orgId, 'leader', { leaderId: dingli }),
      otherLeader: await makeUser(t.ctx, orgId, 'leader', { leaderId: other }),
    };
    await setEmail(users.a1!.id, 'a1@xz.gov.cn');
    await setEmail(users.aHead!.id, 'ahead@xz.gov.cn');
    await setEmail(users.b1!.id, 'b1@xz.gov.cn');
    await setEmail(users.leader!.id, 'dingli@xz.gov.cn');
    await setEmail(users.otherLeader!.id, 'chenxi@xz.gov.cn');
    // 区交通运输局 leads task 1 and co-operates on task 2, both 丁力's; 陈曦 has only 区教育局's task 3.
    ({ periodId } = await makeNoticeWithPeriod(t.ctx, orgId, {
      deadline: '2024-07-01',
      tasks: [
        { unitIds: [unitA], leaderIds: [dingli] },
        { unitIds: [unitB, unitA], leaderIds: [dingli] },
        { unitIds: [unitB], leaderIds: [other] },
      ],
    }));
    office = await signInAs(t.app, users.office!.username);
    clerk = await signInAs(t.app, users.a1!.username);
    sysadmin = await signInAs(t.app, users.sysadmin!.username);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await robots?.close();
  });

  it('lets the sysadmin give a person an e-mail address', async () => {
    const res = await sysadmin.request('PATCH', `/api/users/${users.a2!.id}`, { email: 'A2@XZ.gov.cn', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('a2@xz.gov.cn');
    expect(
      (await sysadmin.request('PATCH', `/api/users/${users.a2!.id}`, { email: 'not an address', version: 2 })).statusCode,
    ).toBe(400);
  });

  it('keeps the schedule and the channels as office settings, secrets never returned', async () => {
    expect((await office.request('GET', '/api/settings/reminder-schedule')).json()).toEqual({
      daysBefore: [7, 3, 1],
      urgeAfterDays: [1, 3, 7],
      version: 0,
    });
    expect((await clerk.request('GET', '/api/settings/reminder-schedule')).statusCode).toBe(403);
    expect((await clerk.request('GET', '/api/settings/channels')).statusCode).toBe(403);
    expect((await clerk.request('GET', '/api/reminders')).statusCode).toBe(403);
    const put = await office.request('PUT', '/api/settings/reminder-schedule', {
      daysBefore: [3, 7, 7, 1],
      urgeAfterDays: [7, 1, 3],
      version: 0,
    });
    expect(put.json()).toEqual({ daysBefore: [7, 3, 1], urgeAfterDays: [1, 3, 7], version: 1 });
    expect(
      (await office.request('PUT', '/api/settings/reminder-schedule', { daysBefore: [0], urgeAfterDays: [], version: 1 }))
        .statusCode,
    ).toBe(400);

    const channels = {
      email: {
        enabled: true,
        host: '127.0.0.1',
        port: smtp.port,
        secure: false,
        username: 'duban',
        password: 'smtp-pass',
        from: '区政府督查室 <duban@xz.gov.cn>',
      },
      wecom: { enabled: true, webhookUrl: `${robots.url}/wecom?key=wecom-key-0123456789` },
      dingtalk: {
        enabled: true,
        webhookUrl: `${robots.url}/dingtalk?access_token=ding-token-0123456789`,
        secret: SECRET,
      },
    };
    const saved = await office.request('PUT', '/api/settings/channels', { ...channels, version: 0 });
    expect(saved.statusCode).toBe(200);
    const view = (await office.request('GET', '/api/settings/channels')).json();
    const text = JSON.stringify(view);
    for (const secret of ['smtp-pass', 'wecom-key-0123456789', 'ding-token-0123456789', SECRET])
      expect(text).not.toContain(secret);
    expect(view).toMatchObject({
      email: { enabled: true, host: '127.0.0.1', passwordSet: true },
      wecom: { webhookSet: true },
      dingtalk: { secretSet: true },
    });
    expect(view.wecom.webhookUrl).toContain('key=weco****');
    // Sending back what GET showed keeps the secrets.
    await office.request('PUT', '/api/settings/channels', {
      email: { ...view.email },
      wecom: { enabled: true, webhookUrl: view.wecom.webhookUrl },
      dingtalk: { enabled: true, webhookUrl: view.dingtalk.webhookUrl },
      version: view.version,
    });
    const stored = JSON.parse(
      (
        await t.ctx.db
          .selectFrom('settings')
          .select('value_json')
          .where('key', '=', 'channels')
          .executeTakeFirstOrThrow()
      ).value_json,
    );
    // Stored as sent, but the SMTP password and the DingTalk secret sealed: the row holds neither.
    expect(stored).toEqual({
      ...channels,
      email: { ...channels.email, password: expect.stringMatching(/^v1\./) },
      dingtalk: { ...channels.dingtalk, secret: expect.stringMatching(/^v1\./) },
    });
    for (const secret of ['smtp-pass', SECRET]) expect(JSON.stringify(stored)).not.toContain(secret);
    // The audit log keeps the change without the secrets.
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('entity_id', '=', 'channels')
      .execute();
    expect(audit.length).toBe(2);
    for (const secret of ['smtp-pass', 'wecom-key-0123456789', SECRET])
      expect(JSON.stringify(audit)).not.toContain(secret);
    // Switching a channel on without what it needs is refused.
    expect(
      (
        await office.request('PUT', '/api/settings/channels', {
          ...channels,
          dingtalk: { enabled: true, webhookUrl: `${robots.url}/dingtalk?access_token=x`, secret: '' },
          version: 2,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('plans the reminders of the day for units whose report is not approved, and records each once', async () => {
    // 区教育局's report reached the office (approved by its head): no reminder.
    await t.ctx.db
      .insertInto('unit_reports')
      .values({
        org_id: orgId,
        period_id: periodId,
        unit_id: unitB,
        state: 'submitted',
        first_reached_on: '2024-06-24',
        updated_at: new Date().toISOString(),
      })
      .execute();
    const plan = await planReminders(t.ctx);
    expect(plan.map((p) => [p.key, p.kind, p.unitName, p.audience])).toEqual([
      [`before:${periodId}:${unitA}:7`, 'before_deadline', '区交通运输局', 'unit'],
    ]);
    expect(plan[0]!.people.map((p) => p.userId).sort()).toEqual([users.a1!.id, users.a2!.id, users.aHead!.id].sort());

    const first = await sweepReminders(t.ctx);
    expect(first.recorded.length).toBe(1);
    const again = await sweepReminders(t.ctx);
    expect(again).toMatchObject({ planned: 1, recorded: [], alreadyDone: 1 });
    const notes = await t.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('kind', '=', 'reminder.before_deadline')
      .execute();
    expect(notes.map((n) => n.user_id).sort()).toEqual([users.a1!.id, users.a2!.id, users.aHead!.id].sort());
    expect(notes[0]!.title).toBe('【提醒】2024年第二季度进展报送还有7天截止');
  });

  it('sends the reminder by e-mail and to both robots, once', async () => {
    const outcomes = await sendDue(t.ctx);
    expect(outcomes.map((o) => [o.channel, o.status]).sort()).toEqual([
      ['dingtalk', 'sent'],
      ['email', 'sent'],
      ['wecom', 'sent'],
    ]);
    expect(await sendDue(t.ctx)).toEqual([]);
    expect(smtp.mails.length).toBe(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['a1@xz.gov.cn', 'a2@xz.gov.cn', 'ahead@xz.gov.cn']);
    expect(mail.from).toBe('duban@xz.gov.cn');
    expect(mail.subject).toBe('【提醒】2024年第二季度进展报送还有7天截止');
    expect(mail.text).toContain('区交通运输局：请于2024-07-01前完成2024年第二季度责任事项进展填报');
    expect(mail.text).toContain('区政府督查室');

    const wecom = robots.accepted.filter((c) => c.path === '/wecom');
    const ding = robots.accepted.filter((c) => c.path === '/dingtalk');
    expect(wecom.length).toBe(1);
    expect(wecom[0]!.query.key).toBe('wecom-key-0123456789');
    expect(wecom[0]!.body.msgtype).toBe('markdown');
    expect(wecom[0]!.body.markdown.content).toContain('【提醒】2024年第二季度进展报送还有7天截止');
    expect(ding.length).toBe(1);
    expect(ding[0]!.body.markdown.title).toBe('【提醒】2024年第二季度进展报送还有7天截止');
    expect(ding[0]!.body.markdown.text).toContain('区交通运输局');
    expect(robots.refused).toEqual([]);
  });

  it('on the deadline day reminds the head; after it urges the leaders in charge, with an urge record', async () => {
    await sweepReminders(at('2024-07-01'));
    const deadline = await sendDue(t.ctx);
    expect(deadline.every((o) => o.status === 'sent')).toBe(true);
    expect(smtp.mails.at(-1)!.to).toEqual(['ahead@xz.gov.cn']);
    expect(smtp.mails.at(-1)!.subject).toBe('【提醒】2024年第二季度进展报送今日截止');

    // A day late: 区交通运输局's tasks are 丁力's (task 1 and 2), not 陈曦's.
    const late = await sweepReminders(at('2024-07-02'));
    expect(late.recorded.map((r) => [r.kind, r.audience])).toEqual([['overdue_urge', 'leaders']]);
    expect(late.recorded[0]!.leaderIds.length).toBe(1);
    await sendDue(t.ctx);
    const mail = smtp.mails.at(-1)!;
    expect(mail.subject).toBe('【催办】区交通运输局2024年第二季度报告已逾期1天');
    expect(mail.to).toEqual(['a1@xz.gov.cn', 'a2@xz.gov.cn', 'ahead@xz.gov.cn', 'dingli@xz.gov.cn']);
    const urge = await t.ctx.db.selectFrom('urges').selectAll().where('unit_id', '=', unitA).executeTakeFirstOrThrow();
    expect(urge).toMatchObject({
      mode: 'auto',
      period_id: periodId,
      business_date: '2024-07-02',
      created_by_name: '系统自动催办',
    });
    expect(JSON.parse(urge.channels_json)).toEqual(['in_app', 'email', 'wecom', 'dingtalk']);
    const leaderNote = await t.ctx.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', users.leader!.id)
      .execute();
    expect(leaderNote.map((n) => n.title)).toEqual(['【催办】区交通运输局2024年第二季度报告已逾期1天']);
    expect(
      await t.ctx.db.selectFrom('notifications').select('id').where('user_id', '=', users.otherLeader!.id).execute(),
    ).toEqual([]);
    // Day 2 is not in the schedule (1, 3, 7): the day-1 urge is still the latest due, and it went out already.
    expect((await sweepReminders(at('2024-07-03'))).recorded).toEqual([]);
  });

  it('retries a failing channel with backoff and marks it failed, while e-mail still goes out', async () => {
    const view = (await office.request('GET', '/api/settings/channels')).json();
    await office.request('PUT', '/api/settings/channels', {
      email: view.email,
      wecom: { enabled: true, webhookUrl: `${robots.url}/broken?key=k` },
      dingtalk: {
        enabled: true,
        webhookUrl: `${robots.url}/dingtalk?access_token=ding-token-0123456789`,
        secret: 'the-wrong-secret',
      },
      version: view.version,
    });
    const mailsBefore = smtp.mails.length;
    const res = await office.request('POST', `/api/periods/${periodId}/units/${unitA}/urge`, {
      message: '请于今日下班前报送二季度进展报告。',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ notified: 3 });
    expect(res.json().deliveries.map((d: { channel: string }) => d.channel)).toEqual(['email', 'wecom', 'dingtalk']);

    const start = Date.now();
    let outcomes = await sendDue(t.ctx, { now: new Date(start) });
    expect(outcomes.map((o) => [o.channel, o.status]).sort()).toEqual([
      ['dingtalk', 'retry'],
      ['email', 'sent'],
      ['wecom', 'retry'],
    ]);
    expect(smtp.mails.length).toBe(mailsBefore + 1);
    expect(smtp.mails.at(-1)!.subject).toBe('【催办】2024年第二季度进展报送');
    expect(smtp.mails.at(-1)!.text).toContain('请于今日下班前报送二季度进展报告。');
    // Not due again before the first backoff (1 minute).
    expect(await sendDue(t.ctx, { now: new Date(start + 30_000) })).toEqual([]);
    const steps = [2, 8, 40]; // after 1, 5 and 30 minutes
    for (const [i, minutes] of steps.entries()) {
      outcomes = await sendDue(t.ctx, { now: new Date(start + minutes * MINUTE) });
      expect(outcomes.map((o) => o.status)).toEqual(i === steps.length - 1 ? ['failed', 'failed'] : ['retry', 'retry']);
    }
    expect(await sendDue(t.ctx, { now: new Date(start + 24 * 60 * MINUTE) })).toEqual([]);
    expect(robots.refused.filter((r) => r.path === '/broken').length).toBe(MAX_ATTEMPTS);
    expect(robots.refused.filter((r) => r.reason === 'sign not match').length).toBe(MAX_ATTEMPTS);

    const items = (await office.request('GET', '/api/reminders')).json().items;
    expect(items[0]).toMatchObject({
      source: 'urge',
      kind: 'manual_urge',
      failed: true,
      unit: { name: '区交通运输局' },
      urge: { mode: 'manual' },
    });
    const byChannel = Object.fromEntries(items[0].deliveries.map((d: { channel: string }) => [d.channel, d]));
    expect(byChannel.email).toMatchObject({
      status: 'sent',
      attempts: 1,
      target: 'a1@xz.gov.cn, a2@xz.gov.cn, ahead@xz.gov.cn',
    });
    expect(byChannel.wecom).toMatchObject({
      status: 'failed',
      statusLabel: '发送失败',
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringContaining('对方服务器返回错误（HTTP 5xx）'),
    });
    expect(byChannel.dingtalk).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastError: expect.stringContaining('errcode 310000'),
    });
    expect(JSON.stringify(items)).not.toContain('ding-token-0123456789');
    // The planned reminders follow, newest first, each with its channels sent.
    const reminders = items.filter((i: { source: string }) => i.source === 'reminder');
    expect(reminders.map((r: { kind: string }) => r.kind)).toEqual(['overdue_urge', 'deadline_day', 'before_deadline']);
    expect(reminders[0].urge).toMatchObject({ mode: 'auto', createdByName: '系统自动催办' });
    for (const r of reminders)
      expect(r.deliveries.map((d: { status: string }) => d.status)).toEqual(['sent', 'sent', 'sent']);
    // Audited.
    expect(
      await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'urge.create').execute(),
    ).toHaveLength(1);
  });

  it('refuses an urge from anyone but the office, or to a unit not responsible for the notice', async () => {
    expect(
      (await clerk.request('POST', `/api/periods/${periodId}/units/${unitA}/urge`, { message: '催' })).statusCode,
    ).toBe(403);
    expect(
      (await office.request('POST', `/api/periods/${periodId}/units/${unitC}/urge`, { message: '催' })).json().error
        .code,
    ).toBe('REPORT_NOT_RESPONSIBLE');
    expect(
      (await office.request('POST', `/api/periods/999999/units/${unitA}/urge`, { message: '催' })).statusCode,
    ).toBe(404);
    expect(
      (await office.request('POST', `/api/periods/${periodId}/units/${unitA}/urge`, { message: '' })).statusCode,
    ).toBe(400);
  });
});
