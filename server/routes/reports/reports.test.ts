import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { createClock } from '../../clock';
import { buildApp } from '../../http/app';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Standing = { kind: string; timeliness: string; lateDays: number | null; reachedOn: string | null; text: string; resubmitBy: string | null; timelinessLabel: string };
type View = { report: { id: number; state: string; version: number; standing: Standing; returnReason: string | null }; items: Item[] };
type Item = { taskId: number; annexNo: number; seq: string; unitRole: string; version: number; status: string; narrative: string; officeComment: string | null; indicators: { id: number }[]; coParts: { unitName: string; narrative: string }[] };

/**
 * The quarterly cycle through the API, on the seed notice, for every state transition and the
 * forbidden ones (wrong role, wrong unit, wrong state), with the clock fixed a week before Q2's deadline.
 */
describe('the quarterly report cycle', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, clerk2: Client, head: Client, otherClerk: Client, commerceClerk: Client, leader: Client;
  let q2: { id: number; version: number };

  const unitId = async (orgId: number, name: string) =>
    (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const transport = await unitId(org.id, '区交通运输局');
    const education = await unitId(org.id, '区教育局');
    const commerce = await unitId(org.id, '区商务局');
    const leaderId = (await t.ctx.db.selectFrom('leaders').select('id').where('name', '=', '丁力').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: transport })).username);
    clerk2 = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: transport })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId: transport })).username);
    otherClerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: education })).username);
    commerceClerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: commerce })).username);
    leader = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'leader', { leaderId })).username);
  });
  afterAll(() => t.close());

  it('takes the periods from the notice, flags a deadline already past at issue, and opens the first one at import', async () => {
    const periods = (await office.request('GET', '/api/periods')).json().items;
    expect(periods.map((p: { label: string; deadline: string; pastAtImport: boolean; status: string; opensOn: string | null }) => [p.label, p.deadline, p.pastAtImport, p.status, p.opensOn])).toEqual([
      // Q1 was due before the notice was issued: only the office opens it.
      ['2024年第一季度', '2024-04-01', true, 'planned', null],
      // Q2 is the first period still to come: the schedule opened it at import; each next one opens the day after the previous deadline in force.
      ['2024年第二季度', '2024-07-01', false, 'open', null],
      ['2024年第三季度', '2024-10-01', false, 'planned', '2024-07-02'],
      ['2024年全年', '2025-01-01', false, 'planned', '2024-10-09'],
    ]);
    q2 = periods[1];
  });

  it('lets only the office open, extend and close periods', async () => {
    const q3 = (await office.request('GET', '/api/periods')).json().items[2];
    expect((await clerk.request('POST', `/api/periods/${q3.id}/reports/mine`)).json().error.code).toBe('PERIOD_NOT_OPEN');
    expect((await clerk.request('POST', `/api/periods/${q3.id}/open`)).statusCode).toBe(403);
    expect((await office.request('POST', `/api/periods/${q2.id}/open`)).json().error.code).toBe('PERIOD_WRONG_STATE');
    expect((await office.request('POST', `/api/periods/${q2.id}/extend`, { deadline: '2024-06-30', reason: '汛期', version: q2.version })).json().error.code).toBe('PERIOD_EXTEND_INVALID');
    // Opened by hand before its closing day: it stays on the schedule (it will still close by itself).
    expect((await office.request('POST', `/api/periods/${q3.id}/open`)).json()).toMatchObject({ status: 'open', statusLabel: '填报中', statusSetBy: 'auto' });
    // 1 October is National Day: the deadline in force is already the first working day after it.
    const listed = (await office.request('GET', '/api/periods')).json().items[2];
    expect(listed).toMatchObject({ deadline: '2024-10-01', effectiveDeadline: '2024-10-08', deadlineHoliday: '国庆节' });
    expect((await office.request('POST', `/api/periods/${q3.id}/extend`, { deadline: '2024-10-08', reason: '国庆假期顺延', version: listed.version })).json().error.code).toBe('PERIOD_EXTEND_INVALID');
    const extended = (await office.request('POST', `/api/periods/${q3.id}/extend`, { deadline: '2024-10-15', reason: '汛期延后', version: listed.version })).json();
    expect(extended).toMatchObject({ effectiveDeadline: '2024-10-15', deadline: '2024-10-01', extensionReason: '汛期延后', statusSetBy: 'auto' });
    // Closed by hand: the schedule will not reopen it.
    expect((await office.request('POST', `/api/periods/${q3.id}/close`)).json()).toMatchObject({ status: 'closed', statusSetBy: 'office' });
  });

  it("creates the unit's report with one entry per task it is responsible for, lead or co", async () => {
    // Reading does not create it; opening it (the clerk starting work) does.
    expect((await head.request('GET', `/api/periods/${q2.id}/reports/mine`)).json().error.code).toBe('REPORT_NOT_STARTED');
    const view: View = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    expect(view.report.state).toBe('draft');
    const seqs = view.items.map((i) => `${i.annexNo}/${i.seq}:${i.unitRole}`);
    expect(seqs).toContain('1/(12):lead');
    expect(seqs).toContain('1/(14):co'); // 区商务局 leads (14), 区交通运输局 co-operates
    // Opening again (or by the second clerk) gives the same report.
    const again: View = (await clerk2.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    expect(again.report.id).toBe(view.report.id);
    expect((await head.request('GET', `/api/periods/${q2.id}/reports/mine`)).json().report.id).toBe(view.report.id);
    // Another unit cannot read it.
    const refused = await otherClerk.request('GET', `/api/reports/${view.report.id}`);
    expect(refused.json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
    expect((await leader.request('GET', `/api/reports/${view.report.id}`)).statusCode).toBe(200);
  });

  it("refuses a clerk's save over another clerk's newer save, showing the other change", async () => {
    const view: View = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    const item = view.items.find((i) => i.seq === '(12)')!;
    const body = { version: item.version, status: 'on_track', narrative: '引江济汉连通工程前期工作完成', problems: '', nextSteps: '', actuals: [] };
    expect((await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, body)).json()).toEqual({ version: item.version + 1 });
    const stale = await clerk2.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, { ...body, narrative: '另一个人的写法' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'EDIT_CONFLICT', current: { narrative: '引江济汉连通工程前期工作完成', version: item.version + 1 } });
    const now: View = (await clerk.request('GET', `/api/reports/${view.report.id}`)).json();
    expect(now.items.find((i) => i.seq === '(12)')!.narrative).toBe('引江济汉连通工程前期工作完成');
    // A head does not edit content; the unit's co-part shows in the lead unit's report.
    expect((await head.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, body)).json().error.code).toBe('FORBIDDEN');
    const co = view.items.find((i) => i.seq === '(14)')!;
    await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${co.taskId}`, { ...body, version: co.version, narrative: '配合完成冷链物流园道路规划' });
    const commerce: View = (await commerceClerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    expect(commerce.items.find((i) => i.seq === '(14)')!.coParts).toEqual([expect.objectContaining({ unitName: '区交通运输局', narrative: '配合完成冷链物流园道路规划' })]);
  });

  it('runs draft → pending_head → returned → pending_head → submitted → returned by the office → accepted', async () => {
    let view: View = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    const id = view.report.id;
    await fillBlankEntries(t.ctx.db, id);
    const act = (client: Client, path: string, body: object = {}) =>
      client.request('POST', `/api/reports/${id}/${path}`, { version: view.report.version, ...body });

    // Wrong role and wrong state are refused with clear codes.
    expect((await head.request('POST', `/api/reports/${id}/approve`, { version: view.report.version })).json().error.code).toBe('REPORT_WRONG_STATE');
    expect((await office.request('POST', `/api/reports/${id}/accept`, { version: view.report.version })).json().error.code).toBe('REPORT_WRONG_STATE');
    expect((await otherClerk.request('POST', `/api/reports/${id}/submit`, { version: view.report.version })).json().error.code).toBe('FORBIDDEN_OTHER_UNIT');

    view = (await act(clerk, 'submit')).json();
    expect(view.report.state).toBe('pending_head');
    const item = view.items[0]!;
    const locked = await clerk.request('PUT', `/api/reports/${id}/tasks/${item.taskId}`, { version: item.version, status: 'on_track', narrative: 'x' });
    expect(locked.json().error.code).toBe('REPORT_WRONG_STATE');
    expect((await act(clerk, 'approve')).statusCode).toBe(403);
    expect((await act(head, 'head-return')).json().error.code).toBe('REASON_REQUIRED');
    view = (await act(head, 'head-return', { reason: '第(12)项进展表述不具体，请补充数据' })).json();
    expect(view.report).toMatchObject({ state: 'returned', returnReason: '第(12)项进展表述不具体，请补充数据' });

    view = (await act(clerk, 'submit')).json();
    // Acting on an old version is refused: someone else moved the report meanwhile.
    expect((await head.request('POST', `/api/reports/${id}/approve`, { version: view.report.version - 1 })).json().error.code).toBe('EDIT_CONFLICT');
    view = (await act(head, 'approve')).json();
    expect(view.report).toMatchObject({ state: 'submitted', standing: { kind: 'reached', timeliness: 'on_time', lateDays: 0, reachedOn: '2024-06-25' } });

    expect((await act(office, 'office-return')).json().error.code).toBe('REASON_REQUIRED');
    expect((await act(office, 'office-return', { reason: '请补充', resubmitBy: '2024-06-01' })).json().error.code).toBe('VALIDATION_FAILED');
    view = (await act(office, 'office-return', { taskReasons: [{ taskId: item.taskId, reason: '请补充完成率' }], resubmitBy: '2024-06-28' })).json();
    expect(view.report.state).toBe('returned');
    // A return keeps the first arrival: the report still reached the office on time.
    expect(view.report.standing).toMatchObject({ kind: 'returned', timeliness: 'on_time', reachedOn: '2024-06-25', resubmitBy: '2024-06-28' });
    expect(view.items.find((i) => i.taskId === item.taskId)!.officeComment).toBe('请补充完成率');

    view = (await act(clerk, 'submit')).json();
    view = (await act(head, 'approve')).json();
    expect((await act(clerk, 'accept')).statusCode).toBe(403);
    view = (await act(office, 'accept')).json();
    expect(view.report.state).toBe('accepted');
    const rows = (await office.request('GET', `/api/periods/${q2.id}/reports`)).json().items;
    expect(rows.find((r: { unit: { name: string } }) => r.unit.name === '区交通运输局')).toMatchObject({ standing: { kind: 'accepted', label: '已通过', timeliness: 'on_time' } });
    expect(rows.find((r: { unit: { name: string } }) => r.unit.name === '区教育局')).toMatchObject({ standing: { kind: 'not_started', label: '未填报', timeliness: 'pending' } });
  });

  it('marks a report approved after the deadline late, by how many working days', async () => {
    const lateApp = await buildApp({ ...t.ctx, clock: createClock({ today: '2024-07-06' }) }, { logger: false });
    const view: View = (await commerceClerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json();
    await fillBlankEntries(t.ctx.db, view.report.id);
    await commerceClerk.request('POST', `/api/reports/${view.report.id}/submit`, { version: view.report.version });
    const res = await lateApp.inject({
      method: 'POST',
      url: `/api/reports/${view.report.id}/approve`,
      headers: { cookie: head.cookie, 'x-csrf-token': head.csrfToken },
      payload: { version: view.report.version + 1 },
    });
    // The 区交通运输局 head may not approve 区商务局's report.
    expect(res.json().error.code).toBe('FORBIDDEN_OTHER_UNIT');
    const commerceHead = await signInAs(lateApp, (await makeUser(t.ctx, (await t.ctx.db.selectFrom('units').select('org_id').where('name', '=', '区商务局').executeTakeFirstOrThrow()).org_id, 'unit_head', { unitId: (await t.ctx.db.selectFrom('units').select('id').where('name', '=', '区商务局').executeTakeFirstOrThrow()).id })).username);
    const approved = (await commerceHead.request('POST', `/api/reports/${view.report.id}/approve`, { version: view.report.version + 1 })).json();
    // Due Monday 1 July, approved Saturday 6 July: 2–5 July are four working days.
    expect(approved.report).toMatchObject({ state: 'submitted', standing: { timeliness: 'late', lateDays: 4, timelinessLabel: '逾期4个工作日报送' } });
    await lateApp.close();
  });
});
