import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

/** Coordination to the leader in charge, target adjustments with versions, instructions, and who is told. */
describe('coordination, adjustments, instructions and the inbox', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, head: Client, dingli: Client, lixianyong: Client, otherClerk: Client;
  let task12: number;
  let transport: number, commerce: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
    const leader = async (name: string) => (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', org.id).where('name', '=', name).executeTakeFirstOrThrow()).id;
    transport = await unit('区交通运输局');
    commerce = await unit('区商务局');
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: transport })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId: transport })).username);
    otherClerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: await unit('区教育局') })).username);
    dingli = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'leader', { leaderId: await leader('丁力') })).username);
    lixianyong = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'leader', { leaderId: await leader('李先勇') })).username);
    task12 = (
      await t.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', org.id).where('seq', '=', '(12)').where('position', '=', 11).executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  it('sends a coordination request to the task’s leader, who assigns, comments and closes it', async () => {
    const raised = await clerk.request('POST', `/api/tasks/${task12}/coordination`, { problem: '项目用地报批涉及自然资源部门，需协调加快', departments: '区自然资源和规划局' });
    expect(raised.statusCode).toBe(200);
    const r = raised.json();
    expect(r).toMatchObject({ leader: { name: '丁力' }, status: 'open', statusLabel: '待协调', unit: { name: '区交通运输局' } });
    expect((await otherClerk.request('POST', `/api/tasks/${task12}/coordination`, { problem: 'x' })).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');

    // 丁力 sees it in his to-dos and notifications; 李先勇 cannot act on it.
    expect((await dingli.request('GET', '/api/todos')).json().items).toEqual([expect.objectContaining({ kind: 'coordination', link: `/coordination/${r.id}` })]);
    expect((await dingli.request('GET', '/api/notifications')).json().unread).toBe(1);
    expect((await lixianyong.request('POST', `/api/coordination/${r.id}/close`, { resolution: 'x' })).json().error.code).toBe('FORBIDDEN_NOT_ADDRESSEE');
    expect((await clerk.request('POST', `/api/coordination/${r.id}/close`, { resolution: 'x' })).statusCode).toBe(403);

    const assigned = (await dingli.request('POST', `/api/coordination/${r.id}/assign`, { unitId: commerce, comment: '请区商务局牵头对接' })).json();
    expect(assigned).toMatchObject({ status: 'assigned', assignedUnit: { name: '区商务局' }, comments: [{ body: '请区商务局牵头对接' }] });
    await clerk.request('POST', `/api/coordination/${r.id}/comments`, { body: '已与区商务局对接' });
    const closed = (await dingli.request('POST', `/api/coordination/${r.id}/close`, { resolution: '已协调自然资源部门并联审批' })).json();
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结', resolution: '已协调自然资源部门并联审批' });
    expect((await clerk.request('POST', `/api/coordination/${r.id}/comments`, { body: '补充' })).json().error.code).toBe('COORDINATION_CLOSED');
    // The office sees them all; the raising unit sees the outcome in its notifications.
    expect((await office.request('GET', '/api/coordination')).json().items).toHaveLength(1);
    const clerkNotes = (await clerk.request('GET', '/api/notifications')).json().items.map((n: { title: string }) => n.title);
    expect(clerkNotes).toContain('协调事项已办结');
    expect((await head.request('GET', `/api/coordination/${r.id}`)).statusCode).toBe(200);
    expect((await otherClerk.request('GET', `/api/coordination/${r.id}`)).json().error.code).toBe('FORBIDDEN_NOT_ADDRESSEE');
  });

  it('approves a target adjustment into a new task version and keeps the old one', async () => {
    const before = (await office.request('GET', `/api/tasks/${task12}`)).json();
    expect(before.versions).toHaveLength(1);
    expect((await clerk.request('POST', `/api/tasks/${task12}/adjustments`, { reason: '上级调整' })).statusCode).toBe(400);
    const proposed = (
      await clerk.request('POST', `/api/tasks/${task12}/adjustments`, { afterText: '推动重大引领性交通项目加快落地，年内开工2个。', reason: '市级绩效目标调整' })
    ).json();
    expect(proposed).toMatchObject({ status: 'proposed', statusLabel: '待审核', beforeText: before.task.standard });
    expect((await office.request('GET', '/api/todos')).json().items.some((x: { kind: string }) => x.kind === 'adjustment')).toBe(true);
    expect((await clerk.request('POST', `/api/adjustments/${proposed.id}/approve`, {})).statusCode).toBe(403);
    const approved = (await office.request('POST', `/api/adjustments/${proposed.id}/approve`, { note: '同意' })).json();
    expect(approved).toMatchObject({ status: 'approved', resultingVersion: before.task.version + 1 });
    expect((await office.request('POST', `/api/adjustments/${proposed.id}/reject`, { note: '晚了' })).json().error.code).toBe('ADJUSTMENT_DECIDED');
    const after = (await office.request('GET', `/api/tasks/${task12}`)).json();
    expect(after.task.standard).toBe('推动重大引领性交通项目加快落地，年内开工2个。');
    expect(after.versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [before.task.version + 1, '目标调整：市级绩效目标调整'],
      [1, '导入通知'],
    ]);
    expect((await office.request('POST', `/api/adjustments/${proposed.id + 999}/approve`, {})).statusCode).toBe(404);
  });

  it('rejects an indicator adjustment only with a reason', async () => {
    const gdp = (await office.request('GET', '/api/tasks?annexNo=1&pageSize=1')).json().items[0];
    const fgj = await signInAs(t.app, (await makeUser(t.ctx, (await t.ctx.db.selectFrom('units').select('org_id').where('id', '=', transport).executeTakeFirstOrThrow()).org_id, 'unit_staff', { unitId: gdp.units[0].id })).username);
    const indicatorId = (await office.request('GET', `/api/tasks/${gdp.id}`)).json().indicators[0].id;
    const p = (await fgj.request('POST', `/api/tasks/${gdp.id}/adjustments`, { indicatorId, afterValue: 5.5, reason: '省市下调预期目标' })).json();
    expect(p).toMatchObject({ beforeValue: 6, afterValue: 5.5, indicator: { name: '地区生产总值增长' } });
    expect((await office.request('POST', `/api/adjustments/${p.id}/reject`, {})).json().error.code).toBe('REASON_REQUIRED');
    expect((await office.request('POST', `/api/adjustments/${p.id}/reject`, { note: '维持区人代会确定的目标' })).json().status).toBe('rejected');
    expect((await office.request('GET', `/api/tasks/${gdp.id}`)).json().indicators[0].target).toBe(6);
  });

  it('delivers a leader’s instruction to the units concerned', async () => {
    const res = await dingli.request('POST', `/api/tasks/${task12}/instructions`, { body: '要加快进度，确保年内开工。' });
    expect(res.json()).toMatchObject({ authorName: expect.any(String), body: '要加快进度，确保年内开工。' });
    expect((await clerk.request('POST', `/api/tasks/${task12}/instructions`, { body: 'x' })).statusCode).toBe(403);
    const notes = (await head.request('GET', '/api/notifications')).json();
    expect(notes.items[0]).toMatchObject({ kind: 'instruction', body: '要加快进度，确保年内开工。', link: `/tasks/${task12}`, read: false });
    await head.request('POST', '/api/notifications/read-all');
    expect((await head.request('GET', '/api/notifications')).json().unread).toBe(0);
    expect((await office.request('GET', `/api/tasks/${task12}`)).json().instructions[0].body).toBe('要加快进度，确保年内开工。');
  });
});
