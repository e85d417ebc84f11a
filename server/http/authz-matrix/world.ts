import { expect } from 'vitest';
import { ROLES, type Role } from '../../../core/roles';
import { buildWorld, MARKER, reportPiles, taskIdOf, type World } from '../../levels/test-world';
import { signInAs, type Client } from '../../test/app';
import { systemActor } from '../../audit/actor';
import { proposeCreate } from '../../directory/account-requests.service';
import { makeUnit, makeUser, TEST_PASSWORD } from '../../test/factories';
import type { Records } from './declarations';

/**
 * The levels test world (server/levels/test-world.ts) with one record of every kind the routes
 * take an id of, in three places: district 乙区's unit 区发改局 (where the eight actors sit — its
 * unit roles belong to that unit), 乙区's other unit 区市场监管局, and the sibling district 甲区.
 * 区市场监管局's words carry OTHER_UNIT_MARKER, 甲区's carry test-world's MARKER.
 */
export const OTHER_UNIT_MARKER = 'QX9乙区市监独有';

export type MatrixWorld = World & {
  actors: Record<Role, Client>;
  /** The city's office and viewer: the level above both districts. */
  cityActors: { role: Role; client: Client }[];
  records: { own: Records; otherUnit: Records; sibling: Records };
  /** A new session of the same person, for the calls that end the session they are made with. */
  signInFresh: (caller: 'district' | 'city', role: Role) => Promise<Client>;
  /** 甲区's person whose notification the 'self' routes aim at; it must stay unread. */
  siblingNotification: number;
};

