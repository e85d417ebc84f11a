import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContext } from '../context';
import { sendDue } from '../reminders/deliveries';
import { makeNoticeWithPeriod, startRobotServer, startSmtpServer } from '../reminders/test-support';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUnit, makeUser } from '../test/factories';
import { sealStoredChannelSecrets } from './channel-secrets';
import { UNREACHABLE } from './outbound-host';
import { sendWecom } from './webhooks';

/**
 * Issue 17, findings 3 and 8, through the real app, real sockets and a real SMTP server:
 * - the office cannot point a channel at a host the deployment did not allow (loopback, private,
 *   a name for loopback), neither at save nor — for a value stored earlier — at send, and a server
 *   listening there hears nothing;
 * - the local test servers the deployment allows (DUBAN_CHANNEL_HOSTS=127.0.0.1, test/db.ts) still
 *   receive, and lastError holds a category, never the reply's body;
 * - the SMTP password and the DingTalk secret are sealed in the settings row (also values stored
 *   in plain text before), and the sender still logs in and signs with them.
 */
const SECRET = 'SECoutgoing+/=0123456789';
const LEAK = 'LEAK-MARKER-root:x:0:0';

/** A server on some address recording every request; its replies carry LEAK in the body. */
async function startListener(host: string) {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    req.resume();
    req.on('end', () => {
      if (req.url?.startsWith('/leak500')) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        return res.end(`${LEAK} internal details`);
      }
      if (req.url?.startsWith('/leak200')) {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(`<html>${LEAK}</html>`);
      }
      if (req.url?.startsWith('/errcode')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ errcode: 93000, errmsg: LEAK }));
      }
      if (req.url?.startsWith('/silent')) return; // never answers
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('outgoing channels: allowed hosts only, no reply echoed, secrets sealed', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let robots: Awaited<ReturnType<typeof startRobotServer>>;
  let local: Awaited<ReturnType<typeof startListener>>;
  let intranet: Awaited<ReturnType<typeof startListener>>;
  let office: Client;
  let orgId: number, unitId: number, periodId: number;
  let urges = 0;

  const emailOff = { enabled: false, host: '', port: 25, secure: false, username: '', password: '', from: '' };
  const off = { wecom: { enabled: false, webhookUrl: '' }, dingtalk: { enabled: false, webhookUrl: '', secret: '' } };

  const rawRow = async () =>
    (
      await t.ctx.db
        .selectFrom('settings')
        .select('value_json')
        .where('org_id', '=', orgId)
        .where('key', '=', 'channels')
        .executeTakeFirst()
    )?.value_json;

  /** A value written straight into the row: saved before this fix, or under an earlier allow-list. */
  const storeRaw = async (value: unknown) => {
    const row = { value_json: JSON.stringify(value), updated_by_name: 'test', updated_at: new Date().toISOString() };
    await t.ctx.db
      .insertInto('settings')
      .values({ org_id: orgId, key: 'channels', ...row })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doUpdateSet(row))
      .execute();
  };

  /** The office urges, one sender pass runs; the deliveries of that urge as GET /api/reminders shows them. */
  /** Loads the channels' version and saves against it, as the settings page does. */
  const saveChannels = async (body: object) => {
    const { version } = (await office.request('GET', '/api/settings/channels')).json<{ version: number }>();
    return office.request('PUT', '/api/settings/channels', { ...body, version });
  };
  const urgeAndSend = async () => {
    const message = `请尽快报送（第${++urges}次）`;
    const res = await office.request('POST', `/api/periods/${periodId}/units/${unitId}/urge`, { message });
    expect(res.statusCode).toBe(200);
    await sendDue(t.ctx);
    const items = (await office.request('GET', '/api/reminders')).json().items as {
      body: string;
      deliveries: { channel: string; status: string; lastError: string | null }[];
    }[];
    const item = items.find((i) => i.body === message)!;
    return { byChannel: Object.fromEntries(item.deliveries.map((d) => [d.channel, d])), all: JSON.stringify(items) };
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-07-03' });
    smtp = await startSmtpServer({ user: 'duban', pass: 'smtp-pass-0123' });
    robots = await startRobotServer(SECRET);
    local = await startListener('127.0.0.1');
    // Loopback too, but not the host the deployment named: stands for any intranet service.
    intranet = await startListener('127.0.0.2');
    orgId = (await makeOrg(t.ctx, { name: '外发区' })).id;
    unitId = (await makeUnit(t.ctx, orgId, { name: '区外发测试局' })).id;
    const staff = await makeUser(t.ctx, orgId, 'unit_staff', { unitId });
    await t.ctx.db.updateTable('users').set({ email: 'staff@xz.gov.cn' }).where('id', '=', staff.id).execute();
    ({ periodId } = await makeNoticeWithPeriod(t.ctx, orgId, {
      deadline: '2024-07-01',
      tasks: [{ unitIds: [unitId], leaderIds: [] }],
    }));
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([smtp?.close(), robots?.close(), local?.close(), intranet?.close()]);
  });

  it('refuses at save a webhook or SMTP host the deployment did not allow, with a Chinese reason, writing nothing', async () => {
    const refusedUrls = [
      `${intranet.url}/wecom?key=k`, // another loopback address
      `http://localhost:${robots.url.split(':').at(-1)}/wecom?key=k`, // a name for loopback
      `http://[::1]:${local.port}/wecom?key=k`,
      `http://[::ffff:127.0.0.1]:${local.port}/wecom?key=k`, // IPv4-mapped IPv6
      'http://10.0.0.5/hook',
      'http://192.168.1.1/hook',
      'http://169.254.169.254/latest/meta-data/', // cloud metadata
      'https://example.com/cgi-bin/webhook/send?key=k', // public, but not a robot host
      'https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=k',
    ];
    for (const webhookUrl of refusedUrls) {
      const res = await saveChannels({
        email: emailOff,
        wecom: { enabled: true, webhookUrl },
        dingtalk: off.dingtalk,
      });
      expect(res.statusCode, webhookUrl).toBe(400);
      expect(res.body, webhookUrl).toContain('企业微信机器人 Webhook：不允许连接主机');
      expect(res.body).toContain('DUBAN_CHANNEL_HOSTS');
    }
    const dingtalk = await saveChannels({
      email: emailOff,
      wecom: off.wecom,
      dingtalk: { enabled: true, webhookUrl: `${intranet.url}/dingtalk?access_token=t`, secret: SECRET },
    });
    expect(dingtalk.statusCode).toBe(400);
    expect(dingtalk.body).toContain('钉钉机器人 Webhook：不允许连接主机「127.0.0.2」');
    const mail = await saveChannels({
      email: { ...emailOff, enabled: true, host: '192.168.10.25', port: 25, from: 'duban@xz.gov.cn' },
      ...off,
    });
    expect(mail.statusCode).toBe(400);
    expect(mail.body).toContain('邮件服务器（SMTP）：不允许连接主机「192.168.10.25」');
    // Nothing was half written.
    expect(await rawRow()).toBeUndefined();
    // The official robot hosts are allowed without any deployment setting (no network at save).
    const official = await saveChannels({
      email: emailOff,
      wecom: { enabled: true, webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc' },
      dingtalk: { enabled: true, webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t', secret: SECRET },
    });
    expect(official.statusCode).toBe(200);
    expect(intranet.requests).toEqual([]);
  });

  it('refuses at send a stored host that is no longer allowed: the server there hears nothing', async () => {
    await storeRaw({
      email: emailOff,
      wecom: { enabled: true, webhookUrl: `${intranet.url}/leak500?key=k` },
      dingtalk: { enabled: true, webhookUrl: `http://localhost:${local.port}/leak500?access_token=t`, secret: SECRET },
    });
    const { byChannel, all } = await urgeAndSend();
    expect(byChannel.wecom).toMatchObject({ status: 'pending', lastError: expect.stringContaining('不允许连接主机「127.0.0.2」') });
    expect(byChannel.dingtalk).toMatchObject({ status: 'pending', lastError: expect.stringContaining('不允许连接主机「localhost」') });
    expect(intranet.requests).toEqual([]);
    expect(local.requests).toEqual([]);
    expect(all).not.toContain(LEAK);
  });

  it('still delivers to the allowed local servers, and lastError keeps only a category, never the reply', async () => {
    const put = await saveChannels({
      email: { enabled: true, host: '127.0.0.1', port: smtp.port, secure: false, username: 'duban', password: 'smtp-pass-0123', from: 'duban@xz.gov.cn' },
      wecom: { enabled: true, webhookUrl: `${local.url}/leak500?key=k` },
      dingtalk: { enabled: true, webhookUrl: `${local.url}/errcode?access_token=t`, secret: SECRET },
    });
    expect(put.statusCode).toBe(200);
    const mails = smtp.mails.length;
    let sent = await urgeAndSend();
    expect(smtp.mails.length).toBe(mails + 1);
    expect(sent.byChannel.email).toMatchObject({ status: 'sent', lastError: null });
    expect(sent.byChannel.wecom!.lastError).toBe('对方服务器返回错误（HTTP 5xx），请检查 Webhook 地址是否正确、机器人是否仍在群内');
    expect(sent.byChannel.dingtalk!.lastError).toBe('机器人接口拒绝了消息（errcode 93000），请核对 Webhook 地址和加签密钥');
    expect(sent.all).not.toContain(LEAK);

    await saveChannels({
      email: { ...emailOff },
      wecom: { enabled: true, webhookUrl: `${local.url}/leak200?key=k` },
      dingtalk: { enabled: true, webhookUrl: `${robots.url}/dingtalk?access_token=ding-token`, secret: SECRET },
    });
    const accepted = robots.accepted.length;
    sent = await urgeAndSend();
    expect(sent.byChannel.wecom!.lastError).toBe('对方服务器的回复不是机器人接口的格式，请检查 Webhook 地址');
    expect(sent.byChannel.dingtalk).toMatchObject({ status: 'sent', lastError: null });
    expect(robots.accepted.length).toBe(accepted + 1);
    expect(sent.all).not.toContain(LEAK);
    const stored = await t.ctx.db.selectFrom('deliveries').select('last_error').where('org_id', '=', orgId).execute();
    expect(JSON.stringify(stored)).not.toContain(LEAK);
  });

  it('tells a refused port and a silent server alike (no map of what is filtered)', async () => {
    const policy = { channelHosts: ['127.0.0.1'] };
    const closedPort = await startListener('127.0.0.1');
    await closedPort.close();
    const msg = { subject: 's', text: 't' };
    await expect(sendWecom(`${closedPort.url}/x?key=k`, msg, policy, 500)).rejects.toThrow(UNREACHABLE);
    await expect(sendWecom(`${local.url}/silent?key=k`, msg, policy, 500)).rejects.toThrow(UNREACHABLE);
  });

  it('stores the SMTP password and the DingTalk secret sealed; plain values from before are sealed when the database opens', async () => {
    const channels = {
      email: { enabled: true, host: '127.0.0.1', port: smtp.port, secure: false, username: 'duban', password: 'smtp-pass-0123', from: 'duban@xz.gov.cn' },
      wecom: off.wecom,
      dingtalk: { enabled: true, webhookUrl: `${robots.url}/dingtalk?access_token=ding-token`, secret: SECRET },
    };
    expect((await saveChannels(channels)).statusCode).toBe(200);
    let raw = (await rawRow())!;
    expect(raw).not.toContain('smtp-pass-0123');
    expect(raw).not.toContain(SECRET);
    expect(JSON.parse(raw).email.password).toMatch(/^v1\./);

    // A row from before sealing (or restored from an old backup): sealed by the next openContext.
    await storeRaw(channels);
    expect(await rawRow()).toContain('smtp-pass-0123');
    const second = await openContext(t.config, { poolSize: 1 });
    await second.close();
    raw = (await rawRow())!;
    expect(raw).not.toContain('smtp-pass-0123');
    expect(raw).not.toContain(SECRET);
    expect(await sealStoredChannelSecrets(t.ctx)).toBe(0); // nothing left to seal; sealed values are not sealed twice

    // The sender opens them: the SMTP server's login and the robot's signature check both pass.
    const mails = smtp.mails.length;
    const accepted = robots.accepted.length;
    const { byChannel } = await urgeAndSend();
    expect(byChannel.email).toMatchObject({ status: 'sent' });
    expect(byChannel.dingtalk).toMatchObject({ status: 'sent' });
    expect(smtp.mails.length).toBe(mails + 1);
    expect(robots.accepted.length).toBe(accepted + 1);
    // The office's view only says they are set.
    const view = (await office.request('GET', '/api/settings/channels')).json();
    expect(view).toMatchObject({ email: { passwordSet: true }, dingtalk: { secretSet: true } });
  });
});
