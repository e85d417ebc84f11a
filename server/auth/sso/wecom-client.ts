import type { SsoConfig } from '../../config/sso';
import { AppError } from '../../errors/app-error';

/**
 * WeCom (企业微信) web authorisation inside the app (网页授权登录, snsapi_base): the app's page sends
 * the person to open.weixin.qq.com/connect/oauth2/authorize, which returns to Duban with a code; the
 * code and the app's access token give the member's userid (GET /cgi-bin/gettoken, then
 * GET /cgi-bin/auth/getuserinfo). A caller outside the corporation gets an openid, not a userid,
 * and is refused. The access token is kept per process until shortly before it expires.
 */
type WecomSettings = NonNullable<SsoConfig['wecom']>;
const TIMEOUT_MS = 10_000;
const tokens = new Map<string, { token: string; until: number }>();

export function wecomAuthorizeUrl(settings: WecomSettings, state: string): string {
  const q = new URLSearchParams({
    appid: settings.corpId,
    redirect_uri: settings.redirectUrl,
    response_type: 'code',
    scope: 'snsapi_base',
    state,
  });
  if (settings.agentId) q.set('agentid', String(settings.agentId));
  return `${settings.oauthBase}/connect/oauth2/authorize?${q.toString()}#wechat_redirect`;
}

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new AppError('SSO_FAILED');
  return (await res.json()) as Record<string, unknown>;
}

async function accessToken(settings: WecomSettings, fresh = false): Promise<string> {
  const key = `${settings.apiBase}|${settings.corpId}|${settings.secret}`;
  const cached = tokens.get(key);
  if (!fresh && cached && cached.until > Date.now()) return cached.token;
  const q = new URLSearchParams({ corpid: settings.corpId, corpsecret: settings.secret });
  const body = await getJson(`${settings.apiBase}/cgi-bin/gettoken?${q.toString()}`);
  if (body.errcode !== 0 || typeof body.access_token !== 'string') throw new AppError('SSO_FAILED');
  const seconds = typeof body.expires_in === 'number' ? body.expires_in : 7200;
  tokens.set(key, { token: body.access_token, until: Date.now() + Math.max(60, seconds - 300) * 1000 });
  return body.access_token;
}

/** The member's userid for an authorisation code; refused (SSO_FAILED) for a bad code or a non-member. */
export async function wecomUserId(settings: WecomSettings, code: string): Promise<string> {
  for (const fresh of [false, true]) {
    const q = new URLSearchParams({ access_token: await accessToken(settings, fresh), code });
    const body = await getJson(`${settings.apiBase}/cgi-bin/auth/getuserinfo?${q.toString()}`);
    // 40014 / 42001: the cached token was revoked or expired early — fetch a new one once.
    if (!fresh && (body.errcode === 40014 || body.errcode === 42001)) continue;
    if (body.errcode !== 0 || typeof body.userid !== 'string' || body.userid === '') throw new AppError('SSO_FAILED');
    return body.userid;
  }
  throw new AppError('SSO_FAILED');
}
