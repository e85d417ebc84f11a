import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from './audit/actor';
import { beijingDate } from './clock';
import { importNotice } from './import/notice-import.service';
import { buildWorld, type World } from './levels/test-world';
import { sweepReminders } from './reminders/sweep';
import { createTestApp, signInAs, type Client } from './test/app';
import { makeOrg, makeUser } from './test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../data/demo/xinzhou-2024-notice.txt'));

/** The calendar day (Beijing) an ISO instant falls on. */
const day = (iso: string | null | undefined) => (iso ? beijingDate(new Date(iso)) : iso);
const realToday = () => beijingDate(new Date());

/**
 * One clock on screen (issue 14): on a fixed business date, what people did or the system did for
 * the work is stamped on that date — the import, coordination, adjustments, instructions,
 * notifications (and their reading), reminders and urges, hand-downs — while the audit log, a
 * security record, keeps the real time.
 */
describe('business events carry the business date; the audit log the real time', () => {
  const TODAY = '2024-06-25';
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client, clerk: Client, dingli: Client;
  let task12: number, transport: number, commerce: number;

  beforeAll(async () => {
    // The test only means something while the real date is another one.
    expect(realToday()).not.toBe(TODAY);
    t = await createTestApp({ DUBAN_TODAY: TODAY });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow()).id;
    transport = await unit('区交通运输局');
    commerce = await unit('区商务局');
    const leader = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', orgId).where('name', '=', '丁力').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    dingli = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'leader', { leaderId: leader })).username);
    task12 = (await t.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', orgId).where('seq', '=', '(12)').where('position', '=', 11).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('tells the web the business date', async () => {
    expect((await clerk.request('GET', '/api/auth/me')).json().businessClock).toEqual({ today: TODAY, fixed: true, demo: false });
  });

  it('stamps the import with the business date', async () => {
    const notices = (await office.request('GET', '/api/notices')).json().items as { importedAt: string }[];
    expect(notices.map((n) => day(n.importedAt))).toEqual([TODAY]);
    const files = await t.ctx.db.selectFrom('notice_files').select('created_at').execute();
    expect(files.map((f) => day(f.created_at))).toEqual([TODAY]);
  });

  it('stamps coordination raised, commented, closed; an adjustment proposed and decided; an instruction', async () => {
    const raised = (await clerk.request('POST', `/api/tasks/${task12}/coordination`, { problem: '项目用地报批需协调', departments: '区自然资源和规划局' })).json();
    expect(day(raised.createdAt)).toBe(TODAY);
    await dingli.request('POST', `/api/coordination/${raised.id}/assign`, { unitId: commerce, comment: '请区商务局牵头' });
    await clerk.request('POST', `/api/coordination/${raised.id}/comments`, { body: '已对接' });
    const closed = (await dingli.request('POST', `/api/coordination/${raised.id}/close`, { resolution: '已协调' })).json();
    expect(day(closed.closedAt)).toBe(TODAY);
    expect(closed.comments.map((c: { createdAt: string }) => day(c.createdAt))).toEqual([TODAY, TODAY]);

    const proposed = (await clerk.request('POST', `/api/tasks/${task12}/adjustments`, { afterText: '年内开工2个。', reason: '市级目标调整' })).json();
    expect(day(proposed.createdAt)).toBe(TODAY);
    expect((await office.request('POST', `/api/adjustments/${proposed.id}/approve`, { note: '同意' })).statusCode).toBe(200);
    const decided = await t.ctx.db.selectFrom('target_adjustments').select('decided_at').where('id', '=', proposed.id).executeTakeFirstOrThrow();
    expect(day(decided.decided_at)).toBe(TODAY);

    const written = (await dingli.request('POST', `/api/tasks/${task12}/instructions`, { body: '请抓紧落实。' })).json();
    expect(day(written.createdAt)).toBe(TODAY);
    const onTask = (await office.request('GET', `/api/tasks/${task12}`)).json();
    expect(onTask.instructions.map((i: { createdAt: string }) => day(i.createdAt))).toEqual([TODAY]);
    expect(onTask.coordination.map((c: { createdAt: string }) => day(c.createdAt))).toEqual([TODAY]);
  });

  it('stamps reminders, urges and every notification, and the time one is read', async () => {
    await sweepReminders(t.ctx, { orgId });
    const q2 = await t.ctx.db.selectFrom('periods').select('id').where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow();
    expect((await office.request('POST', `/api/periods/${q2.id}/units/${transport}/urge`, { message: '请尽快报送第二季度进展。' })).statusCode).toBe(200);
    const reminders = (await office.request('GET', '/api/reminders')).json().items as { source: string; createdAt: string; businessDate: string }[];
    expect(reminders.some((r) => r.source === 'reminder')).toBe(true);
    expect(reminders.some((r) => r.source === 'urge')).toBe(true);
    for (const r of reminders) expect([day(r.createdAt), r.businessDate]).toEqual([TODAY, TODAY]);

    const notes = (await clerk.request('GET', '/api/notifications')).json().items as { id: number; createdAt: string; title: string }[];
    // Coordination, the adjustment's decision, the instruction, reminders and the urge.
    expect(notes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(notes.map((n) => day(n.createdAt)))).toEqual(new Set([TODAY]));
    const all = await t.ctx.db.selectFrom('notifications').select('created_at').execute();
    expect(new Set(all.map((n) => day(n.created_at)))).toEqual(new Set([TODAY]));

    expect((await clerk.request('POST', `/api/notifications/${notes[0]!.id}/read`)).statusCode).toBe(204);
    expect((await clerk.request('POST', '/api/notifications/read-all')).statusCode).toBe(204);
    const read = await t.ctx.db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select('read_at').where('users.unit_id', '=', transport).where('users.role', '=', 'unit_staff').execute();
    expect(new Set(read.map((n) => day(n.read_at)))).toEqual(new Set([TODAY]));
  });

  it('keeps the real time in the audit log (a security record)', async () => {
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'at'])
      .where('action', 'in', ['notice.import', 'coordination.raise', 'coordination.close', 'adjustment.approve', 'instruction.write', 'urge.create'])
      .execute();
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(['notice.import', 'coordination.raise', 'coordination.close', 'adjustment.approve', 'instruction.write', 'urge.create']));
    for (const e of entries) expect(day(e.at)).toBe(realToday());
  });
});

