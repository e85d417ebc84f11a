import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDingtalkWorkNotice } from './dingtalk-work';
import { sendSms } from './sms-gateway';
import { sendWecomAppMessage } from './wecom-app';

/**
 * The messages to the person go through the same SSRF guard as the robots (outbound-host.ts): an
 * API base or SMS gateway the deployment did not allow — another loopback address, the cloud
 * metadata address — is refused before any connection, and a server listening there hears nothing.
 */
const policy = { channelHosts: ['127.0.0.1'] };
const msg = { subject: '催办', text: '请报送' };

describe('messages to the person: allowed hosts only', () => {
  let server: http.Server;
  const heard: string[] = [];
  let port = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      heard.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"code":0,"access_token":"t"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('refuses a WeCom, DingTalk or SMS host the deployment did not list', async () => {
    const base = `http://127.0.0.2:${port}`;
    await expect(
      sendWecomAppMessage({ apiBase: base, corpId: 'c', agentId: 1, secret: 's' }, ['u'], msg, policy),
    ).rejects.toThrow('不允许连接主机「127.0.0.2」');
    await expect(
      sendDingtalkWorkNotice({ apiBase: base, appKey: 'k', appSecret: 's', agentId: 1 }, ['u'], msg, policy),
    ).rejects.toThrow('不允许连接主机「127.0.0.2」');
    await expect(
      sendSms({ url: `${base}/sms`, token: 't', templateId: 'T', signature: 'S', unreadMinutes: 1 }, ['139'], msg, policy),
    ).rejects.toThrow('不允许连接主机「127.0.0.2」');
    await expect(
      sendSms({ url: 'http://169.254.169.254/latest/meta-data', token: '', templateId: 'T', signature: 'S', unreadMinutes: 1 }, ['139'], msg, policy),
    ).rejects.toThrow('不允许连接主机「169.254.169.254」');
    expect(heard).toEqual([]);
  });
});
