import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config';
import { createTestApp } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';
import { startOidcProvider, walkProvider, type LocalOidcProvider } from '../../test/local-oidc-provider';
import { FLOW_COOKIE } from './flow-cookie';
import { findUserByIdentity } from './platform-identities.repository';

/**
 * Issue 18: the opt-in match by a configured attribute (DUBAN_SSO_MATCH=phone): a verified mobile
 * number equal to exactly one business account's signs in as it and records the binding; never a
 * 三员 account, never a guess between two accounts, never a new account.
 */
const PUBLIC_URL = 'http://duban.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/oidc/callback`;

describe('single sign-on: opt-in match by mobile number', () => {
  let op: LocalOidcProvider;
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: { id: number };

  beforeAll(async () => {
    op = await startOidcProvider([CALLBACK]);
    t = await createTestApp({
      DUBAN_PUBLIC_URL: PUBLIC_URL,
      DUBAN_OIDC_ISSUER: op.issuer,
      DUBAN_OIDC_CLIENT_ID: op.clientId,
      DUBAN_OIDC_CLIENT_SECRET: op.clientSecret,
      DUBAN_SSO_MATCH: 'phone',
      DUBAN_OIDC_SCOPES: 'openid profile phone',
    });
    const orgId = (await makeOrg(t.ctx)).id;
    office = await makeUser(t.ctx, orgId, 'office');
    const sysadmin = await makeUser(t.ctx, orgId, 'sysadmin');
    const twinA = await makeUser(t.ctx, orgId, 'office');
    const twinB = await makeUser(t.ctx, orgId, 'office');
    const setPhone = (id: number, phone: string) =>
      t.ctx.db.updateTable('users').set({ phone }).where('id', '=', id).execute();
    await setPhone(office.id, '13800000001');
    await setPhone(sysadmin.id, '13800000002');
    await setPhone(twinA.id, '13800000003');
    await setPhone(twinB.id, '13800000003');
    op.phones.set('p.office', '+8613800000001');
    op.phones.set('p.sysadmin', '13800000002');
    op.phones.set('p.twin', '13800000003');
  });
  afterAll(async () => {
    await t.close();
    await op.close();
  });

  async function signInAs(subject: string) {
    const start = await t.app.inject({ method: 'GET', url: '/api/auth/sso/oidc/start' });
    const auth = new URL(start.headers.location as string);
    expect(auth.searchParams.get('scope')).toBe('openid profile phone');
    op.autoLogin = subject;
    const back = await walkProvider(auth.toString(), CALLBACK);
    return t.app.inject({
      method: 'GET',
      url: `/api/auth/sso/oidc/callback?code=${back.searchParams.get('code')}&state=${back.searchParams.get('state')}`,
      headers: { cookie: `${FLOW_COOKIE}=${start.cookies.find((c) => c.name === FLOW_COOKIE)!.value}` },
    });
  }

  it('signs in the one account with that verified number and records the binding', async () => {
    expect((await signInAs('p.office')).headers.location).toBe('/');
    expect((await findUserByIdentity(t.ctx.db, 'oidc', 'p.office'))?.id).toBe(office.id);
  });

  it('never matches a 三员 account, nor one of two accounts with the same number', async () => {
    expect((await signInAs('p.sysadmin')).headers.location).toBe('/login?sso_error=SSO_UNBOUND');
    expect((await signInAs('p.twin')).headers.location).toBe('/login?sso_error=SSO_UNBOUND');
    expect(await findUserByIdentity(t.ctx.db, 'oidc', 'p.twin')).toBeUndefined();
  });
});

describe('SSO configuration', () => {
  it('refuses a half-configured OIDC client or WeCom login at start, naming the settings', () => {
    expect(() => loadConfig({ DUBAN_OIDC_ISSUER: 'https://idp.example.gov.cn' })).toThrow(ConfigError);
    expect(() => loadConfig({ DUBAN_SSO_WECOM: 'on', DUBAN_WECOM_CORP_ID: 'ww1' })).toThrow(/DUBAN_WECOM_APP_SECRET/);
    const off = loadConfig({}).sso;
    expect(off).toMatchObject({ oidc: null, wecom: null, dingtalk: null, match: 'off' });
  });
});
