import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../../test/factories';

describe('users (sysadmin)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let admin: Client;
  let unitId: number;
  let otherOrgUnitId: number;
  let leaderId: number;
  let secadmin: Client;
  /** The security administrator approves a request (issue 17, finding 4); answers its delivery. */
  const approve = async (res: { json: () => { request: { id: number } } }) => {
    const approved = await secadmin.request('POST', `/api/account-requests/${res.json().request.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    return approved.json().delivery;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx);
    const other = await makeOrg(t.ctx);
    unitId = (await makeUnit(t.ctx, org.id, { name: '区教育局' })).id;
    otherOrgUnitId = (await makeUnit(t.ctx, other.id)).id;
    leaderId = (await makeLeader(t.ctx, org.id, '张晓茵')).id;
    admin = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'sysadmin')).username);
    secadmin = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'secadmin')).username);
  });
  afterAll(() => t.close());

  it('creates (once approved) a unit clerk who must change the initial password', async () => {
    const res = await admin.request('POST', '/api/users', {
      username: 'jyj.clerk',
      displayName: '黄丽',
      role: 'unit_staff',
      unitId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().request.accounts).toEqual([
      { username: 'jyj.clerk', displayName: '黄丽', role: 'unit_staff', roleLabel: '单位经办人', unitName: '区教育局', leaderName: null, phone: null },
    ]);
    const delivery = await approve(res);
    const listed = (await admin.request('GET', '/api/users')).json().items.find((u: { username: string }) => u.username === 'jyj.clerk');
    expect(listed).toMatchObject({ roleLabel: '单位经办人', unit: { id: unitId, name: '区教育局' }, disabled: false, version: 1, pendingRequest: null });
    const clerk = await signInAs(t.app, 'jyj.clerk', delivery.accounts[0].initialPassword);
    expect((await clerk.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
  });

  it('requires a unit of the same organisation for unit roles, and a leader for leaders', async () => {
    const noUnit = await admin.request('POST', '/api/users', { username: 'a1', displayName: '甲', role: 'unit_head' });
    expect(noUnit.json().error.code).toBe('UNIT_REQUIRED');
    const foreign = await admin.request('POST', '/api/users', {
      username: 'a2',
      displayName: '乙',
      role: 'unit_head',
      unitId: otherOrgUnitId,
    });
    expect(foreign.json().error.code).toBe('UNIT_REQUIRED');
    const noLeader = await admin.request('POST', '/api/users', { username: 'a3', displayName: '丙', role: 'leader' });
    expect(noLeader.json().error.code).toBe('LEADER_REQUIRED');
    const ok = await admin.request('POST', '/api/users', { username: 'zxy', displayName: '张晓茵', role: 'leader', leaderId });
    expect(ok.json().request.accounts[0].leaderName).toBe('张晓茵');
  });

  it('refuses taken usernames and malformed input with clear codes', async () => {
    const taken = await admin.request('POST', '/api/users', { username: 'jyj.clerk', displayName: '重', role: 'office' });
    expect(taken.statusCode).toBe(409);
    const bad = await admin.request('POST', '/api/users', { username: 'Bad Name!', displayName: '', role: 'king', password: 'x' });
    expect(bad.statusCode).toBe(400);
    const body = bad.json().error;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.fields)).toEqual(expect.arrayContaining(['username', 'displayName', 'role']));
  });

  it('resets a password once approved: sessions end and the person must choose a new one', async () => {
    const user = await makeUser(t.ctx, (await t.ctx.db.selectFrom('users').select('org_id').where('username', '=', 'jyj.clerk').executeTakeFirstOrThrow()).org_id, 'office');
    const victim = await signInAs(t.app, user.username);
    const reset = await admin.request('POST', `/api/users/${user.id}/reset-password`, {});
    expect(reset.statusCode).toBe(200);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const delivery = await approve(reset);
    expect((await victim.request('GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await signInAs(t.app, user.username, delivery.accounts[0].initialPassword);
    expect((await again.request('GET', '/api/auth/me')).json().mustChangePassword).toBe(true);
  });
});
