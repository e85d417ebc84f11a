import { createHmac } from 'node:crypto';
import { sendPinned } from './http-json';
import { ChannelError, type ChannelHostPolicy } from './outbound-host';

/**
 * Group robot webhooks (企业微信 and 钉钉): one markdown message POSTed as JSON with node:http(s)
 * and a timeout, only to allowed hosts (outbound-host.ts). Both answer HTTP 200 with {"errcode":0}
 * on success; anything else is a failure the sender retries.
 */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type OutgoingMessage = { subject: string; text: string };

/**
 * POSTs JSON to an allowed host (outbound-host.ts), connecting to the checked address. No
 * redirects are followed. Failures are ChannelErrors in categories: the remote body is read only
 * for its errcode and never repeated, so a reply cannot be read back through lastError.
 */
async function postJson(url: string, body: unknown, timeoutMs: number, policy: ChannelHostPolicy): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ChannelError('机器人 Webhook 地址不是有效的 http(s) 地址，请在“外发通道”设置中更正');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ChannelError('机器人 Webhook 地址不是有效的 http(s) 地址，请在“外发通道”设置中更正');
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const { status, text } = await sendPinned(u, 'POST', payload, {}, policy, timeoutMs);
  if (status < 200 || status > 299)
    throw new ChannelError(`对方服务器返回错误（HTTP ${Math.floor(status / 100)}xx），请检查 Webhook 地址是否正确、机器人是否仍在群内`);
  let reply: { errcode?: unknown };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new ChannelError('对方服务器的回复不是机器人接口的格式，请检查 Webhook 地址');
  }
  if (reply.errcode !== 0) {
    const code = typeof reply.errcode === 'number' && Number.isInteger(reply.errcode) ? `（errcode ${reply.errcode}）` : '';
    throw new ChannelError(`机器人接口拒绝了消息${code}，请核对 Webhook 地址和加签密钥`);
  }
}

/** WeCom group robot: {"msgtype":"markdown","markdown":{"content": ...}}. */
export function sendWecom(
  webhookUrl: string,
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
) {
  return postJson(
    webhookUrl,
    { msgtype: 'markdown', markdown: { content: `**${msg.subject}**\n${msg.text}` } },
    timeoutMs,
    policy,
  );
}

/** DingTalk's signature: base64 HMAC-SHA256 of `${timestamp}\n${secret}` keyed with the secret. */
export function dingtalkSign(timestamp: number | string, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64');
}

/** The webhook URL with &timestamp=…&sign=… (sign URL-encoded), as DingTalk's signed robots require. */
export function dingtalkSignedUrl(webhookUrl: string, secret: string, timestamp = Date.now()): string {
  const sep = webhookUrl.includes('?') ? '&' : '?';
  return `${webhookUrl}${sep}timestamp=${timestamp}&sign=${encodeURIComponent(dingtalkSign(timestamp, secret))}`;
}

/** DingTalk group robot: {"msgtype":"markdown","markdown":{"title","text"}} to the signed URL. */
export function sendDingtalk(
  webhookUrl: string,
  secret: string,
  msg: OutgoingMessage,
  policy: ChannelHostPolicy,
  timeoutMs = WEBHOOK_TIMEOUT_MS,
) {
  return postJson(
    dingtalkSignedUrl(webhookUrl, secret),
    { msgtype: 'markdown', markdown: { title: msg.subject, text: `### ${msg.subject}\n${msg.text}` } },
    timeoutMs,
    policy,
  );
}
