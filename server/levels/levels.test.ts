import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.repository';
import { buildWorld, MARKER, type World } from './test-world';

/** Hand-down, import linking, upstream target changes, roll-up and ranking, through the real router. */
describe('levels: province → city → districts', () => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  });
  afterAll(() => w.t.close());

  it('links imported citations to the upper items, from either side, and says which it could not link', async () => {
    // The districts imported before the city had a ledger.
    expect(w.imports.a.upstreamLinks.linked).toBe(0);
    expect(w.imports.a.upstreamLinks.unlinked.map((u) => [u.upstreamNo, u.reason])).toEqual([
      [129, 'no_upper_ledger'],
      [999, 'no_upper_ledger'],
    ]);
    // The city's import linked both districts' item 129 (the other direction).
    expect(w.imports.city.downstreamLinked).toBe(2);
    const links = await w.ctx.db.selectFrom('handdowns').selectAll().where('origin', '=', 'imported').orderBy('lower_org_id').execute();
    expect(links.map((l) => [l.lower_org_id, l.lower_task_id, l.upper_task_id])).toEqual([
      [w.orgs.a.id, w.ids.a.piles, w.ids.city.piles],
      [w.orgs.b.id, w.ids.b.piles, w.ids.city.piles],
    ]);
    // Relinking now: 999 is not in the city's ledger.
    const relink = await w.users.aOffice.request('POST', '/api/levels/relink');
    expect(relink.statusCode).toBe(200);
    expect(relink.json()).toMatchObject({ linked: 0, unlinked: [{ upstreamNo: 999, reason: 'no_such_number', reasonLabel: '上级台账中没有该编号的事项' }] });
    expect((await w.users['b:unit_staff']!.request('POST', '/api/levels/relink')).statusCode).toBe(403);
    const upstream = (await w.users.aOffice.request('GET', `/api/tasks/${w.ids.a.piles}/upstream`)).json();
    expect(upstream.items).toEqual([expect.objectContaining({ upperOrg: { id: w.orgs.city.id, name: '武汉市' }, upperTask: expect.objectContaining({ number: 129 }), origin: 'imported' })]);
  });

  it('hands an item down with the lower target, or for the lower office to set; a container notice where there is none', async () => {
    const res = await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.places}/handdowns`, {
      targets: [
        { orgId: w.orgs.a.id, standard: '新增学位300个。', deadline: '9月' },
        { orgId: w.orgs.b.id, standard: null, deadline: null },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [toA, toB] = res.json().items;
    expect(toA).toMatchObject({ lowerOrgName: '甲区', noticeId: w.ids.a.noticeId, annexNo: 2, seq: '3', createdNotice: false });
    const taskA = await w.ctx.db.selectFrom('tasks').selectAll().where('id', '=', toA.lowerTaskId).executeTakeFirstOrThrow();
    expect(taskA).toMatchObject({ org_id: w.orgs.a.id, upstream_no: 130, upstream_item: '新增学位5000个。', standard: '新增学位300个。', deadline: '9月', due_date: '2024-09-30' });
    const taskB = await w.ctx.db.selectFrom('tasks').selectAll().where('id', '=', toB.lowerTaskId).executeTakeFirstOrThrow();
    expect(taskB).toMatchObject({ org_id: w.orgs.b.id, standard: '新增学位5000个。', upstream_no: 130 });
    const annex = await w.ctx.db.selectFrom('annexes').select('kind').where('id', '=', taskB.annex_id).executeTakeFirstOrThrow();
    expect(annex.kind).toBe('city-gwr');

    // 乙区's office is told and has it on its to-do list until it sets its own target.
    const bOffice = w.users['b:office']!;
    expect((await bOffice.request('GET', '/api/notifications')).json().items.map((n: { title: string }) => n.title)).toContain('武汉市交办事项：130');
    const todos = (await bOffice.request('GET', '/api/todos')).json().items.map((x: { title: string }) => x.title);
    expect(todos).toContain('确定武汉市交办事项130的本级目标');
    const units = (await bOffice.request('GET', '/api/units')).json().items as { id: number; name: string }[];
    const patched = await bOffice.request('PATCH', `/api/tasks/${toB.lowerTaskId}`, { version: 1, standard: '新增学位600个。', unitIds: [units.find((u) => u.name === '区市场监管局')!.id] });
    expect(patched.statusCode, patched.body).toBe(200);
    // Its indicators follow its own text now, not the city's (nothing was reported against them yet).
    const indicators = await w.ctx.db.selectFrom('indicators').select(['name', 'target', 'unit']).where('task_id', '=', toB.lowerTaskId).execute();
    expect(indicators).toEqual([{ name: '新增学位', target: 600, unit: '个' }]);
    expect((await bOffice.request('GET', '/api/todos')).json().items.map((x: { title: string }) => x.title).join()).not.toMatch(/交办事项130/);

    // A livelihood item to a district without a notice of the year: a container notice, periods from the city's deadlines.
    const toC = await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.parks}/handdowns`, { targets: [{ orgId: w.orgs.c.id, standard: '新建口袋公园2个。', deadline: null }] });
    expect(toC.statusCode, toC.body).toBe(200);
    expect(toC.json().items[0]).toMatchObject({ createdNotice: true, annexNo: 1, seq: '1' });
    const notice = await w.ctx.db.selectFrom('notices').selectAll().where('id', '=', toC.json().items[0].noticeId).executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ org_id: w.orgs.c.id, title: '武汉市交办事项（2024年）', year: 2024 });
    const periods = await w.ctx.db.selectFrom('periods').select('deadline').where('notice_id', '=', notice.id).orderBy('position').execute();
    expect(periods.map((p) => p.deadline)).toEqual(['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01']);
    const cAnnex = await w.ctx.db.selectFrom('annexes').select('kind').where('notice_id', '=', notice.id).executeTakeFirstOrThrow();
    expect(cAnnex.kind).toBe('city-livelihood');
    expect((await w.users.cOffice.request('GET', '/api/todos')).json().items.map((x: { title: string }) => x.title)).toContain('为武汉市交办事项5指定责任单位');
  });

  it('refuses hand-downs that do not go down, repeat, or come from elsewhere', async () => {
    const to = (orgId: number) => ({ targets: [{ orgId, standard: null, deadline: null }] });
    const up = await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.lights}/handdowns`, to(w.orgs.province.id));
    expect(up.json().error.code).toBe('HANDDOWN_NOT_DESCENDANT');
    expect((await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.lights}/handdowns`, to(w.orgs.otherCity.id))).json().error.code).toBe('HANDDOWN_NOT_DESCENDANT');
    expect((await w.users.cityOffice.request('POST', `/api/tasks/${w.ids.city.places}/handdowns`, to(w.orgs.a.id))).json().error.code).toBe('HANDDOWN_EXISTS');
    // A district office cannot hand down the city's item, nor its own to a sibling.
    expect((await w.users['b:office']!.request('POST', `/api/tasks/${w.ids.city.lights}/handdowns`, to(w.orgs.b.id))).statusCode).toBe(403);
    expect((await w.users['b:office']!.request('POST', `/api/tasks/${w.ids.b.piles}/handdowns`, to(w.orgs.a.id))).json().error.code).toBe('HANDDOWN_NOT_DESCENDANT');
    expect((await w.users['b:unit_staff']!.request('POST', `/api/tasks/${w.ids.b.piles}/handdowns`, to(w.orgs.a.id))).statusCode).toBe(403);
    // Nothing was written by the refusals.
    const n = await w.ctx.db.selectFrom('handdowns').select((eb) => eb.fn.countAll<number>().as('n')).where('upper_task_id', '=', w.ids.city.lights).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('rolls progress up: lights, report states, actuals against targets, sums where units agree', async () => {
    const res = await w.users.cityOffice.request('GET', '/api/rollup?year=2024');
    expect(res.statusCode, res.body).toBe(200);
    const piles = res.json().items.find((i: { upperTask: { id: number } }) => i.upperTask.id === w.ids.city.piles);
    expect(piles.upperTask).toMatchObject({ number: 129, standard: '新建改造充电桩1.5万个。' });
    const [a, b] = piles.lower;
    expect(a).toMatchObject({ org: { name: '甲区' }, taskId: w.ids.a.piles, origin: 'imported', leadUnit: '区发改局', standing: { kind: 'accepted', timeliness: 'on_time', lateDays: 0, overdueDays: null } });
    expect(a.indicators).toEqual([{ name: '新建充电桩', unit: '个', target: 1500, actual: 600 }]);
    expect(b).toMatchObject({ org: { name: '乙区' }, standing: { kind: 'accepted', timeliness: 'late', lateDays: 2 } });
    expect(piles.sums).toEqual([{ name: '新建充电桩', unit: '个', target: 2300, actual: 900, orgs: 2, reportedOrgs: 2 }]);
    expect(a.light.color).toMatch(/green|yellow|red|blue/);
    // The roll-up carries no narrative and nothing of the districts' own items.
    expect(res.body).not.toContain(MARKER);
    // The viewer of the city reads it too; a district has no roll-up.
    expect((await w.users.cityLeader.request('GET', '/api/rollup')).statusCode).toBe(200);
    expect((await w.users['b:office']!.request('GET', '/api/rollup')).json().error.code).toBe('ROLLUP_NO_LOWER_ORGS');
    // One item's roll-up, and the read-only drill-down with the report entries.
    expect((await w.users.cityOffice.request('GET', `/api/rollup/tasks/${w.ids.city.piles}`)).json().lower).toHaveLength(2);
    const drill = await w.users.cityOffice.request('GET', `/api/rollup/lower-tasks/${w.ids.a.piles}`);
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().org.name).toBe('甲区');
    expect(drill.json().reports[0]).toMatchObject({ narrative: `已建成600个，${MARKER}进展`, reportState: '已通过（按时报送）' });
    expect(drill.json().indicators[0].actuals).toEqual([{ periodLabel: '2024年第二季度', unitName: '区发改局', value: 600 }]);
    // Not handed down: refused; writes never pass through roll-up.
    expect((await w.users.cityOffice.request('GET', `/api/rollup/lower-tasks/${w.ids.a.ownTask}`)).json().error.code).toBe('FORBIDDEN_OTHER_ORG');
    expect((await w.users.cityOffice.request('GET', `/api/tasks/${w.ids.a.piles}`)).statusCode).toBe(403);
    expect((await w.users.cityOffice.request('PATCH', `/api/tasks/${w.ids.a.piles}`, { version: 1, standard: '改' })).statusCode).toBe(403);
    // The province did not hand it down: no drill-down for it either; another city neither.
    expect((await w.users.provinceOffice.request('GET', `/api/rollup/lower-tasks/${w.ids.a.piles}`)).statusCode).toBe(403);
    expect((await w.users.otherCityOffice.request('GET', `/api/rollup/lower-tasks/${w.ids.a.piles}`)).statusCode).toBe(403);
  });

  it('ranks the districts on the handed-down items, and exports the ranking', async () => {
    const ranking = (await w.users.cityOffice.request('GET', '/api/rollup/ranking')).json().items;
    expect(ranking.map((r: { org: { name: string } }) => r.org.name).slice(0, 2)).toEqual(['甲区', '乙区']);
    // Each district: item 129 reported (甲区 on time, 乙区 two days late). Item 130 was handed down on
    // 7月8日, after Q2's deadline: no report of Q2 could have covered it, so it is not due yet.
    expect(ranking[0]).toMatchObject({ rank: 1, items: 2, reportsDue: 1, reportsOnTime: 1, onTimeRate: 1 });
    expect(ranking[1]).toMatchObject({ rank: 2, items: 2, reportsDue: 1, reportsOnTime: 0, onTimeRate: 0 });
    const xlsx = await w.users.cityOffice.request('GET', '/api/rollup/ranking.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('甲区');
    expect(ws.getRow(3).getCell(6).value).toBe(100);
  });

  it('carries an upper target change to every linked lower task as a proposal the lower office accepts or answers', async () => {
    const cityTask = (await w.users.cityOffice.request('GET', `/api/tasks/${w.ids.city.places}`)).json().task;
    const edit = await w.users.cityOffice.request('PATCH', `/api/tasks/${w.ids.city.places}`, { version: cityTask.version, standard: '新增学位6000个。' });
    expect(edit.statusCode, edit.body).toBe(200);
    const aOffice = w.users.aOffice;
    const bOffice = w.users['b:office']!;
    const aList = (await aOffice.request('GET', '/api/adjustments?status=proposed')).json().items;
    expect(aList).toEqual([expect.objectContaining({ source: 'upstream', unitName: '武汉市人民政府督查室', proposedByName: '武汉市人民政府督查室', beforeText: '新增学位300个。', afterText: '新增学位6000个。' })]);
    expect((await aOffice.request('GET', '/api/todos')).json().items.map((x: { kind: string }) => x.kind)).toContain('adjustment');
    const approved = await aOffice.request('POST', `/api/adjustments/${aList[0].id}/approve`, { note: '' });
    expect(approved.statusCode, approved.body).toBe(200);
    const lowerA = await w.ctx.db.selectFrom('tasks').selectAll().where('id', '=', aList[0].taskId).executeTakeFirstOrThrow();
    expect(lowerA).toMatchObject({ standard: '新增学位6000个。', upstream_item: '新增学位6000个。', version: 2 });
    const bList = (await bOffice.request('GET', '/api/adjustments?status=proposed')).json().items;
    expect(bList).toHaveLength(1);
    // The city cannot decide the district's proposal; the district answers it.
    expect((await w.users.cityOffice.request('POST', `/api/adjustments/${bList[0].id}/reject`, { note: '越权' })).statusCode).toBe(403);
    const rejected = await bOffice.request('POST', `/api/adjustments/${bList[0].id}/reject`, { note: '本区学位已按区情确定' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionNote: '本区学位已按区情确定' });
    expect((await w.ctx.db.selectFrom('tasks').select('standard').where('id', '=', bList[0].taskId).executeTakeFirstOrThrow()).standard).toBe('新增学位600个。');

    // An approved indicator adjustment of the city's item travels down too, scaled for each district.
    const ind = await w.ctx.db.selectFrom('indicators').select('id').where('task_id', '=', w.ids.city.piles).executeTakeFirstOrThrow();
    const adj = await w.ctx.db
      .insertInto('target_adjustments')
      .values({ org_id: w.orgs.city.id, task_id: w.ids.city.piles, unit_id: null, proposed_by: null, proposed_by_name: '测试', indicator_id: ind.id, before_text: null, after_text: null, before_value: 1.5, after_value: 3, reason: '省里调高目标' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await w.users.cityOffice.request('POST', `/api/adjustments/${adj.id}/approve`, { note: '' })).statusCode).toBe(200);
    const aPiles = (await aOffice.request('GET', '/api/adjustments?status=proposed')).json().items;
    expect(aPiles).toEqual([expect.objectContaining({ taskId: w.ids.a.piles, source: 'upstream', afterText: '新建充电桩1500个。（上级指标调整：新建改造充电桩由1.5万个调整为3万个）' })]);
    expect((await verifyAuditChain(w.ctx.db)).ok).toBe(true);
  });
});
