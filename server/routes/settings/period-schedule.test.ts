import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const URL = '/api/settings/period-schedule';

type Row = {
  label: string;
  status: string;
  statusSetBy: string;
  effectiveDeadline: string;
  pastAtImport: boolean;
  opensOn: string | null;
  closesOn: string;
  autoOpens: boolean;
};
type View = {
  settings: Record<string, unknown>;
  version: number;
  today: string;
  periods: Row[];
  changed?: { label: string; to: string }[];
};

/** 报送期自动开启/关闭 over HTTP, on the seed notice with the business day 2024-06-25 (Q2 due 07-01, Q3's 10-01 is National Day). */
describe('period schedule settings', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client;
  let clerk: Client;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    const unitId = (await makeUnit(t.ctx, orgId)).id;
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId })).username);
  });
  afterAll(() => t.close());

  it('shows the default setting and the days it gives each period: Q1 past at import only by hand, Q2 from import, Q3 the day after Q2’s deadline', async () => {
    const res = await office.request('GET', URL);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<View>();
    expect(v.today).toBe('2024-06-25');
    expect(v.settings).toEqual({
      autoOpen: true,
      openDaysAfterPreviousDeadline: 1,
      autoClose: true,
      closeDaysAfterDeadline: 15,
    });
    expect(
      v.periods.map((p) => [p.label, p.pastAtImport, p.opensOn, p.closesOn, p.autoOpens, p.effectiveDeadline]),
    ).toEqual([
      ['2024年第一季度', true, null, '2024-04-16', false, '2024-04-01'],
      ['2024年第二季度', false, null, '2024-07-16', true, '2024-07-01'],
      // 10月1日 is National Day: the deadline in force is 10月8日, and Q3 closes 15 days after it.
      ['2024年第三季度', false, '2024-07-02', '2024-10-23', true, '2024-10-08'],
      ['2024年全年', false, '2024-10-09', '2025-01-17', true, '2025-01-02'],
    ]);
    // A clerk reads it too (lateness and opening days concern the units), but may not change it.
    expect((await clerk.request('GET', URL)).statusCode).toBe(200);
    expect((await clerk.request('PUT', URL, { ...v.settings, version: v.version })).statusCode).toBe(403);
  });

  it('refuses values out of range', async () => {
    const bad = await office.request('PUT', URL, {
      autoOpen: true,
      openDaysAfterPreviousDeadline: -1,
      autoClose: true,
      closeDaysAfterDeadline: 15,
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(
      (
        await office.request('PUT', URL, {
          autoOpen: true,
          openDaysAfterPreviousDeadline: 1,
          autoClose: true,
          closeDaysAfterDeadline: 181,
          version: 0,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('saves a change (audited): a later opening day and closing day move the periods’ days', async () => {
    const res = await office.request('PUT', URL, {
      autoOpen: true,
      openDaysAfterPreviousDeadline: 3,
      autoClose: true,
      closeDaysAfterDeadline: 10,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json<View>();
    expect(v.settings).toEqual({
      autoOpen: true,
      openDaysAfterPreviousDeadline: 3,
      autoClose: true,
      closeDaysAfterDeadline: 10,
    });
    expect(v.changed).toEqual([]);
    // Q2 opened at import; Q1 was past at import, so only the office opens it.
    expect(v.periods.map((p) => [p.label, p.status, p.opensOn, p.closesOn])).toEqual([
      ['2024年第一季度', 'planned', null, '2024-04-11'],
      ['2024年第二季度', 'open', null, '2024-07-11'],
      ['2024年第三季度', 'planned', '2024-07-04', '2024-10-18'],
      ['2024年全年', 'planned', '2024-10-11', '2025-01-12'],
    ]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('org_id', '=', orgId)
      .where('action', '=', 'setting.update')
      .execute();
    expect(audit).toEqual([{ action: 'setting.update', entity_id: 'periodSchedule' }]);
    expect((await clerk.request('GET', URL)).json<View>().settings).toEqual(v.settings);
  });

  it('applies a change at once: with automatic opening off at import Q2 waits for the office; turning it on opens Q2 there and then', async () => {
    const otherOrg = (await makeOrg(t.ctx, { name: '黄陂区' })).id;
    const otherOffice = await signInAs(t.app, (await makeUser(t.ctx, otherOrg, 'office')).username);
    const off = { autoOpen: false, openDaysAfterPreviousDeadline: 1, autoClose: true, closeDaysAfterDeadline: 15 };
    expect((await otherOffice.request('PUT', URL, { ...off, version: 0 })).json<View>().changed).toEqual([]);
    await importNotice(t.ctx, systemActor('test'), otherOrg, { fileName: 'seed.txt', content: seed });
    expect(
      (await otherOffice.request('GET', URL)).json<View>().periods.find((p) => p.label === '2024年第二季度'),
    ).toMatchObject({ status: 'planned' });

    const on = (await otherOffice.request('PUT', URL, { ...off, autoOpen: true, version: 1 })).json<View>();
    expect(on.changed).toEqual([expect.objectContaining({ label: '2024年第二季度', to: 'open' })]);
    expect(on.periods.find((p) => p.label === '2024年第二季度')).toMatchObject({ status: 'open', statusSetBy: 'auto' });
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', otherOrg)
      .where('action', 'in', ['setting.update', 'period.auto_open'])
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['setting.update', 'setting.update', 'period.auto_open']);
    // Saving again finds nothing more to do; the first district is untouched.
    expect((await otherOffice.request('PUT', URL, { ...on.settings, version: on.version })).json<View>().changed).toEqual([]);
    expect((await office.request('GET', URL)).json<View>().settings).toMatchObject({
      openDaysAfterPreviousDeadline: 3,
    });
  });
});
