import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

describe('GET /api/notices/:id/ledger.xlsx', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let noticeId: number;
  let office: Client, leader: Client, viewer: Client, clerk: Client, head: Client, otherOffice: Client;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    noticeId = (await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed })).noticeId;
    const unit = await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区发改局').executeTakeFirstOrThrow();
    const leaderId = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', orgId).where('name', '=', '李先勇').executeTakeFirstOrThrow()).id;
    const sign = async (o: number, role: Parameters<typeof makeUser>[2], input: Parameters<typeof makeUser>[3] = {}) => signInAs(t.app, (await makeUser(t.ctx, o, role, input)).username);
    office = await sign(orgId, 'office');
    leader = await sign(orgId, 'leader', { leaderId });
    viewer = await sign(orgId, 'viewer');
    clerk = await sign(orgId, 'unit_staff', { unitId: unit.id });
    head = await sign(orgId, 'unit_head', { unitId: unit.id });
    otherOffice = await sign(other.id, 'office');
  });
  afterAll(() => t.close());

  const url = () => `/api/notices/${noticeId}/ledger.xlsx`;

  it('gives the office the workbook under the notice’s Chinese file name', async () => {
    const res = await office.request('GET', url());
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('新政办〔2024〕1号-责任分解台账.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['通知', '附件1', '附件2', '附件3', '附件4', '附件5']);
  });

  it('lets leaders and viewers export too', async () => {
    expect((await leader.request('GET', url())).statusCode).toBe(200);
    expect((await viewer.request('GET', url())).statusCode).toBe(200);
  });

  it('refuses a unit’s people (the whole ledger is not theirs) and another organisation', async () => {
    for (const c of [clerk, head]) {
      const res = await c.request('GET', url());
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    const other = await otherOffice.request('GET', url());
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN_OTHER_ORG');
  });

  it('answers 404 for a notice that does not exist, and 401 without a session', async () => {
    expect((await office.request('GET', '/api/notices/999999/ledger.xlsx')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
  });
});
