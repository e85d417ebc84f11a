import type { MessagingConfig } from '../config/messaging';
import { refusedBy, requestJson } from './http-json';
import { ChannelError, type ChannelHostPolicy } from './outbound-host';
import { cachedToken, dropToken } from './platform-token';
import type { OutgoingMessage } from './webhooks';

/**
 * WeCom 应用消息 (issue 18): a text message from the deployment's app (agentid) to named members
 * (touser "a|b|c"), as documented: GET /cgi-bin/gettoken?corpid&corpsecret → access_token;
 * POST /cgi-bin/message/send?access_token → {errcode, invaliduser, msgid}. Members WeCom names in
 * invaliduser (unknown or outside the app's visible range) are failures of their own. WeCom's API
 * documents no per-person read receipt for app messages, so WeCom recipients stay 已发送 until read
 * is known otherwise; the SMS fallback treats them as unread.
 */
const LABEL = '企业微信应用消息接口';
const TOKEN_ERRORS = new Set([40014, 42001]);

type WecomApp = NonNullable<MessagingConfig['wecomApp']>;

function tokenKey(app: WecomApp) {
  return `wecom:${app.apiBase}:${app.corpId}:${app.agentId}`;
}

async function accessToken(app: WecomApp, policy: ChannelHostPolicy): Promise<string> {
  return cachedToken(tokenKey(app), async () => {
    const url = `${app.apiBase}/cgi-bin/gettoken?corpid=${encodeURIComponent(app.corpId)}&corpsecret=${encodeURIComponent(app.secret)}`;
    const r = await requestJson(url, { method: 'GET', label: LABEL }, policy);
    if (r.errcode !== 0 || typeof r.access_token !== 'string') throw refusedBy(LABEL, r.errcode);
    return { token: r.access_token, expiresIn: typeof r.expires_in === 'number' ? r.expires_in : 7200 };
  });
}

export async function sendWecomAppMessage(
  app: WecomApp,
  userIds: string[],
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
): Promise<{ remoteId: string | null; failed: string[] }> {
  if (userIds.length === 0) throw new ChannelError('没有可发送的企业微信成员');
  const token = await accessToken(app, policy);
  const r = await requestJson(
    `${app.apiBase}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`,
    {
      method: 'POST',
      label: LABEL,
      body: { touser: userIds.join('|'), msgtype: 'text', agentid: app.agentId, text: { content: `${msg.subject}\n${msg.text}` } },
    },
    policy,
  );
  if (typeof r.errcode === 'number' && TOKEN_ERRORS.has(r.errcode)) dropToken(tokenKey(app));
  const invalid = typeof r.invaliduser === 'string' && r.invaliduser ? r.invaliduser.split('|') : [];
  // errcode 0, or a partial success (some members invalid) that WeCom still reports with an error code.
  if (r.errcode !== 0 && invalid.length === 0) throw refusedBy(LABEL, r.errcode);
  return { remoteId: typeof r.msgid === 'string' ? r.msgid : null, failed: invalid.filter((u) => userIds.includes(u)) };
}
