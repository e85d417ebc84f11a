import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../audit/actor';
import { approveAccountRequest, proposeReset } from '../../directory/account-requests.service';
import { findUser } from '../../directory/users.repository';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories';

/**
 * Issue 17, finding 4 — 三员分立 got round: the system administrator created an account with the
 * office role (and reset the real office user's password), signed in as it and edited a task. Now
 * each is a request: nothing takes effect and no password exists until the security administrator
 * approves; the proposer never decides their own request and never sees a password.
 */
describe('account requests: the system administrator alone cannot sign in as anyone', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let unitId: number;
  let sysadmin: Client;
  let secadmin: Client;
  let sysadminId: number;
  let secadminId: number;
  let office: { id: number; username: string };

  /** A sign-in attempt's status, without throwing. */
  const trySignIn = async (username: string, password: string) => {
    const csrf = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).json<{ csrfToken: string }>().csrfToken;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-csrf-token': csrf, cookie: `duban_csrf=${csrf}` },
      payload: { username, password },
    });
    return res.statusCode;
  };
  const actorOf = async (id: number): Promise<Actor> => {
    const u = (await findUser(t.ctx.db, id))!;
    return { userId: u.id, name: u.display_name, orgId: u.org_id, role: u.role as Actor['role'], unitId: u.unit_id, leaderId: u.leader_id };
  };
  const pending = async (who: Client) => (await who.request('GET', '/api/account-requests')).json().items as { id: number; kind: string }[];

  beforeAll(async () => {
    // Enough sign-in attempts from the one test address for every refusal this file makes.
    t = await createTestApp({ DUBAN_RATE_LIMIT_SIGN_IN: '1000' });
    orgId = (await makeOrg(t.ctx)).id;
    unitId = (await makeUnit(t.ctx, orgId, { name: '区教育局' })).id;
    const sys = await makeUser(t.ctx, orgId, 'sysadmin');
    const sec = await makeUser(t.ctx, orgId, 'secadmin');
    sysadminId = sys.id;
    secadminId = sec.id;
    sysadmin = await signInAs(t.app, sys.username);
    secadmin = await signInAs(t.app, sec.username);
    office = await makeUser(t.ctx, orgId, 'office');
  });
  afterAll(() => t.close());

  it('a new office account asked for by the system administrator does not exist until approved; the approver gets its password', async () => {
    // The probe's request, password included: the password is ignored, the account only asked for.
    const asked = await sysadmin.request('POST', '/api/users', { username: 'fake.office', displayName: '冒名', role: 'office', password: 'Takeover#2025a' });
    expect(asked.statusCode, asked.body).toBe(200);
    const request = asked.json().request;
    expect(request).toMatchObject({ kind: 'create', status: 'pending', accounts: [{ username: 'fake.office', roleLabel: '督查室' }] });
    expect(await trySignIn('fake.office', 'Takeover#2025a')).toBe(401);
    expect(await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'fake.office').executeTakeFirst()).toBeUndefined();

    // The same name cannot be asked for twice while it waits.
    const again = await sysadmin.request('POST', '/api/users', { username: 'fake.office', displayName: '冒名', role: 'office' });
    expect(again.statusCode).toBe(409);

    // The system administrator cannot approve it: not by role, and not as its proposer.
    const self = await sysadmin.request('POST', `/api/account-requests/${request.id}/approve`);
    expect(self.statusCode).toBe(403);
    await expect(approveAccountRequest(t.ctx, await actorOf(sysadminId), request.id)).rejects.toMatchObject({ code: 'ACCOUNT_REQUEST_OWN' });
    expect(await trySignIn('fake.office', 'Takeover#2025a')).toBe(401);

    // The security administrator sees it and approves: the password is made now and answered to them once.
    expect((await pending(secadmin)).map((r) => r.id)).toContain(request.id);
    const approved = await secadmin.request('POST', `/api/account-requests/${request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.headers['cache-control']).toBe('no-store');
    const delivered = approved.json().delivery.accounts[0];
    expect(delivered).toMatchObject({ username: 'fake.office' });
    expect(delivered.initialPassword).toMatch(/^.{12}$/);
    expect(await trySignIn('fake.office', 'Takeover#2025a')).toBe(401);
    const person = await signInAs(t.app, 'fake.office', delivered.initialPassword);
    expect((await person.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);

    // What the system administrator can read never holds it.
    const sysView = JSON.stringify([
      (await sysadmin.request('GET', '/api/account-requests?status=decided')).json(),
      (await sysadmin.request('GET', '/api/users')).json(),
    ]);
    expect(sysView).not.toContain(delivered.initialPassword);
    // Approving twice is refused.
    expect((await secadmin.request('POST', `/api/account-requests/${request.id}/approve`)).statusCode).toBe(409);
  });

  it("a reset of the office user's password changes nothing until approved, and its password goes to the approver", async () => {
    const officeClient = await signInAs(t.app, office.username);
    const asked = await sysadmin.request('POST', `/api/users/${office.id}/reset-password`, { password: 'Takeover#2025b', reason: '本人来电称忘记密码' });
    expect(asked.statusCode, asked.body).toBe(200);
    const request = asked.json().request;
    expect(request).toMatchObject({ kind: 'reset_password', status: 'pending', reason: '本人来电称忘记密码', target: { username: office.username } });
    // Nothing happened: the typed password does not work, the person's own does, their session lives on.
    expect(await trySignIn(office.username, 'Takeover#2025b')).toBe(401);
    expect((await officeClient.request('GET', '/api/auth/me')).statusCode).toBe(200);
    await signInAs(t.app, office.username, TEST_PASSWORD);
    // One request per account at a time.
    expect((await sysadmin.request('POST', `/api/users/${office.id}/reset-password`, {})).json().error.code).toBe('ACCOUNT_REQUEST_PENDING');

    const approved = await secadmin.request('POST', `/api/account-requests/${request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const password = approved.json().delivery.accounts[0].initialPassword as string;
    expect((await officeClient.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await trySignIn(office.username, TEST_PASSWORD)).toBe(401);
    const back = await signInAs(t.app, office.username, password);
    expect((await back.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
    // Hand the account back to its test password for the rest of the file.
    expect((await back.request('POST', '/api/auth/password', { currentPassword: password, newPassword: 'Office#2025x' })).statusCode).toBe(204);
  });

  it('a rejected request leaves nothing, and the reason is kept for the proposer', async () => {
    const create = (await sysadmin.request('POST', '/api/users', { username: 'never.made', displayName: '未建', role: 'unit_staff', unitId })).json().request;
    const reset = (await sysadmin.request('POST', `/api/users/${office.id}/reset-password`, {})).json().request;
    const before = (await findUser(t.ctx.db, office.id))!;
    for (const r of [create, reset]) {
      expect((await secadmin.request('POST', `/api/account-requests/${r.id}/reject`, { note: '未经本人申请' })).statusCode).toBe(200);
    }
    expect(await t.ctx.db.selectFrom('users').select('id').where('username', '=', 'never.made').executeTakeFirst()).toBeUndefined();
    const after = (await findUser(t.ctx.db, office.id))!;
    expect(after.password_hash).toBe(before.password_hash);
    expect(await trySignIn(office.username, 'Office#2025x')).toBe(200);
    const decided = (await sysadmin.request('GET', '/api/account-requests?status=decided')).json().items;
    expect(decided.find((r: { id: number }) => r.id === create.id)).toMatchObject({ status: 'rejected', statusLabel: '已驳回', decisionNote: '未经本人申请' });
    // The name is free again, and a decided request cannot be decided again.
    expect((await sysadmin.request('POST', '/api/users', { username: 'never.made', displayName: '未建', role: 'unit_staff', unitId })).statusCode).toBe(200);
    expect((await secadmin.request('POST', `/api/account-requests/${reset.id}/approve`)).json().error.code).toBe('ACCOUNT_REQUEST_DECIDED');
    // Proposal and decision are in the audit log.
    const actions = (await t.ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'account_request').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['account_request.propose', 'account_request.approve', 'account_request.reject']));
  });

  it('whoever proposed a request cannot decide it, even a security administrator', async () => {
    const victim = await makeUser(t.ctx, orgId, 'viewer');
    const id = await proposeReset(t.ctx, await actorOf(secadminId), (await findUser(t.ctx.db, victim.id))!, '');
    const own = await secadmin.request('POST', `/api/account-requests/${id}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('ACCOUNT_REQUEST_OWN');
    expect((await secadmin.request('POST', `/api/account-requests/${id}/reject`, { note: '自己驳回' })).json().error.code).toBe('ACCOUNT_REQUEST_OWN');
  });

  it('a role change and re-enabling wait for approval; disabling and details apply at once', async () => {
    const clerk = await makeUser(t.ctx, orgId, 'unit_staff', { unitId });
    const version = () => findUser(t.ctx.db, clerk.id).then((u) => u!.version);
    const promote = await sysadmin.request('PATCH', `/api/users/${clerk.id}`, { role: 'office', displayName: '改名经办', version: await version() });
    expect(promote.statusCode, promote.body).toBe(200);
    expect(promote.json().user).toMatchObject({ role: 'unit_staff', displayName: '改名经办', pendingRequest: { kindLabel: '变更角色或所属单位' } });
    const roleRequest = promote.json().request;
    expect(roleRequest).toMatchObject({ kind: 'role', accounts: [{ roleLabel: '督查室' }] });
    // Signed in meanwhile, the clerk is still a clerk.
    const asClerk = await signInAs(t.app, clerk.username);
    expect((await asClerk.request('GET', '/api/auth/me')).json().role).toBe('unit_staff');
    await secadmin.request('POST', `/api/account-requests/${roleRequest.id}/approve`);
    expect((await findUser(t.ctx.db, clerk.id))!.role).toBe('office');
    expect((await asClerk.request('GET', '/api/auth/me')).statusCode).toBe(401);

    const disable = await sysadmin.request('PATCH', `/api/users/${clerk.id}`, { disabled: true, version: await version() });
    expect(disable.json().user.disabled).toBe(true);
    expect(disable.json().request).toBeNull();
    const enable = await sysadmin.request('PATCH', `/api/users/${clerk.id}`, { disabled: false, version: await version() });
    expect(enable.json().user.disabled).toBe(true);
    expect(enable.json().request.kind).toBe('enable');
    expect(await trySignIn(clerk.username, TEST_PASSWORD)).toBe(401);
    await secadmin.request('POST', `/api/account-requests/${enable.json().request.id}/approve`);
    expect(await trySignIn(clerk.username, TEST_PASSWORD)).toBe(200);
  });

  it('a second editor of an account does not silently overwrite the first (409, nothing saved)', async () => {
    const person = await makeUser(t.ctx, orgId, 'viewer');
    const loaded = (await findUser(t.ctx.db, person.id))!.version;
    const first = await sysadmin.request('PATCH', `/api/users/${person.id}`, { displayName: '第一人改', version: loaded });
    expect(first.statusCode).toBe(200);
    const second = await sysadmin.request('PATCH', `/api/users/${person.id}`, { displayName: '第二人改', phone: '13800000000', version: loaded });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect(second.json().error.message).toContain('他人已先修改');
    const now = (await findUser(t.ctx.db, person.id))!;
    expect([now.display_name, now.phone]).toEqual(['第一人改', null]);
    // A role change proposed against an old version is refused at approval when the account changed since.
    const role = (await sysadmin.request('PATCH', `/api/users/${person.id}`, { role: 'leader', version: now.version })).json();
    expect(role.error?.code).toBe('LEADER_REQUIRED');
    const asked = (await sysadmin.request('PATCH', `/api/users/${person.id}`, { role: 'office', version: now.version })).json().request;
    await sysadmin.request('PATCH', `/api/users/${person.id}`, { displayName: '又改名', version: now.version + 1 });
    const stale = await secadmin.request('POST', `/api/account-requests/${asked.id}/approve`);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await findUser(t.ctx.db, person.id))!.role).toBe('viewer');
  });
});
