import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { verifyAuditChain } from '../../audit/audit.repository';
import { importNotice } from '../../import/notice-import.service';
import { listPeriods } from '../../reporting/periods.repository';
import { saveProgress } from '../../reporting/progress.service';
import { openReport } from '../../reporting/report-open.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Row = { id: number; seq: string; annex: { no: number }; category: { name: string } | null; standard: string; deadline: string | null; dueDate: string | null; units: { name: string; role: string }[]; leaders: { name: string }[]; version: number; indicatorCount: number };

/**
 * Building the ledger without a notice (issue 16) through the API, on both engines: 新建台账 as a
 * notice with no file and planned periods, 新增任务 and 粘贴导入 all or nothing (units and leaders
 * not in the directory created), move, delete (refused for a reported task), the paste mapping, the template.
 */
describe('building the ledger by hand', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, otherOffice: Client;
  let orgId: number;
  let noticeId: number;
  const db = () => t.ctx.db;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    const transport = (await db().selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other.id, 'office')).username);
  });
  afterAll(() => t.close());

  const tasksOf = async (id: number) => ((await office.request('GET', `/api/tasks?pageSize=500&noticeId=${id}`)).json() as { items: Row[] }).items;
  const counts = async () => ({
    tasks: Number((await db().selectFrom('tasks').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    units: Number((await db().selectFrom('units').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });

  it('新建台账: a notice with no file, one annex and its reporting periods planned as at import', async () => {
    expect((await clerk.request('POST', '/api/notices', { title: '不可以', year: 2024 })).statusCode).toBe(403);
    const res = await office.request('POST', '/api/notices', { title: '2024年重点工作台账', year: 2024, docNumber: '新督〔2024〕3号', annexKind: 'district-gwr' });
    expect(res.statusCode, res.body).toBe(200);
    noticeId = res.json().noticeId;
    const notices = (await office.request('GET', '/api/notices')).json().items as { id: number; tasks: number; reportingDeadlines: string[] }[];
    expect(notices.find((n) => n.id === noticeId)).toMatchObject({ tasks: 0, reportingDeadlines: ['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01'] });
    const periods = (await listPeriods(db(), orgId)).filter((p) => p.notice_id === noticeId);
    expect(periods.map((p) => p.label)).toEqual(['2024年第一季度', '2024年第二季度', '2024年第三季度', '2024年全年']);
    const structure = (await office.request('GET', `/api/notices/${noticeId}/structure`)).json();
    expect(structure.notice.hasFile).toBe(false);
    expect(structure.annexes).toEqual([{ no: 1, title: '2024年区政府工作报告目标任务责任分解表', kind: 'district-gwr', taskCount: 0, categories: [] }]);
    expect((await otherOffice.request('GET', `/api/notices/${noticeId}/structure`)).statusCode).toBe(403);
    const again = await office.request('POST', '/api/notices', { title: '重复', year: 2024, docNumber: '新督〔2024〕3号' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({ docNumber: '该文号已存在' });
  });

  it('新增任务: names resolved against the directory (aliases too), the missing ones created; due date and indicators read', async () => {
    const before = await counts();
    const res = await office.request('POST', `/api/notices/${noticeId}/tasks`, {
      annexNo: 1,
      tasks: [{ category: '交通建设', standard: '新建公共充电桩500个', leaders: ['丁力', '王新来'], leadUnits: ['区交通运输局'], coUnits: ['区新能源办', '区发改局'], deadline: '6月底前' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ createdUnits: ['区新能源办'], createdLeaders: ['王新来'] });
    const [task] = await tasksOf(noticeId);
    expect(task).toMatchObject({ seq: '(1)', category: { name: '交通建设' }, deadline: '6月底前', dueDate: '2024-06-30', version: 1, indicatorCount: 1 });
    expect(task!.units.map((u) => `${u.role}:${u.name}`)).toEqual(['lead:区交通运输局', 'co:区新能源办', 'co:区发改局']);
    expect(task!.leaders.map((l) => l.name)).toEqual(['丁力', '王新来']);
    expect(await counts()).toEqual({ tasks: before.tasks + 1, units: before.units + 1 });
    const detail = (await office.request('GET', `/api/tasks/${task!.id}`)).json();
    expect(detail.versions.map((v: { reason: string }) => v.reason)).toEqual(['督查室新增任务']);
    const actions = await db().selectFrom('audit_log').select('action').where('org_id', '=', orgId).orderBy('id', 'desc').limit(3).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['leader.create', 'task.create', 'unit.create']);
    // The unit's clerk may read the task but not add one.
    expect((await clerk.request('POST', `/api/notices/${noticeId}/tasks`, { annexNo: 1, tasks: [{ standard: 'x', leadUnits: ['区交通运输局'] }] })).statusCode).toBe(403);
  });

  it('粘贴导入: one bad row writes nothing and names every bad cell; a good paste is written whole, in category order', async () => {
    const before = await counts();
    const bad = await office.request('POST', `/api/notices/${noticeId}/tasks`, {
      annexNo: 1,
      tasks: [
        { standard: '建成口袋公园10个', leadUnits: ['区园林局'] },
        { standard: '改造农贸市场', leadUnits: [], deadline: '下个月' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['tasks.1.deadline', 'tasks.1.leadUnits']);
    expect(bad.json().error.message).toContain('第2行');
    expect(await counts()).toEqual(before);
    const good = await office.request('POST', `/api/notices/${noticeId}/tasks`, {
      annexNo: 1,
      tasks: [
        { category: '城市建设', standard: '建成口袋公园10个', leadUnits: ['区园林局'], deadline: '长期' },
        { category: '交通建设', standard: '改造农村公路80公里', leadUnits: ['交通运输局'], seq: '(9)' },
        { standard: '完成全区人口普查', leadUnits: ['区统计局'], indicators: '普查覆盖率100%' },
      ],
    });
    expect(good.statusCode, good.body).toBe(200);
    const rows = await tasksOf(noticeId);
    // 交通建设's new task follows its category; 城市建设 is new and comes after; no category last.
    expect(rows.map((r) => `${r.seq} ${r.category?.name ?? '—'} ${r.units[0]!.name}`)).toEqual([
      '(1) 交通建设 区交通运输局',
      '(9) 交通建设 区交通运输局',
      '(2) 城市建设 区园林局',
      '(10) — 区统计局',
    ]);
    expect(rows[2]).toMatchObject({ deadline: '长期', dueDate: null });
  });

  it('edits an added task through the existing edit path (versioned)', async () => {
    const [task] = await tasksOf(noticeId);
    const res = await office.request('PATCH', `/api/tasks/${task!.id}`, { version: 1, standard: '新建公共充电桩600个' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().version).toBe(2);
  });

  it('moves: 上移/下移 within a category, past a category edge, and to another annex (renumbered, versioned)', async () => {
    let rows = await tasksOf(noticeId);
    const second = rows[1]!;
    expect((await office.request('POST', `/api/tasks/${second.id}/move`, { direction: 'up' })).statusCode).toBe(200);
    rows = await tasksOf(noticeId);
    expect(rows.map((r) => r.seq)).toEqual(['(9)', '(1)', '(2)', '(10)']);
    expect(rows[0]!.version).toBe(1); // a reorder within its category changes no target
    const first = await office.request('POST', `/api/tasks/${rows[0]!.id}/move`, { direction: 'up' });
    expect(first.statusCode).toBe(400);
    expect(first.json().error.message).toContain('第一项');
    // (2) 城市建设 moved up joins 交通建设 in place.
    expect((await office.request('POST', `/api/tasks/${rows[2]!.id}/move`, { direction: 'up' })).statusCode).toBe(200);
    rows = await tasksOf(noticeId);
    expect(rows[2]).toMatchObject({ seq: '(2)', category: { name: '交通建设' }, version: 2 });

    const annex = await office.request('POST', `/api/notices/${noticeId}/annexes`, { annexKind: 'city-livelihood' });
    expect(annex.json()).toEqual({ annexNo: 2 });
    const moved = await office.request('POST', `/api/tasks/${rows[3]!.id}/move`, { annexNo: 2, categoryId: null });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ annexNo: 2, seq: '(1)', position: 0 });
    rows = await tasksOf(noticeId);
    expect(rows.map((r) => `${r.annex.no}/${r.seq}`)).toEqual(['1/(9)', '1/(1)', '1/(2)', '2/(1)']);
    const detail = (await office.request('GET', `/api/tasks/${rows[3]!.id}`)).json();
    expect(detail.versions[0]).toMatchObject({ version: 2, reason: '督查室移动任务' });
    const positions = await db().selectFrom('tasks').select('position').where('notice_id', '=', noticeId).where('annex_id', '=', (await db().selectFrom('annexes').select('id').where('notice_id', '=', noticeId).where('no', '=', 1).executeTakeFirstOrThrow()).id).orderBy('position').execute();
    expect(positions.map((p) => p.position)).toEqual([0, 1, 2]);
    // A category of another annex is refused.
    const category = (await office.request('GET', `/api/notices/${noticeId}/structure`)).json().annexes[0].categories[0].id;
    expect((await office.request('POST', `/api/tasks/${rows[3]!.id}/move`, { annexNo: 2, categoryId: category })).statusCode).toBe(400);
  });

  it('deletes a task never reported on; a reported one is refused with 销号 offered, and listed as reported', async () => {
    const rows = await tasksOf(noticeId);
    const gone = rows[3]!;
    expect((await clerk.request('DELETE', `/api/tasks/${gone.id}`)).statusCode).toBe(403);
    expect((await office.request('DELETE', `/api/tasks/${gone.id}`)).statusCode).toBe(200);
    expect((await office.request('GET', `/api/tasks/${gone.id}`)).statusCode).toBe(404);
    const audit = await db().selectFrom('audit_log').select(['action', 'before_json']).where('entity_id', '=', String(gone.id)).where('action', '=', 'task.delete').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ standard: '完成全区人口普查' });

    // 区交通运输局 opens its report of the seed notice's open period and writes one entry: that task was reported on.
    const period = (await listPeriods(db(), orgId)).find((p) => p.status === 'open' && p.notice_id !== noticeId)!;
    const transport = (await db().selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    const report = await openReport(t.ctx, systemActor('test'), period, transport);
    const entries = await db().selectFrom('task_progress').select(['task_id', 'version']).where('report_id', '=', report.id).orderBy('id').execute();
    const entry = entries[0]!;
    await saveProgress(t.ctx, systemActor('test'), report, entry.task_id, { version: entry.version, status: 'on_track', narrative: '已开工', problems: '', nextSteps: '', actuals: [] });
    // Another of its entries, opened but never written, is no report: that task may still be deleted.
    const blankTask = entries[1]!.task_id;
    expect((await office.request('GET', `/api/tasks/reported?ids=${blankTask}`)).json()).toEqual({ reported: [] });
    const refused = await office.request('DELETE', `/api/tasks/${entry.task_id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('TASK_NOT_DELETABLE');
    expect(refused.json().error.message).toContain('销号');
    expect((await office.request('GET', `/api/tasks/${entry.task_id}`)).statusCode).toBe(200);
    const reported = await office.request('GET', `/api/tasks/reported?ids=${entry.task_id},${rows[0]!.id}`);
    expect(reported.json()).toEqual({ reported: [entry.task_id] });
    // Another organisation's office learns nothing about these tasks.
    expect((await otherOffice.request('GET', `/api/tasks/reported?ids=${entry.task_id}`)).json()).toEqual({ reported: [] });
  });

  it('a task added after a unit opened its draft joins the draft; deleted unwritten, its blank entry goes with it', async () => {
    const period = (await listPeriods(db(), orgId)).find((p) => p.status === 'open' && p.notice_id !== noticeId)!;
    const seedNotice = period.notice_id;
    const transport = (await db().selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    const report = await openReport(t.ctx, systemActor('test'), period, transport);
    const before = await db().selectFrom('task_progress').select('id').where('report_id', '=', report.id).execute();
    const res = await office.request('POST', `/api/notices/${seedNotice}/tasks`, { annexNo: 1, tasks: [{ standard: '新建公交首末站2处', leadUnits: ['区交通运输局'] }] });
    expect(res.statusCode, res.body).toBe(200);
    const [added] = res.json().taskIds as number[];
    const after = await db().selectFrom('task_progress').select(['task_id']).where('report_id', '=', report.id).execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.map((e) => e.task_id)).toContain(added);
    expect((await office.request('DELETE', `/api/tasks/${added}`)).statusCode).toBe(200);
    expect((await db().selectFrom('task_progress').select('id').where('task_id', '=', added!).execute()).length).toBe(0);
    expect((await db().selectFrom('task_progress').select('id').where('report_id', '=', report.id).execute()).length).toBe(before.length);
  });

  it('remembers the paste mapping for the office, audited', async () => {
    expect((await office.request('GET', '/api/ledger/paste-mapping')).json()).toEqual({ byHeader: {}, byColumn: [] });
    const memory = { byHeader: { 事项: 'standard', 单位: 'leadUnits' }, byColumn: [] };
    expect((await office.request('PUT', '/api/ledger/paste-mapping', memory)).statusCode).toBe(200);
    expect((await office.request('GET', '/api/ledger/paste-mapping')).json()).toEqual(memory);
    expect((await otherOffice.request('GET', '/api/ledger/paste-mapping')).json()).toEqual({ byHeader: {}, byColumn: [] });
    expect((await office.request('PUT', '/api/ledger/paste-mapping', { byHeader: { 事项: 'nonsense' }, byColumn: [] })).statusCode).toBe(400);
  });

  it('downloads the import template (the office only) and keeps the audit chain whole', async () => {
    const res = await office.request('GET', '/api/ledger/import-template.xlsx?year=2025');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await clerk.request('GET', '/api/ledger/import-template.xlsx')).statusCode).toBe(403);
    expect((await verifyAuditChain(db())).ok).toBe(true);
  });
});
