import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/** 时间节点: the office sets them on a task, everyone who may read the task sees them; audited, versioned, tenancy kept. */
describe('milestones of a task', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client, clerk: Client, otherClerk: Client, leader: Client, otherOffice: Client;
  let task3: number, other: number, task3Indicator: number, otherIndicator: number, foreignTask: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-05-10' });
    const db = t.ctx.db;
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    const foreignOrg = (await makeOrg(t.ctx, { name: '黄陂区' })).id;
    await importNotice(t.ctx, actor, foreignOrg, { fileName: 'seed.txt', content: seed });
    const taskOf = async (org: number, annexNo: number, seq: string) =>
      (
        await db
          .selectFrom('tasks')
          .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
          .select('tasks.id')
          .where('tasks.org_id', '=', org)
          .where('annexes.no', '=', annexNo)
          .where('tasks.seq', '=', seq)
          .executeTakeFirstOrThrow()
      ).id;
    const firstIndicator = async (taskId: number) => (await db.selectFrom('indicators').select('id').where('task_id', '=', taskId).orderBy('position').executeTakeFirstOrThrow()).id;
    // Annex 3 item 1 (幼儿园, 学位 …; 区卫生健康局 leads), and 附件1 (2) (收入增长5%, 区财政局): each has indicators.
    task3 = await taskOf(orgId, 3, '1');
    other = await taskOf(orgId, 1, '(2)');
    foreignTask = await taskOf(foreignOrg, 3, '1');
    task3Indicator = await firstIndicator(task3);
    otherIndicator = await firstIndicator(other);
    const lead = (await db.selectFrom('task_units').select('unit_id').where('task_id', '=', task3).where('role', '=', 'lead').executeTakeFirstOrThrow()).unit_id;
    const notOnTask3 = (await db.selectFrom('units').select('id').where('org_id', '=', orgId).where('id', 'not in', db.selectFrom('task_units').select('unit_id').where('task_id', '=', task3)).orderBy('id').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: lead })).username);
    otherClerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: notOnTask3 })).username);
    const leaderId = (await db.selectFrom('leaders').select('id').where('org_id', '=', orgId).orderBy('id').executeTakeFirstOrThrow()).id;
    leader = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'leader', { leaderId })).username);
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, foreignOrg, 'office')).username);
  });
  afterAll(() => t.close());

  const audit = () => t.ctx.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'before_json', 'after_json']).where('entity', '=', 'milestone').orderBy('seq').execute();

  it('lets the office add state and indicator milestones, listed in date order with how they stand', async () => {
    const tender = await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-06-30', description: '完成招标', expect: { kind: 'state', state: 'started' } });
    expect(tender.statusCode, tender.body).toBe(200);
    expect(tender.json()).toMatchObject({ taskId: task3, dueOn: '2024-06-30', description: '完成招标', expect: { kind: 'state', state: 'started' }, verdict: 'pending', verdictLabel: '未到期', version: 1 });
    const half = await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-03-31', description: '  建成一批  ', expect: { kind: 'indicator', indicatorId: task3Indicator, value: 100 } });
    expect(half.statusCode, half.body).toBe(200);
    expect(half.json().expect).toMatchObject({ kind: 'indicator', indicatorId: task3Indicator, value: 100, indicatorName: expect.any(String), unit: expect.any(String) });
    expect(half.json().description).toBe('建成一批');
    // Due, but nothing reported yet: it cannot be checked.
    expect(half.json()).toMatchObject({ verdict: 'unknown', verdictLabel: '无法核对' });

    const list = (await office.request('GET', `/api/tasks/${task3}/milestones`)).json();
    expect(list.items.map((m: { dueOn: string }) => m.dueOn)).toEqual(['2024-03-31', '2024-06-30']);
    expect((await audit()).map((a) => a.action)).toEqual(['milestone.create', 'milestone.create']);
    expect(JSON.parse((await audit())[0]!.after_json!)).toMatchObject({ taskId: task3, dueOn: '2024-06-30', description: '完成招标', expect: '已启动' });
  });

  it('shows them to whoever may read the task, and only the office changes them', async () => {
    expect((await clerk.request('GET', `/api/tasks/${task3}/milestones`)).json().items).toHaveLength(2);
    expect((await leader.request('GET', `/api/tasks/${task3}/milestones`)).json().items).toHaveLength(2);
    expect((await otherClerk.request('GET', `/api/tasks/${task3}/milestones`)).statusCode).toBe(403);
    expect((await otherOffice.request('GET', `/api/tasks/${task3}/milestones`)).statusCode).toBe(403);
    const body = { dueOn: '2024-09-30', description: '完成验收', expect: { kind: 'state', state: 'completed' } };
    for (const c of [clerk, leader, otherOffice]) expect((await c.request('POST', `/api/tasks/${task3}/milestones`, body)).statusCode).toBe(403);
    expect((await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items).toHaveLength(2);
  });

  it("refuses another task's indicator, an impossible date and an empty description, writing nothing", async () => {
    const before = (await audit()).length;
    const wrong = await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-06-30', description: '完成', expect: { kind: 'indicator', indicatorId: otherIndicator, value: 1 } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('VALIDATION_FAILED');
    expect((await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-02-30', description: '完成', expect: { kind: 'state', state: 'started' } })).statusCode).toBe(400);
    expect((await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-06-30', description: '  ', expect: { kind: 'state', state: 'started' } })).statusCode).toBe(400);
    expect((await office.request('POST', `/api/tasks/${task3}/milestones`, { dueOn: '2024-06-30', description: '完成', expect: { kind: 'state', state: 'done' } })).statusCode).toBe(400);
    expect((await audit()).length).toBe(before);
    expect((await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items).toHaveLength(2);
  });

  it('edits with the version it was loaded at (a stale edit is refused), audited before and after', async () => {
    const [, tender] = (await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items;
    const url = `/api/tasks/${task3}/milestones/${tender.id}`;
    const edit = { version: 1, dueOn: '2024-07-15', description: '完成招标并开工', expect: { kind: 'state', state: 'completed' } };
    const res = await office.request('PATCH', url, edit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dueOn: '2024-07-15', description: '完成招标并开工', expect: { state: 'completed' }, version: 2 });
    const stale = await office.request('PATCH', url, { ...edit, description: '别人的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'EDIT_CONFLICT', current: { version: 2, description: '完成招标并开工' } });
    const entry = (await audit()).at(-1)!;
    expect(entry.action).toBe('milestone.update');
    expect(JSON.parse(entry.before_json!)).toMatchObject({ dueOn: '2024-06-30', expect: '已启动' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ dueOn: '2024-07-15', expect: '已完成' });
  });

  it("finds a milestone only under its own task: another task's URL, or another organisation's, gets nothing", async () => {
    const [first] = (await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items;
    const body = { version: first.version, dueOn: '2024-04-30', description: '改到别处', expect: { kind: 'state', state: 'started' } };
    expect((await office.request('PATCH', `/api/tasks/${other}/milestones/${first.id}`, body)).statusCode).toBe(404);
    expect((await office.request('DELETE', `/api/tasks/${other}/milestones/${first.id}`)).statusCode).toBe(404);
    expect((await otherOffice.request('PATCH', `/api/tasks/${task3}/milestones/${first.id}`, body)).statusCode).toBe(403);
    expect((await otherOffice.request('DELETE', `/api/tasks/${foreignTask}/milestones/${first.id}`)).statusCode).toBe(404);
    expect((await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items[0]).toMatchObject({ id: first.id, description: '建成一批' });
  });

  it('deletes a milestone, audited with what it was', async () => {
    const [first] = (await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items;
    expect((await clerk.request('DELETE', `/api/tasks/${task3}/milestones/${first.id}`)).statusCode).toBe(403);
    const res = await office.request('DELETE', `/api/tasks/${task3}/milestones/${first.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await office.request('GET', `/api/tasks/${task3}/milestones`)).json().items.map((m: { id: number }) => m.id)).not.toContain(first.id);
    const entry = (await audit()).at(-1)!;
    expect(entry).toMatchObject({ action: 'milestone.delete', entity_id: String(first.id), after_json: null });
    expect(JSON.parse(entry.before_json!)).toMatchObject({ taskId: task3, description: '建成一批', indicatorId: task3Indicator, value: 100 });
  });
});
