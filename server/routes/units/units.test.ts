import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUnit, makeUser } from '../../test/factories';

describe('units directory', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let staff: Client;
  let unitId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx);
    unitId = (await makeUnit(t.ctx, org.id, { name: '区供销联社', aliases: ['区供销社'] })).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    staff = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId })).username);
  });
  afterAll(() => t.close());

  it('lists units with their aliases, and a unit with its people', async () => {
    const list = (await office.request('GET', '/api/units')).json().items;
    expect(list).toEqual([{ id: unitId, name: '区供销联社', aliases: ['区供销社'], version: 1 }]);
    const detail = (await staff.request('GET', `/api/units/${unitId}`)).json().unit;
    expect(detail.people).toEqual([expect.objectContaining({ role: 'unit_staff', roleLabel: '单位经办人' })]);
  });

  it('lets the office add and rename units, keeping every name and alias unique', async () => {
    const created = await office.request('POST', '/api/units', { name: '  区文化和旅游局 ', aliases: ['区文化和旅游发展局', '区文化和旅游局'] });
    expect(created.statusCode).toBe(200);
    // Trimmed, and the unit's own name is not kept as its alias.
    expect(created.json().unit).toMatchObject({ name: '区文化和旅游局', aliases: ['区文化和旅游发展局'] });
    const clash = await office.request('POST', '/api/units', { name: '区供销社' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toMatch(/区供销社/);
    const renamed = await office.request('PATCH', `/api/units/${unitId}`, { name: '区供销合作社联合社', version: 1 });
    expect(renamed.json().unit).toMatchObject({ name: '区供销合作社联合社', aliases: ['区供销社'], version: 2 });
  });

  it('answers 404 for a unit that does not exist and 400 for a bad id', async () => {
    expect((await office.request('GET', '/api/units/999999')).json().error.code).toBe('NOT_FOUND');
    expect((await office.request('GET', '/api/units/abc')).statusCode).toBe(400);
  });
});
