import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';
import { makeNoticeWithPeriod } from './test-support';

/**
 * 批量催办 through the real route on a real database (both engines): one urge per unit however the
 * units are named and however often the same confirmation is sent, units that reported skipped and
 * counted, every urge notified and audited, nothing written for a refused batch, and the tallies
 * the rows show.
 */
describe('bulk urge', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, otherOffice: Client;
  let orgId: number, periodId: number;
  let units: Record<'jtj' | 'jyj' | 'fgj' | 'mzj' | 'none', number>;
  let foreignUnit: number;
  let n = 0;
  const key = () => `test-bulk-urge-${Date.now()}-${++n}`.padEnd(20, '0');
  const urgesOf = async (unitId: number) =>
    t.ctx.db.selectFrom('urges').selectAll().where('period_id', '=', periodId).where('unit_id', '=', unitId).execute();
  const count = async (table: 'urges' | 'audit_log' | 'notifications') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-24' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    units = {
      jtj: (await makeUnit(t.ctx, orgId, { name: '区交通运输局' })).id,
      jyj: (await makeUnit(t.ctx, orgId, { name: '区教育局' })).id,
      fgj: (await makeUnit(t.ctx, orgId, { name: '区发改局' })).id,
      mzj: (await makeUnit(t.ctx, orgId, { name: '区民政局' })).id,
      none: (await makeUnit(t.ctx, orgId, { name: '区档案馆' })).id, // responsible for nothing
    };
    const leader = (await makeLeader(t.ctx, orgId, '丁力')).id;
    ({ periodId } = await makeNoticeWithPeriod(t.ctx, orgId, {
      deadline: '2024-07-01',
      tasks: [{ unitIds: [units.jtj, units.jyj], leaderIds: [leader] }, { unitIds: [units.fgj, units.mzj], leaderIds: [leader] }],
    }));
    // 区教育局's report reached the office (its head approved it): nothing to urge.
    await t.ctx.db
      .insertInto('unit_reports')
      .values({ org_id: orgId, period_id: periodId, unit_id: units.jyj, state: 'submitted', first_reached_on: '2024-06-20', updated_at: new Date().toISOString() })
      .execute();
    const users = {
      office: await makeUser(t.ctx, orgId, 'office'),
      clerk: await makeUser(t.ctx, orgId, 'unit_staff', { unitId: units.jtj }),
    };
    for (const u of Object.values(units)) await makeUser(t.ctx, orgId, 'unit_staff', { unitId: u });
    office = await signInAs(t.app, users.office.username);
    clerk = await signInAs(t.app, users.clerk.username);
    const other = (await makeOrg(t.ctx, { name: '黄陂区' })).id;
    foreignUnit = (await makeUnit(t.ctx, other, { name: '区交通运输局' })).id;
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other, 'office')).username);
  });
  afterAll(async () => t?.close());

  it('urges each named unit exactly once, skips the one that reported and counts it', async () => {
    const audits = await count('audit_log');
    const res = await office.request('POST', `/api/periods/${periodId}/urges`, {
      // 区交通运输局 named twice; 区教育局 reported.
      unitIds: [units.jtj, units.jyj, units.fgj, units.jtj],
      message: '请抓紧报送2024年第二季度责任事项完成情况。',
      requestKey: key(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.urged.map((u: { unitName: string }) => u.unitName)).toEqual(['区交通运输局', '区发改局']);
    expect(body.skipped).toEqual([{ unitId: units.jyj, unitName: '区教育局', reason: expect.stringContaining('已报送督查室') }]);
    expect(body.alreadyUrged).toEqual([]);
    expect((await urgesOf(units.jtj)).length).toBe(1);
    expect((await urgesOf(units.fgj)).length).toBe(1);
    expect((await urgesOf(units.jyj)).length).toBe(0);
    expect((await urgesOf(units.jtj))[0]).toMatchObject({ mode: 'manual', business_date: '2024-06-24', message: '请抓紧报送2024年第二季度责任事项完成情况。' });
    // Each unit's people told in the app; one audit entry per urge.
    const notes = await t.ctx.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['users.unit_id', 'notifications.kind']).where('notifications.kind', '=', 'urge.manual').execute();
    expect(notes.map((x) => x.unit_id).sort()).toEqual([units.jtj, units.jtj, units.fgj].sort());
    expect(body.notified).toBe(3);
    expect((await count('audit_log')) - audits).toBe(2);
    const entries = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'urge.create').execute();
    expect(entries.map((e) => e.entity_id).sort()).toEqual(body.urged.map((u: { urgeId: number }) => String(u.urgeId)).sort());
  });

  it('the same request sent twice at the same moment urges each unit once', async () => {
    const requestKey = key();
    const before = { mzj: (await urgesOf(units.mzj)).length, fgj: (await urgesOf(units.fgj)).length };
    const send = () => office.request('POST', `/api/periods/${periodId}/urges`, { unitIds: [units.mzj, units.fgj], message: '请尽快报送。', requestKey });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode], a.body + b.body).toEqual([200, 200]);
    expect((await urgesOf(units.mzj)).length - before.mzj).toBe(1);
    expect((await urgesOf(units.fgj)).length - before.fgj).toBe(1);
    // Between them the two answers say each unit was urged once and, by the other, already.
    const urged = [...a.json().urged, ...b.json().urged].map((u: { unitId: number }) => u.unitId).sort();
    const already = [...a.json().alreadyUrged, ...b.json().alreadyUrged].map((u: { unitId: number }) => u.unitId).sort();
    expect(urged).toEqual([units.mzj, units.fgj].sort());
    expect(already).toEqual([units.mzj, units.fgj].sort());
    // And sent a third time, later: still nothing new.
    const again = await send();
    expect(again.json()).toMatchObject({ urged: [], alreadyUrged: [{ unitId: units.fgj }, { unitId: units.mzj }].sort((x, y) => x.unitId - y.unitId) });
    expect((await urgesOf(units.mzj)).length - before.mzj).toBe(1);
  });

  it('a new confirmation urges again; the tallies count every urge with the last business day', async () => {
    await office.request('POST', `/api/periods/${periodId}/urges`, { unitIds: [units.jtj], message: '第二次催办。', requestKey: key() });
    // One by hand, through the single route: counted too.
    await office.request('POST', `/api/periods/${periodId}/units/${units.jtj}/urge`, { message: '第三次催办。' });
    const res = await office.request('GET', `/api/periods/${periodId}/urges`);
    expect(res.statusCode).toBe(200);
    const tally = new Map(res.json().units.map((u: { unitId: number }) => [u.unitId, u]));
    expect(tally.get(units.jtj)).toEqual({ unitId: units.jtj, count: 3, manual: 3, auto: 0, lastOn: '2024-06-24' });
    expect(tally.get(units.fgj)).toMatchObject({ count: 2 });
    expect(tally.has(units.jyj)).toBe(false);
  });

  it('refuses a unit that is not responsible or not of the organisation, writing nothing', async () => {
    const before = { urges: await count('urges'), audit: await count('audit_log'), notes: await count('notifications') };
    const notResponsible = await office.request('POST', `/api/periods/${periodId}/urges`, { unitIds: [units.mzj, units.none], message: '催', requestKey: key() });
    expect(notResponsible.statusCode).toBe(403);
    expect(notResponsible.json().error.code).toBe('REPORT_NOT_RESPONSIBLE');
    expect(notResponsible.json().error.message).toContain('区档案馆');
    const foreign = await office.request('POST', `/api/periods/${periodId}/urges`, { unitIds: [units.mzj, foreignUnit], message: '催', requestKey: key() });
    expect(foreign.statusCode).toBe(404);
    expect(await count('urges')).toBe(before.urges);
    expect(await count('audit_log')).toBe(before.audit);
    expect(await count('notifications')).toBe(before.notes);
  });

  it('is the office’s own: a clerk and another district’s office are refused', async () => {
    const body = { unitIds: [units.mzj], message: '催', requestKey: key() };
    expect((await clerk.request('POST', `/api/periods/${periodId}/urges`, body)).statusCode).toBe(403);
    expect((await clerk.request('GET', `/api/periods/${periodId}/urges`)).statusCode).toBe(403);
    expect([403, 404]).toContain((await otherOffice.request('POST', `/api/periods/${periodId}/urges`, body)).statusCode);
    expect([403, 404]).toContain((await otherOffice.request('GET', `/api/periods/${periodId}/urges`)).statusCode);
    expect((await office.request('POST', `/api/periods/${periodId}/urges`, { ...body, requestKey: 'short' })).statusCode).toBe(400);
    expect((await office.request('POST', `/api/periods/${periodId}/urges`, { ...body, unitIds: [] })).statusCode).toBe(400);
  });
});
