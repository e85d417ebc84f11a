import { z } from 'zod';

/**
 * Single sign-on through the government platform (issue 18): a generic OpenID Connect provider and
 * the WeCom / DingTalk in-app login (免登). Deployment settings from the environment only: the client
 * and app secrets never enter the database. A flow is on when all its settings are present; password
 * sign-in always stays. API bases default to the official hosts and are configurable so tests (or a
 * private-cloud platform) point elsewhere. The WeCom / DingTalk app settings are the same variables
 * the messaging channels read (config/messaging.ts): one app per platform signs in and messages.
 */
const httpBase = z
  .string()
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'an http(s) base URL without query, e.g. https://qyapi.weixin.qq.com')
  .transform((v) => v.replace(/\/+$/, ''));
const onOff = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'])
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

export const ssoEnvSchema = z.object({
  /** Where browsers reach Duban (https://duban.example.gov.cn): the base of the platforms' redirect URLs. */
  DUBAN_PUBLIC_URL: httpBase.optional(),
  DUBAN_OIDC_ISSUER: httpBase.optional(),
  DUBAN_OIDC_CLIENT_ID: z.string().max(500).optional(),
  DUBAN_OIDC_CLIENT_SECRET: z.string().max(1000).optional(),
  /** Defaults to DUBAN_PUBLIC_URL + /api/auth/sso/oidc/callback. */
  DUBAN_OIDC_REDIRECT_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'an http(s) URL')
    .optional(),
  DUBAN_OIDC_SCOPES: z.string().max(500).default('openid profile'),
  /** The sign-in page's button. */
  DUBAN_OIDC_LABEL: z.string().max(40).default('使用政务平台账号登录'),
  /**
   * Opt-in: an unbound platform identity signs in as the account whose username (OIDC
   * preferred_username / the WeCom or DingTalk userid) or mobile number (OIDC phone_number) equals
   * it, and the binding is recorded. Off by default: the system administrator binds, the security
   * administrator approves. Never creates an account.
   */
  DUBAN_SSO_MATCH: z.enum(['off', 'username', 'phone']).default('off'),
  DUBAN_SSO_WECOM: onOff.optional(),
  DUBAN_SSO_DINGTALK: onOff.optional(),
  DUBAN_WECOM_CORP_ID: z.string().max(200).optional(),
  DUBAN_WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  DUBAN_WECOM_APP_SECRET: z.string().max(500).optional(),
  DUBAN_WECOM_API_BASE: httpBase.default('https://qyapi.weixin.qq.com'),
  /** Where WeCom's web authorisation page lives (open.weixin.qq.com/connect/oauth2/authorize). */
  DUBAN_WECOM_OAUTH_BASE: httpBase.default('https://open.weixin.qq.com'),
  DUBAN_DINGTALK_APP_KEY: z.string().max(200).optional(),
  DUBAN_DINGTALK_APP_SECRET: z.string().max(500).optional(),
  DUBAN_DINGTALK_API_BASE: httpBase.default('https://oapi.dingtalk.com'),
});

export type SsoConfig = {
  publicUrl: string | null;
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    redirectUrl: string;
    scopes: string;
    label: string;
  } | null;
  wecom: {
    corpId: string;
    agentId: number | null;
    secret: string;
    apiBase: string;
    oauthBase: string;
    redirectUrl: string;
  } | null;
  dingtalk: { appKey: string; appSecret: string; apiBase: string } | null;
  match: 'off' | 'username' | 'phone';
};

/** Problems that stop the start: a flow half configured is a mistake, not "off". */
export function ssoProblems(e: z.infer<typeof ssoEnvSchema>): string[] {
  const problems: string[] = [];
  const oidcSet = [e.DUBAN_OIDC_ISSUER, e.DUBAN_OIDC_CLIENT_ID, e.DUBAN_OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcSet > 0 && oidcSet < 3)
    problems.push(
      'DUBAN_OIDC_ISSUER, DUBAN_OIDC_CLIENT_ID and DUBAN_OIDC_CLIENT_SECRET: set all three, or none (OIDC sign-in off)',
    );
  if (oidcSet === 3 && !e.DUBAN_OIDC_REDIRECT_URL && !e.DUBAN_PUBLIC_URL)
    problems.push('DUBAN_PUBLIC_URL: needed for OIDC sign-in (or set DUBAN_OIDC_REDIRECT_URL)');
  if (e.DUBAN_SSO_WECOM && !(e.DUBAN_WECOM_CORP_ID && e.DUBAN_WECOM_APP_SECRET && e.DUBAN_PUBLIC_URL))
    problems.push('DUBAN_SSO_WECOM=on: needs DUBAN_WECOM_CORP_ID, DUBAN_WECOM_APP_SECRET and DUBAN_PUBLIC_URL');
  if (e.DUBAN_SSO_DINGTALK && !(e.DUBAN_DINGTALK_APP_KEY && e.DUBAN_DINGTALK_APP_SECRET))
    problems.push('DUBAN_SSO_DINGTALK=on: needs DUBAN_DINGTALK_APP_KEY and DUBAN_DINGTALK_APP_SECRET');
  return problems;
}

export function ssoConfig(e: z.infer<typeof ssoEnvSchema>): SsoConfig {
  const pub = e.DUBAN_PUBLIC_URL ?? null;
  return {
    publicUrl: pub,
    oidc:
      e.DUBAN_OIDC_ISSUER && e.DUBAN_OIDC_CLIENT_ID && e.DUBAN_OIDC_CLIENT_SECRET && (e.DUBAN_OIDC_REDIRECT_URL || pub)
        ? {
            issuer: e.DUBAN_OIDC_ISSUER,
            clientId: e.DUBAN_OIDC_CLIENT_ID,
            clientSecret: e.DUBAN_OIDC_CLIENT_SECRET,
            redirectUrl: e.DUBAN_OIDC_REDIRECT_URL ?? `${pub}/api/auth/sso/oidc/callback`,
            scopes: e.DUBAN_OIDC_SCOPES.includes('openid') ? e.DUBAN_OIDC_SCOPES : `openid ${e.DUBAN_OIDC_SCOPES}`,
            label: e.DUBAN_OIDC_LABEL,
          }
        : null,
    wecom:
      e.DUBAN_SSO_WECOM && e.DUBAN_WECOM_CORP_ID && e.DUBAN_WECOM_APP_SECRET && pub
        ? {
            corpId: e.DUBAN_WECOM_CORP_ID,
            agentId: e.DUBAN_WECOM_AGENT_ID ?? null,
            secret: e.DUBAN_WECOM_APP_SECRET,
            apiBase: e.DUBAN_WECOM_API_BASE,
            oauthBase: e.DUBAN_WECOM_OAUTH_BASE,
            redirectUrl: `${pub}/api/auth/sso/wecom/callback`,
          }
        : null,
    dingtalk:
      e.DUBAN_SSO_DINGTALK && e.DUBAN_DINGTALK_APP_KEY && e.DUBAN_DINGTALK_APP_SECRET
        ? {
            appKey: e.DUBAN_DINGTALK_APP_KEY,
            appSecret: e.DUBAN_DINGTALK_APP_SECRET,
            apiBase: e.DUBAN_DINGTALK_API_BASE,
          }
        : null,
    match: e.DUBAN_SSO_MATCH,
  };
}
