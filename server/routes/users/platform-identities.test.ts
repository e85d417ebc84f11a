import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByIdentity } from '../../auth/sso/platform-identities.repository';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';

/**
 * Issue 18: binding a platform identity lets whoever holds it sign in as the account, so under
 * 三员分立 the system administrator only proposes it; it takes effect when the security administrator
 * approves. An identity bound to one account is not bound to a second.
 */
describe('binding a platform identity is a request the security administrator approves', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let sysadmin: Client;
  let secadmin: Client;
  let staff: { id: number };
  let other: { id: number };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_RATE_LIMIT_SIGN_IN: '1000' });
    const orgId = (await makeOrg(t.ctx)).id;
    const unitId = (await makeUnit(t.ctx, orgId)).id;
    sysadmin = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'sysadmin')).username);
    secadmin = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'secadmin')).username);
    staff = await makeUser(t.ctx, orgId, 'unit_staff', { unitId });
    other = await makeUser(t.ctx, orgId, 'office');
  });
  afterAll(() => t.close());

  it('binds only after approval, and the proposer cannot approve it', async () => {
    const proposed = await sysadmin.request('POST', `/api/users/${staff.id}/platform-identities`, {
      platform: 'wecom',
      externalId: 'LiNa',
      reason: '本人申请',
    });
    expect(proposed.statusCode).toBe(200);
    const request = proposed.json().request;
    expect(request).toMatchObject({
      kind: 'bind_identity',
      kindLabel: '绑定政务平台账号',
      identity: { platform: 'wecom', platformLabel: '企业微信', externalId: 'LiNa' },
    });
    expect(await findUserByIdentity(t.ctx.db, 'wecom', 'LiNa')).toBeUndefined();
    expect((await sysadmin.request('POST', `/api/account-requests/${request.id}/approve`)).statusCode).toBe(403);
    expect(await findUserByIdentity(t.ctx.db, 'wecom', 'LiNa')).toBeUndefined();
    expect((await secadmin.request('POST', `/api/account-requests/${request.id}/approve`)).statusCode).toBe(200);
    expect((await findUserByIdentity(t.ctx.db, 'wecom', 'LiNa'))?.id).toBe(staff.id);
    const listed = await sysadmin.request('GET', `/api/users/${staff.id}/platform-identities`);
    expect(listed.json().items).toMatchObject([{ platform: 'wecom', externalId: 'LiNa' }]);
  });

  it('refuses to bind an identity already bound to another account', async () => {
    const res = await sysadmin.request('POST', `/api/users/${other.id}/platform-identities`, {
      platform: 'wecom',
      externalId: 'LiNa',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDENTITY_TAKEN');
  });

  it('the security administrator cannot propose a binding (users.manage is the system administrator’s)', async () => {
    expect(
      (
        await secadmin.request('POST', `/api/users/${other.id}/platform-identities`, {
          platform: 'oidc',
          externalId: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('unbinds after approval', async () => {
    const proposed = await sysadmin.request('POST', `/api/users/${staff.id}/platform-identities/unbind`, {
      platform: 'wecom',
    });
    const id = proposed.json().request.id;
    expect((await findUserByIdentity(t.ctx.db, 'wecom', 'LiNa'))?.id).toBe(staff.id);
    expect((await secadmin.request('POST', `/api/account-requests/${id}/approve`)).statusCode).toBe(200);
    expect(await findUserByIdentity(t.ctx.db, 'wecom', 'LiNa')).toBeUndefined();
  });
});
