import { createHmac } from 'node:crypto';

/**
 * Group robot webhooks (企业微信 and 钉钉): one markdown message POSTed as JSON with Node's fetch
 * and a timeout. Both answer HTTP 200 with {"errcode":0} on success; anything else is a failure
 * the sender retries.
 */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type OutgoingMessage = { subject: string; text: string };

async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    throw new Error(
      err.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `${err.message}${err.cause ? `: ${err.cause.code ?? err.cause.message}` : ''}`,
    );
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  let reply: { errcode?: unknown; errmsg?: unknown };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new Error(`not a JSON reply: ${text.slice(0, 200)}`);
  }
  if (reply.errcode !== 0)
    throw new Error(`errcode ${String(reply.errcode)}: ${String(reply.errmsg ?? '')}`.slice(0, 300));
}

/** WeCom group robot: {"msgtype":"markdown","markdown":{"content": ...}}. */
export function sendWecom(webhookUrl: string, msg: OutgoingMessage, timeoutMs = WEBHOOK_TIMEOUT_MS) {
  return postJson(
    webhookUrl,
    { msgtype: 'markdown', markdown: { content: `**${msg.subject}**\n${msg.text}` } },
    timeoutMs,
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
export function sendDingtalk(webhookUrl: string, secret: string, msg: OutgoingMessage, timeoutMs = WEBHOOK_TIMEOUT_MS) {
  return postJson(
    dingtalkSignedUrl(webhookUrl, secret),
    { msgtype: 'markdown', markdown: { title: msg.subject, text: `### ${msg.subject}\n${msg.text}` } },
    timeoutMs,
  );
}