describe('hand-downs, import links and upstream changes carry the business date', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(); // DUBAN_TODAY=2024-07-08
  });
  afterAll(() => w.t.close());

  it('stamps each on the business date', async () => {
    const TODAY = w.ctx.clock.today();
    expect(TODAY).toBe('2024-07-08');
    // Linked at the city's import.
    const linked = await w.ctx.db.selectFrom('handdowns').select('created_at').where('origin', '=', 'imported').execute();
    expect(linked.length).toBeGreaterThan(0);
    for (const h of linked) expect(day(h.created_at)).toBe(TODAY);

    // Handed down: to 甲区 with a target, to 乙区 for it to set (then it does), to 丙区 in a container notice.
    const res = await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.places}/handdowns`, {
      targets: [
        { orgId: w.orgs.a.id, standard: '新增学位300个。', deadline: '9月' },
        { orgId: w.orgs.b.id, standard: null, deadline: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [, toB] = res.json().items;
    const levels = (await w.users.aOffice.request('GET', `/api/tasks/${res.json().items[0].lowerTaskId}/upstream`)).json();
    expect(levels.items.map((u: { createdAt: string }) => day(u.createdAt))).toEqual([TODAY]);
    const patched = await w.users['b:office']!.request('PATCH', `/api/tasks/${toB.lowerTaskId}`, { version: 1, standard: '新增学位600个。' });
    expect(patched.statusCode, patched.body).toBe(200);
    const setB = await w.ctx.db.selectFrom('handdowns').select('lower_set_at').where('lower_task_id', '=', toB.lowerTaskId).executeTakeFirstOrThrow();
    expect(day(setB.lower_set_at)).toBe(TODAY);
    const toC = (await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.parks}/handdowns`, { targets: [{ orgId: w.orgs.c.id, standard: '新建口袋公园2个。', deadline: null }] })).json();
    const cNotices = (await w.users.cOffice.request('GET', '/api/notices')).json().items as { id: number; importedAt: string }[];
    expect(day(cNotices.find((n) => n.id === toC.items[0].noticeId)!.importedAt)).toBe(TODAY);

    // The city changes the item: 甲区 gets a proposal dated today.
    const cityTask = (await w.users.cityOffice.request('GET', `/api/tasks/${w.ids.city.places}`)).json().task;
    expect((await w.users.cityOffice.request('PATCH', `/api/tasks/${w.ids.city.places}`, { version: cityTask.version, standard: '新增学位6000个。' })).statusCode).toBe(200);
    const proposals = (await w.users.aOffice.request('GET', '/api/adjustments?status=proposed')).json().items as { source: string; createdAt: string }[];
    expect(proposals.filter((p) => p.source === 'upstream').map((p) => day(p.createdAt))).toEqual([TODAY]);
  });
});
