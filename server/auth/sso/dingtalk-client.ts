import type { SsoConfig } from '../../config/sso';
import { AppError } from '../../errors/app-error';

/**
 * DingTalk in-app login (免登, H5 微应用): inside DingTalk the page gets a one-time authCode from the
 * client (dd.runtime.permission.requestAuthCode) and posts it to Duban; the app's access token
 * (GET /gettoken?appkey&appsecret) and the code give the member's userid
 * (POST /topapi/v2/user/getuserinfo → result.userid). The token is kept per process until shortly
 * before it expires.
 */
type DingtalkSettings = NonNullable<SsoConfig['dingtalk']>;
const TIMEOUT_MS = 10_000;
const tokens = new Map<string, { token: string; until: number }>();

async function accessToken(settings: DingtalkSettings, fresh = false): Promise<string> {
  const key = `${settings.apiBase}|${settings.appKey}|${settings.appSecret}`;
  const cached = tokens.get(key);
  if (!fresh && cached && cached.until > Date.now()) return cached.token;
  const q = new URLSearchParams({ appkey: settings.appKey, appsecret: settings.appSecret });
  const res = await fetch(`${settings.apiBase}/gettoken?${q.toString()}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = res.ok ? ((await res.json()) as Record<string, unknown>) : {};
  if (body.errcode !== 0 || typeof body.access_token !== 'string') throw new AppError('SSO_FAILED');
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  tokens.set(key, { token: body.access_token, until: Date.now() + Math.max(60, seconds - 300) * 1000 });
  return body.access_token;
}

/** The member's userid for a 免登 authCode; refused (SSO_FAILED) for a bad or used code. */
export async function dingtalkUserId(settings: DingtalkSettings, authCode: string): Promise<string> {
  for (const fresh of [false, true]) {
    const q = new URLSearchParams({ access_token: await accessToken(settings, fresh) });
    const res = await fetch(`${settings.apiBase}/topapi/v2/user/getuserinfo?${q.toString()}`, {
      method: 'POST',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: authCode }),
    });
    const body = res.ok ? ((await res.json()) as { errcode?: number; result?: { userid?: unknown } }) : {};
    // 40014 / 42001 / 88: the cached token is no longer valid — fetch a new one once.
    if (!fresh && (body.errcode === 40014 || body.errcode === 42001 || body.errcode === 88)) continue;
    const userid = body.result?.userid;
    if (body.errcode !== 0 || typeof userid !== 'string' || userid === '') throw new AppError('SSO_FAILED');
    return userid;
  }
  throw new AppError('SSO_FAILED');
}