export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const w = await buildWorld();
  const { ctx } = w;
  const db = ctx.db;
  const { a, b } = w.orgs;
  const unitOf = async (orgId: number, name: string) =>
    (
      await db
        .selectFrom('units')
        .select('id')
        .where('org_id', '=', orgId)
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;
  const taskOf = (orgId: number, annexNo: number, seq: string) => taskIdOf(ctx, orgId, annexNo, seq);
  const firstIndicator = async (taskId: number) =>
    (
      await db
        .selectFrom('indicators')
        .select('id')
        .where('task_id', '=', taskId)
        .orderBy('position')
        .executeTakeFirstOrThrow()
    ).id;
  const firstLeader = async (orgId: number) =>
    (await db.selectFrom('leaders').select('id').where('org_id', '=', orgId).orderBy('id').executeTakeFirstOrThrow())
      .id;
  const q2 = async (orgId: number) =>
    (
      await db
        .selectFrom('periods')
        .select('id')
        .where('org_id', '=', orgId)
        .where('position', '=', 1)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const reportOf = async (orgId: number, unitId: number) =>
    (
      await db
        .selectFrom('unit_reports')
        .select('id')
        .where('org_id', '=', orgId)
        .where('unit_id', '=', unitId)
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
  const evidenceOf = async (reportId: number) =>
    (
      await db
        .selectFrom('evidence_files')
        .innerJoin('task_progress', 'task_progress.id', 'evidence_files.progress_id')
        .select('evidence_files.id')
        .where('task_progress.report_id', '=', reportId)
        .executeTakeFirstOrThrow()
    ).id;

  const bDev = w.ids.b.dev;
  const bMarket = await unitOf(b.id, '区市场监管局');
  const aDev = await unitOf(a.id, '区发改局');
  const bTask2 = await taskOf(b.id, 1, '(2)');

  // 区市场监管局 of 乙区 reports on its own task, with the marker in its words and its file name.
  await reportPiles(ctx, b.id, bMarket, bTask2, '2024-07-01', {
    narrative: `已新增1500户，${OTHER_UNIT_MARKER}`,
    actual: 1500,
    evidenceName: `${OTHER_UNIT_MARKER}.pdf`,
  });

  const actors = {} as Record<Role, Client>;
  for (const role of ROLES)
    actors[role] = w.users[`b:${role}`]!;
  const usernameOf = async (orgId: number, role: Role) =>
    (
      await db
        .selectFrom('users')
        .innerJoin('sessions', 'sessions.user_id', 'users.id')
        .select('users.username')
        .where('users.org_id', '=', orgId)
        .where('users.role', '=', role)
        .executeTakeFirstOrThrow()
    ).username;
  const usernames = new Map<string, string>();
  for (const role of Object.keys(actors) as Role[]) usernames.set(`district:${role}`, await usernameOf(b.id, role));
  for (const role of ['office', 'viewer'] as const)
    usernames.set(`city:${role}`, await usernameOf(w.orgs.city.id, role));
  const sign = async (orgId: number, role: Role, unitId?: number) =>
    signInAs(w.t.app, (await makeUser(ctx, orgId, role, { unitId })).username);
  const bMarketStaff = await sign(b.id, 'unit_staff', bMarket);
  const aDevStaff = await sign(a.id, 'unit_staff', aDev);
  // Accounts the users routes change (never one whose session the matrix uses).
  const bTargetUser = (await makeUser(ctx, b.id, 'unit_staff', { unitId: bDev })).id;
  const aTargetUser = (await makeUser(ctx, a.id, 'unit_staff', { unitId: aDev })).id;

  // Per district, a pending 账号变更申请 by a system administrator of its own (not a matrix session).
  const accountRequestOf = async (orgId: number, unitId: number, name: string) => {
    const proposer = await makeUser(ctx, orgId, 'sysadmin');
    const actor = { ...systemActor(), userId: proposer.id, name: '矩阵系统管理员', orgId, role: 'sysadmin' as const };
    return proposeCreate(ctx, actor, orgId, { username: name, displayName: '矩阵申请', role: 'unit_staff', unitId, leaderId: null }, '');
  };
  const accountRequest = { own: await accountRequestOf(b.id, bDev, 'matrix.request.own'), sibling: await accountRequestOf(a.id, aDev, 'matrix.request.sibling') };

  const ok = async (
    res: Promise<{ statusCode: number; body: string; json: () => { id: number; version?: number } }>,
  ) => {
    const r = await res;
    expect(r.statusCode, r.body).toBeLessThan(300);
    return r.json();
  };
  const piles = { own: w.ids.b.piles, otherUnit: bTask2, sibling: w.ids.a.piles };

  // Coordination requests and target adjustments raised by each of the three units.
  const raise = (c: Client, taskId: number, text: string) =>
    ok(c.request('POST', `/api/tasks/${taskId}/coordination`, { problem: text }));
  const propose = async (c: Client, taskId: number, text: string) =>
    ok(
      c.request('POST', `/api/tasks/${taskId}/adjustments`, {
        indicatorId: await firstIndicator(taskId),
        afterValue: 1,
        reason: text,
      }),
    );
  const coordination = {
    own: (await raise(actors.unit_staff, piles.own, '需要协调用地')).id,
    otherUnit: (await raise(bMarketStaff, piles.otherUnit, `需要协调${OTHER_UNIT_MARKER}`)).id,
    sibling: (await raise(aDevStaff, piles.sibling, `需要协调${MARKER}`)).id,
  };
  const adjustment = {
    own: (await propose(actors.unit_staff, piles.own, '调整目标')).id,
    otherUnit: (await propose(bMarketStaff, piles.otherUnit, `调整${OTHER_UNIT_MARKER}`)).id,
    sibling: (await propose(aDevStaff, piles.sibling, `调整${MARKER}`)).id,
  };

  // Per district: a published bulletin, an assessment run and a veto, made by its office.
  const office = { own: actors.office, sibling: w.users.aOffice };
  const orgIds = { own: b.id, sibling: a.id };
  const devUnits = { own: bDev, sibling: aDev };
  const perOrg = {} as Record<'own' | 'sibling', { period: number; bulletin: number; run: number; veto: number }>;
  for (const side of ['own', 'sibling'] as const) {
    const period = await q2(orgIds[side]);
    const draft = await ok(office[side].request('POST', '/api/bulletins', { periodId: period }));
    await ok(office[side].request('POST', `/api/bulletins/${draft.id}/publish`, { version: draft.version }));
    const run = await office[side].request('POST', '/api/assessment/runs', { periodId: period });
    expect(run.statusCode, run.body).toBe(200);
    await ok(
      office[side].request('POST', '/api/assessment/vetoes', {
        year: 2024,
        unitId: devUnits[side],
        reason: '一票否决',
      }),
    );
    const veto = await db
      .selectFrom('assessment_vetoes')
      .select('id')
      .where('org_id', '=', orgIds[side])
      .executeTakeFirstOrThrow();
    perOrg[side] = { period, bulletin: draft.id, run: run.json().run.id, veto: veto.id };
  }

  // Per district, a co-operating unit that has not reported Q2: the one urges are for (a unit
  // whose report reached the office is not urged: core/reporting/standing.ts).
  const silentUnit = async (orgId: number, taskId: number) => {
    const unit = await makeUnit(w.t.ctx, orgId, { name: '区催办测试局' });
    await db.insertInto('task_units').values({ org_id: orgId, task_id: taskId, unit_id: unit.id, role: 'co', printed: '区催办测试局', note: null, position: 9 }).execute();
    return unit.id;
  };
  const urgeUnits = { own: await silentUnit(b.id, w.ids.b.piles), sibling: await silentUnit(a.id, w.ids.a.piles) };

  // 甲区's unit gets a notification (an urge); the 'self' routes must not touch it.
  await ok(
    w.users.aOffice.request('POST', `/api/periods/${perOrg.sibling.period}/units/${urgeUnits.sibling}/urge`, {
      message: '请尽快报送',
    }),
  );
  const aStaffId = (
    await db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', a.id)
      .where('role', '=', 'unit_staff')
      .executeTakeFirstOrThrow()
  ).id;
  const siblingNotification = (
    await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', aStaffId)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

  // The own unit's report is a draft of the next quarter, so that a write through it would succeed
  // (and a foreign task named in it is refused on its own merits, not for the report's state).
  const q3 = (
    await db
      .selectFrom('periods')
      .select('id')
      .where('org_id', '=', b.id)
      .where('position', '=', 2)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;
  // Q3 opens by itself once Q2 is due; open it by hand if the schedule has not yet.
  const q3Status = (await db.selectFrom('periods').select('status').where('id', '=', q3).executeTakeFirstOrThrow()).status;
  if (q3Status !== 'open') await ok(actors.office.request('POST', `/api/periods/${q3}/open`));
  const bDevDraft = (
    (await ok(actors.unit_staff.request('POST', `/api/periods/${q3}/reports/mine`))) as unknown as {
      report: { id: number };
    }
  ).report.id;
  const bDevReport = await reportOf(b.id, bDev);
  const bMarketReport = await reportOf(b.id, bMarket);
  const aReport = w.ids.aReport.reportId;
  const common = (side: 'own' | 'sibling') => ({
    org: orgIds[side],
    urgeUnit: urgeUnits[side],
    notice: side === 'own' ? w.ids.b.noticeId : w.ids.a.noticeId,
    ...perOrg[side],
    notification: siblingNotification,
    accountRequest: accountRequest[side],
  });
  const records = {
    own: {
      ...common('own'),
      leader: await firstLeader(b.id),
      user: bTargetUser,
      unit: bDev,
      task: piles.own,
      indicator: await firstIndicator(piles.own),
      report: bDevDraft,
      evidence: await evidenceOf(bDevReport),
      coordination: coordination.own,
      adjustment: adjustment.own,
    },
    otherUnit: {
      ...common('own'),
      leader: await firstLeader(b.id),
      user: bTargetUser,
      unit: bMarket,
      task: piles.otherUnit,
      indicator: await firstIndicator(piles.otherUnit),
      report: bMarketReport,
      evidence: await evidenceOf(bMarketReport),
      coordination: coordination.otherUnit,
      adjustment: adjustment.otherUnit,
    },
    sibling: {
      ...common('sibling'),
      leader: await firstLeader(a.id),
      user: aTargetUser,
      unit: aDev,
      task: piles.sibling,
      indicator: await firstIndicator(piles.sibling),
      report: aReport,
      evidence: await evidenceOf(aReport),
      coordination: coordination.sibling,
      adjustment: adjustment.sibling,
    },
  } satisfies MatrixWorld['records'];

  return {
    ...w,
    actors,
    cityActors: [
      { role: 'office', client: w.users.cityOffice },
      { role: 'viewer', client: w.users.cityLeader },
    ],
    records,
    signInFresh: (caller, role) => signInAs(w.t.app, usernames.get(`${caller}:${role}`)!, TEST_PASSWORD),
    siblingNotification,
  };
}
