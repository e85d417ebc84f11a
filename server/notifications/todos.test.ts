import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { importNotice } from '../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));

type Todo = { kind: string; title: string; detail: string; link: string };

/** A clerk's 待办 for a report the office returned: with the date to resubmit by, even after its period closed. */
describe('the clerk’s to-do for a returned report', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, head: Client;
  let q1: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unitId = (
      await t.ctx.db
        .selectFrom('units')
        .select('id')
        .where('org_id', '=', org.id)
        .where('name', '=', '区交通运输局')
        .executeTakeFirstOrThrow()
    ).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId })).username);
    q1 = (await office.request('GET', '/api/periods'))
      .json<{ items: { id: number; label: string }[] }>()
      .items.find((p) => p.label === '2024年第一季度')!.id;
  });
  afterAll(() => t.close());

  it('names the date in an open period and keeps the report listed once its period is closed', async () => {
    expect((await office.request('POST', `/api/periods/${q1}/open`)).statusCode).toBe(200);
    let report = (await clerk.request('POST', `/api/periods/${q1}/reports/mine`)).json<{
      report: { id: number; version: number };
    }>().report;
    await fillBlankEntries(t.ctx.db, report.id);
    report = (await clerk.request('POST', `/api/reports/${report.id}/submit`, { version: report.version })).json()
      .report;
    report = (await head.request('POST', `/api/reports/${report.id}/approve`, { version: report.version })).json()
      .report;
    const returned = await office.request('POST', `/api/reports/${report.id}/office-return`, {
      version: report.version,
      reason: '请补充数据',
      resubmitBy: '2024-06-28',
    });
    expect(returned.statusCode, returned.body).toBe(200);

    const todo = (await clerk.request('GET', '/api/todos'))
      .json<{ items: Todo[] }>()
      .items.filter((x) => x.title.includes('第一季度'));
    expect(todo).toEqual([
      {
        kind: 'report',
        title: '修改被退回的2024年第一季度报告',
        detail: '请于 2024-06-28 前重新报送',
        link: `/unit/report/${q1}`,
      },
    ]);

    expect((await office.request('POST', `/api/periods/${q1}/close`)).statusCode).toBe(200);
    const afterClose = (await clerk.request('GET', '/api/todos'))
      .json<{ items: Todo[] }>()
      .items.filter((x) => x.title.includes('第一季度'));
    expect(afterClose).toEqual(todo);
  });
});
