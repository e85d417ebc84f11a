import http from 'node:http';
import https from 'node:https';
import { ChannelError, checkedAddress, pinnedLookup, UNREACHABLE, type ChannelHostPolicy } from './outbound-host';

/**
 * One JSON request to a platform API (WeCom, DingTalk, the SMS gateway) through the SSRF guard:
 * the host must be allowed (outbound-host.ts), the connection goes to the checked address, no
 * redirects, a timeout, at most 64 KB of reply read. The reply is returned parsed for the caller to
 * read its codes; failures are ChannelErrors in categories that never quote the reply.
 */
export const API_TIMEOUT_MS = 10_000;
const MAX_REPLY_BYTES = 64 * 1024;

export async function requestJson(
  url: string,
  opts: { method: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string>; label: string },
  policy: ChannelHostPolicy,
  timeoutMs = API_TIMEOUT_MS,
): Promise<Record<string, unknown>> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new ChannelError(`${opts.label}地址不是有效的 http(s) 地址，请系统部署人员检查配置`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new ChannelError(`${opts.label}地址不是有效的 http(s) 地址，请系统部署人员检查配置`);
  const payload = opts.body === undefined ? null : Buffer.from(JSON.stringify(opts.body), 'utf8');
  const { status, text } = await sendPinned(u, opts.method, payload, opts.headers ?? {}, policy, timeoutMs);
  if (status < 200 || status > 299)
    throw new ChannelError(`${opts.label}返回错误（HTTP ${Math.floor(status / 100)}xx），请稍后重试；多次失败请系统部署人员检查配置`);
  try {
    const reply = JSON.parse(text) as unknown;
    if (reply && typeof reply === 'object' && !Array.isArray(reply)) return reply as Record<string, unknown>;
  } catch {
    // falls through to the error below
  }
  throw new ChannelError(`${opts.label}的回复不是预期的格式，请系统部署人员检查接口地址`);
}

/**
 * The transport every outgoing channel shares (robots, platform APIs, the SMS gateway): the host
 * checked by the SSRF guard, the connection made to the checked address (no DNS rebinding), a fresh
 * socket each time, no redirects, a timeout, at most 64 KB of reply read. A network failure or a
 * timeout is UNREACHABLE; the reply is returned for the caller to judge, never quoted to the user.
 */
export async function sendPinned(
  u: URL,
  method: 'GET' | 'POST',
  payload: Buffer | null,
  headers: Record<string, string>,
  policy: ChannelHostPolicy,
  timeoutMs: number,
): Promise<{ status: number; text: string }> {
  const target = await checkedAddress(u.hostname, policy);
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_REPLY_BYTES) chunks.push(c);
        else res.destroy();
      });
      res.on('close', () => {
        // Cut off by the timeout: a network failure like any other. Cut off for size: read as it is.
        if (!res.complete && size <= MAX_REPLY_BYTES) reject(new ChannelError(UNREACHABLE));
        else resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', () => undefined);
    };
    const options: http.RequestOptions = {
      method,
      headers: {
        ...(payload ? { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length } : {}),
        ...headers,
      },
      lookup: pinnedLookup(target) as unknown as NonNullable<http.RequestOptions['lookup']>,
      signal: AbortSignal.timeout(timeoutMs),
      // A fresh connection each time: no pooled socket to an address checked for another request.
      agent: false,
    };
    const req = u.protocol === 'https:' ? https.request(u, options, onResponse) : http.request(u, options, onResponse);
    req.on('error', () => reject(new ChannelError(UNREACHABLE)));
    req.end(payload ?? undefined);
  });
}

/** The errcode of a WeCom/DingTalk reply in words for the office (the code only, never errmsg). */
export function refusedBy(label: string, errcode: unknown): ChannelError {
  const code = typeof errcode === 'number' && Number.isInteger(errcode) ? `（errcode ${errcode}）` : '';
  return new ChannelError(`${label}拒绝了请求${code}，请系统部署人员核对应用凭据和可见范围`);
}
