import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Row = { id: number; seq: string; annex: { no: number }; standard: string; units: { name: string; role: string }[]; leaders: { name: string }[]; version: number };

describe('the ledger (台账)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, otherOffice: Client;
  let orgId: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    const transport = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other.id, 'office')).username);
  });
  afterAll(() => t.close());

  const list = async (client: Client, query = '') => (await client.request('GET', `/api/tasks?pageSize=500${query}`)).json() as { items: Row[]; total: number };

  it('lists all 242 tasks for the office, in printed order, and none to another organisation', async () => {
    const all = await list(office);
    expect(all.total).toBe(242);
    expect(all.items.slice(0, 2).map((r) => `${r.annex.no}/${r.seq}`)).toEqual(['1/(1)', '1/(2)']);
    expect((await list(otherOffice)).total).toBe(0);
  });

  it('finds tasks by Chinese text: 充电桩, 养老', async () => {
    for (const term of ['充电桩', '养老']) {
      const found = await list(office, `&q=${encodeURIComponent(term)}`);
      expect(found.total, term).toBeGreaterThan(0);
      for (const r of found.items) expect(JSON.stringify(r) + (await office.request('GET', `/api/tasks/${r.id}`)).body, term).toContain(term);
    }
    expect((await list(office, `&q=${encodeURIComponent('不存在的词语')}`)).total).toBe(0);
    // LIKE wildcards are searched for literally: no task text contains "_" ("_" unescaped matches anything).
    expect((await list(office, `&q=${encodeURIComponent('_')}`)).total).toBe(0);
  });

  it('filters by annex, leader and unit as lead or co-operating', async () => {
    expect((await list(office, '&annexNo=2')).total).toBe(24);
    const dingli = (await office.request('GET', '/api/leaders')).json().items.find((l: { name: string }) => l.name === '丁力').id;
    const byLeader = await list(office, `&leaderId=${dingli}`);
    expect(byLeader.total).toBeGreaterThan(10);
    expect(byLeader.items.every((r) => r.leaders.some((l) => l.name === '丁力'))).toBe(true);
    const transport = (await office.request('GET', '/api/units')).json().items.find((u: { name: string }) => u.name === '区交通运输局').id;
    const lead = await list(office, `&unitId=${transport}&unitRole=lead`);
    const co = await list(office, `&unitId=${transport}&unitRole=co`);
    expect(lead.items.every((r) => r.units[0]!.name === '区交通运输局')).toBe(true);
    expect(co.items.every((r) => r.units.slice(1).some((u) => u.name === '区交通运输局'))).toBe(true);
    expect((await list(office, `&unitId=${transport}`)).total).toBe(lead.total + co.total);
  });

  it("shows a unit clerk only the unit's tasks, and refuses another unit's task", async () => {
    const mine = await list(clerk);
    expect(mine.total).toBeGreaterThan(5);
    expect(mine.items.every((r) => r.units.some((u) => u.name === '区交通运输局'))).toBe(true);
    const notMine = (await list(office)).items.find((r) => !r.units.some((u) => u.name === '区交通运输局'))!;
    expect((await clerk.request('GET', `/api/tasks/${notMine.id}`)).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
    expect((await clerk.request('GET', `/api/tasks/${mine.items[0]!.id}`)).statusCode).toBe(200);
  });

  it('shows a task page with standard, units by role, indicators and links', async () => {
    const gdp = (await list(office, '&annexNo=1')).items[0]!;
    const page = (await office.request('GET', `/api/tasks/${gdp.id}`)).json();
    expect(page.task).toMatchObject({ seq: '(1)', units: [{ name: '区发改局', role: 'lead' }], leaders: [{ name: '李先勇' }] });
    expect(page.indicators).toEqual([expect.objectContaining({ name: '地区生产总值增长', target: 6, unit: '%', qualifier: '左右', actuals: [] })]);
    expect(page.links.length).toBeGreaterThan(0); // A1(1) ↔ A2-1
  });

  it('lets the office edit a task, audited and versioned, refusing a stale edit and a clerk', async () => {
    const row = (await list(office, '&annexNo=1')).items[1]!;
    const units = (await office.request('GET', '/api/units')).json().items as { id: number; name: string }[];
    const finance = units.find((u) => u.name === '区财政局')!.id;
    const tax = units.find((u) => u.name === '区发改局')!.id;
    const edited = await office.request('PATCH', `/api/tasks/${row.id}`, { version: row.version, standard: '地方一般公共预算收入增长5.5%左右。', unitIds: [finance, tax] });
    expect(edited.json()).toEqual({ version: row.version + 1 });
    const stale = await office.request('PATCH', `/api/tasks/${row.id}`, { version: row.version, standard: '旧版本上的修改' });
    expect(stale.json().error.code).toBe('EDIT_CONFLICT');
    expect((await clerk.request('PATCH', `/api/tasks/${row.id}`, { version: row.version + 1, standard: 'x' })).statusCode).toBe(403);
    const page = (await office.request('GET', `/api/tasks/${row.id}`)).json();
    expect(page.task.units.map((u: { name: string; role: string }) => `${u.name}:${u.role}`)).toEqual(['区财政局:lead', '区发改局:co']);
    expect(page.history[0]).toMatchObject({ action: 'task.update', after: { standard: '地方一般公共预算收入增长5.5%左右。' } });
    // Nothing was reported against the task yet, so its indicators follow the new text (server/ledger/task-indicators.ts);
    // once actuals exist, a target changes only through a target adjustment.
    expect(page.indicators[0]).toMatchObject({ name: '地方一般公共预算收入增长', target: 5.5, unit: '%' });
  });
});
