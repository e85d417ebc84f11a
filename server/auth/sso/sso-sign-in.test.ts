import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';
import { startOidcProvider, walkProvider, type LocalOidcProvider } from '../../test/local-oidc-provider';
import { startDingtalk, startWecom, type LocalPlatform } from '../../test/local-sso-platforms';
import { FLOW_COOKIE, sealFlow } from './flow-cookie';
import { authorizationUrl, randomUrlToken, verifyIdToken } from './oidc-client';
import { insertIdentity } from './platform-identities.repository';

/**
 * Issue 18, single sign-on: a real OpenID Connect provider (oidc-provider) and local WeCom and
 * DingTalk servers on 127.0.0.1. Only a bound identity signs in; state, nonce and the ID token's
 * signature are checked; an unbound identity and a disabled account are refused and audited.
 */
const PUBLIC_URL = 'http://duban.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/oidc/callback`;

describe('single sign-on through the platform', () => {
  let op: LocalOidcProvider;
  let wecom: LocalPlatform;
  let ding: LocalPlatform;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: { id: number; username: string };
  let leader: { id: number; username: string };
  let disabled: { id: number; username: string };

  beforeAll(async () => {
    op = await startOidcProvider([CALLBACK]);
    wecom = await startWecom('ww-corp', 'wecom-secret');
    ding = await startDingtalk('ding-key', 'ding-secret');
    t = await createTestApp({
      DUBAN_RATE_LIMIT_SIGN_IN: '1000',
      DUBAN_PUBLIC_URL: PUBLIC_URL,
      DUBAN_OIDC_ISSUER: op.issuer,
      DUBAN_OIDC_CLIENT_ID: op.clientId,
      DUBAN_OIDC_CLIENT_SECRET: op.clientSecret,
      DUBAN_SSO_WECOM: 'on',
      DUBAN_WECOM_CORP_ID: 'ww-corp',
      DUBAN_WECOM_AGENT_ID: '1000002',
      DUBAN_WECOM_APP_SECRET: 'wecom-secret',
      DUBAN_WECOM_API_BASE: wecom.base,
      DUBAN_WECOM_OAUTH_BASE: wecom.base,
      DUBAN_SSO_DINGTALK: 'on',
      DUBAN_DINGTALK_APP_KEY: 'ding-key',
      DUBAN_DINGTALK_APP_SECRET: 'ding-secret',
      DUBAN_DINGTALK_API_BASE: ding.base,
    });
    orgId = (await makeOrg(t.ctx)).id;
    const unitId = (await makeUnit(t.ctx, orgId)).id;
    // An account whose initial password was never changed: the platform sign-in is not stopped by it.
    office = await makeUser(t.ctx, orgId, 'office', { mustChangePassword: true });
    leader = await makeUser(t.ctx, orgId, 'unit_staff', { unitId });
    disabled = await makeUser(t.ctx, orgId, 'office');
    await t.ctx.db.updateTable('users').set({ disabled: 1 }).where('id', '=', disabled.id).execute();
    const bind = (user_id: number, platform: 'oidc' | 'wecom' | 'dingtalk', external_id: string) =>
      insertIdentity(t.ctx.db, { org_id: orgId, user_id, platform, external_id });
    await bind(office.id, 'oidc', 'zhang.wei');
    await bind(disabled.id, 'oidc', 'gone.person');
    await bind(leader.id, 'wecom', 'LiNa');
    await bind(leader.id, 'dingtalk', 'manager4321');
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([op.close(), wecom.close(), ding.close()]);
  });

  const settings = () => t.ctx.config.sso.oidc!;
  const cookieOf = (res: { cookies: { name: string; value: string }[] }, name: string) =>
    res.cookies.find((c) => c.name === name)?.value;
  const audits = async (action: string) =>
    t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'after_json']).where('action', '=', action).execute();

  /** start → the provider's login as `subject` → the callback; the callback's answer. */
  async function oidcSignIn(subject: string, tamper: { state?: string; dropCookie?: boolean } = {}) {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/oidc/start' });
    expect(start.statusCode).toBe(302);
    const flowCookie = cookieOf(start, FLOW_COOKIE)!;
    op.autoLogin = subject;
    const back = await walkProvider(start.headers.location as string, CALLBACK);
    const state = tamper.state ?? back.searchParams.get('state')!;
    return t.app.inject({
      method: 'GET',
      url: `/api/auth/sso/oidc/callback?code=${encodeURIComponent(back.searchParams.get('code')!)}&state=${encodeURIComponent(state)}`,
      headers: tamper.dropCookie ? {} : { cookie: `${FLOW_COOKIE}=${flowCookie}` },
    });
  }
  const me = (session: string) =>
    t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `duban_session=${session}` } });

  it('offers the configured platforms to the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/sso' });
    expect(res.json()).toEqual({ oidc: { label: '使用政务平台账号登录' }, wecom: true, dingtalk: true });
  });

  it('signs a bound OIDC identity in as its account, with PKCE S256, audited with the method; no forced password change', async () => {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/oidc/start' });
    const auth = new URL(start.headers.location as string);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('state')).toBeTruthy();
    expect(auth.searchParams.get('nonce')).toBeTruthy();
    const res = await oidcSignIn('zhang.wei');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/');
    const session = cookieOf(res, 'duban_session')!;
    const who = await me(session);
    expect(who.json().username).toBe(office.username);
    // A business route works although the account's initial password was never changed.
    const business = await t.app.inject({
      method: 'GET',
      url: '/api/notices',
      headers: { cookie: `duban_session=${session}` },
    });
    expect(business.statusCode).toBe(200);
    const signIns = (await audits('auth.sign_in')).filter((a) => a.actor_user_id === office.id);
    expect(JSON.parse(signIns.at(-1)!.after_json!)).toMatchObject({ method: 'oidc' });
  });

  it('refuses an unbound identity with the clear message, audited for the auditor, and creates no account', async () => {
    const users = (await t.ctx.db.selectFrom('users').select('id').execute()).length;
    const res = await oidcSignIn('stranger');
    expect(res.headers.location).toBe('/login?sso_error=SSO_UNBOUND');
    expect(cookieOf(res, 'duban_session')).toBeUndefined();
    expect((await t.ctx.db.selectFrom('users').select('id').execute()).length).toBe(users);
    const refused = await audits('auth.sso_unbound');
    expect(refused.some((a) => JSON.parse(a.after_json!).externalId === 'stranger')).toBe(true);
    // A district's auditor reads it too, though the entry names no organisation (issue 17, finding 10).
    const district = await makeOrg(t.ctx, { level: 'district', parentId: orgId });
    const auditor = await signInAs(t.app, (await makeUser(t.ctx, district.id, 'auditor')).username);
    const seen = await auditor.request('GET', '/api/audit?actions=auth.sso_unbound&limit=50');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().lines.map((l: { action: string }) => l.action)).toContain('auth.sso_unbound');
  });

  it('refuses a disabled account', async () => {
    const res = await oidcSignIn('gone.person');
    expect(res.headers.location).toBe('/login?sso_error=AUTH_ACCOUNT_DISABLED');
    expect(cookieOf(res, 'duban_session')).toBeUndefined();
  });

  it('refuses a callback whose state is not the one this browser started (login CSRF), or comes without the flow cookie', async () => {
    expect((await oidcSignIn('zhang.wei', { state: randomUrlToken() })).headers.location).toBe(
      '/login?sso_error=SSO_STATE_MISMATCH',
    );
    expect((await oidcSignIn('zhang.wei', { dropCookie: true })).headers.location).toBe(
      '/login?sso_error=SSO_STATE_MISMATCH',
    );
  });

  it('refuses an ID token whose nonce is not this sign-in’s (a code injected from another sign-in)', async () => {
    const flow = { state: randomUrlToken(), nonce: randomUrlToken(), verifier: randomUrlToken(48) };
    op.autoLogin = 'zhang.wei';
    const back = await walkProvider(await authorizationUrl(settings(), flow), CALLBACK);
    const cookie = sealFlow(t.ctx, {
      platform: 'oidc',
      state: flow.state,
      nonce: randomUrlToken(),
      verifier: flow.verifier,
    });
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/auth/sso/oidc/callback?code=${back.searchParams.get('code')}&state=${flow.state}`,
      headers: { cookie: `${FLOW_COOKIE}=${cookie}` },
    });
    expect(res.headers.location).toBe('/login?sso_error=SSO_FAILED');
  });

  it('refuses a forged ID token: a real one with its subject changed, one signed by another key, one unsigned', async () => {
    const flow = { state: randomUrlToken(), nonce: randomUrlToken(), verifier: randomUrlToken(48) };
    op.autoLogin = 'stranger';
    const back = await walkProvider(await authorizationUrl(settings(), flow), CALLBACK);
    const token = await fetch(`${op.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${op.clientId}:${op.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: back.searchParams.get('code')!,
        redirect_uri: CALLBACK,
        code_verifier: flow.verifier,
      }),
    });
    const idToken = ((await token.json()) as { id_token: string }).id_token;
    // The genuine token verifies (so the refusals below are about the forgery).
    expect((await verifyIdToken(settings(), idToken, flow.nonce)).sub).toBe('stranger');
    const [header, payload, signature] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...claims, sub: 'zhang.wei' })).toString('base64url');
    await expect(verifyIdToken(settings(), `${header}.${changed}.${signature}`, flow.nonce)).rejects.toMatchObject({
      code: 'SSO_FAILED',
    });
    const { generateKeyPair, SignJWT } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256');
    const kid = JSON.parse(Buffer.from(header!, 'base64url').toString()).kid;
    const other = await new SignJWT({ ...claims, sub: 'zhang.wei' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(privateKey);
    await expect(verifyIdToken(settings(), other, flow.nonce)).rejects.toMatchObject({ code: 'SSO_FAILED' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${changed}.`;
    await expect(verifyIdToken(settings(), none, flow.nonce)).rejects.toMatchObject({ code: 'SSO_FAILED' });
  });

  describe('WeCom in-app sign-in (免登)', () => {
    async function wecomSignIn(userid: string, state?: string) {
      const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/wecom/start' });
      expect(start.statusCode).toBe(302);
      const authorize = new URL(start.headers.location as string);
      expect(authorize.searchParams.get('appid')).toBe('ww-corp');
      expect(authorize.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/auth/sso/wecom/callback`);
      wecom.nextUser = userid;
      const redirected = await fetch(authorize.toString().replace('#wechat_redirect', ''), { redirect: 'manual' });
      const back = new URL(redirected.headers.get('location')!);
      return t.app.inject({
        method: 'GET',
        url: `/api/auth/sso/wecom/callback?code=${back.searchParams.get('code')}&state=${state ?? back.searchParams.get('state')}`,
        headers: { cookie: `${FLOW_COOKIE}=${cookieOf(start, FLOW_COOKIE)}` },
      });
    }

    it('signs a bound WeCom member in through gettoken + auth/getuserinfo', async () => {
      const res = await wecomSignIn('LiNa');
      expect(res.headers.location).toBe('/');
      expect((await me(cookieOf(res, 'duban_session')!)).json().username).toBe(leader.username);
      expect(wecom.calls).toContain('/cgi-bin/gettoken');
      expect(wecom.calls).toContain('/cgi-bin/auth/getuserinfo');
    });

    it('refuses an unbound member, a non-member (openid only) and a wrong state', async () => {
      expect((await wecomSignIn('WangWu')).headers.location).toBe('/login?sso_error=SSO_UNBOUND');
      expect((await wecomSignIn('openid:o123')).headers.location).toBe('/login?sso_error=SSO_FAILED');
      expect((await wecomSignIn('LiNa', 'forged-state')).headers.location).toBe('/login?sso_error=SSO_STATE_MISMATCH');
    });
  });

  describe('DingTalk in-app sign-in (免登)', () => {
    async function dingSignIn(authCode: string) {
      const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>()
        .csrfToken;
      return t.app.inject({
        method: 'POST',
        url: '/api/auth/sso/dingtalk',
        headers: { 'x-csrf-token': csrf, cookie: `duban_csrf=${csrf}` },
        payload: { authCode },
      });
    }

    it('signs a bound DingTalk member in through gettoken + topapi/v2/user/getuserinfo', async () => {
      ding.codes.set('auth-1', 'manager4321');
      const res = await dingSignIn('auth-1');
      expect(res.statusCode).toBe(200);
      expect(res.json().user.username).toBe(leader.username);
      // One-time: the same code again is refused.
      expect((await dingSignIn('auth-1')).json().error.code).toBe('SSO_FAILED');
    });

    it('refuses an unbound member with the clear message', async () => {
      ding.codes.set('auth-2', 'someone-else');
      const res = await dingSignIn('auth-2');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('SSO_UNBOUND');
      expect(res.json().error.message).toContain('系统管理员');
    });
  });
});
