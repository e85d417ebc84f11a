import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Item = {
  taskId: number;
  annexNo: number;
  seq: string;
  unitRole: 'lead' | 'co';
  version: number;
  status: string;
  narrative: string;
  indicators: { id: number; actual: number | null }[];
  previous: { periodLabel: string; status: string; narrative: string; actuals: { indicatorId: number; value: number | null }[] } | null;
};
type View = { report: { id: number; state: string; version: number; standing: { kind: string; reachedOn: string | null } }; items: Item[] };

/**
 * Issue 15, a quarter with less to fill: Q1 written → Q2 opens with Q1 beside every entry (上期) and
 * its statuses pre-filled; 沿用上期 fills blank entries only; submit is refused while an entry lacks
 * its 进展情况, naming them; the clerk and the head withdraw what the next person has not acted on,
 * and the head's withdrawal puts the report back where it stood.
 */
describe('filling a quarter from the last one', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, head: Client;
  let q1: number, q2: number;
  let q1View: View;

  const fill = async (view: View, text: (i: Item) => string, skip: (i: Item) => boolean = () => false) => {
    for (const item of view.items) {
      if (skip(item)) continue;
      const res = await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, {
        version: item.version,
        status: 'delayed',
        narrative: text(item),
        problems: '资金未到位',
        nextSteps: '加快推进',
        actuals: item.indicators.map((ind) => ({ indicatorId: ind.id, value: 10 })),
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const move = async (who: Client, reportId: number, path: string, extra: object = {}) => {
    const version = (await t.ctx.db.selectFrom('unit_reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow()).version;
    return who.request('POST', `/api/reports/${reportId}/${path}`, { version, ...extra });
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-03-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const unit = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: unit })).username);
    head = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_head', { unitId: unit })).username);
    const periods = (await office.request('GET', '/api/periods')).json().items;
    [q1, q2] = [periods[0].id, periods[1].id];
    await office.request('POST', `/api/periods/${q1}/open`);
    q1View = (await clerk.request('POST', `/api/periods/${q1}/reports/mine`)).json();
  });
  afterAll(() => t.close());

  it('refuses to submit while entries lack 进展情况, naming every one', async () => {
    const [first, second] = q1View.items;
    await fill(q1View, (i) => `第一季度 ${i.seq} 推进情况`, (i) => i === first || i === second);
    const res = await move(clerk, q1View.report.id, 'submit');
    expect(res.statusCode).toBe(422);
    const body = res.json().error;
    expect(body.code).toBe('REPORT_INCOMPLETE');
    expect(body.message).toContain(`尚有 2 个事项未填写完整：附件${first!.annexNo}第${first!.seq}项（未填进展情况）；附件${second!.annexNo}第${second!.seq}项（未填进展情况）`);
    expect(body.current.missing.map((m: { taskId: number }) => m.taskId)).toEqual([first!.taskId, second!.taskId]);
    // Nothing moved.
    expect((await t.ctx.db.selectFrom('unit_reports').select('state').where('id', '=', q1View.report.id).executeTakeFirstOrThrow()).state).toBe('draft');
    const now: View = (await clerk.request('GET', `/api/reports/${q1View.report.id}`)).json();
    await fill({ ...now, items: now.items.filter((i) => i.taskId === first!.taskId || i.taskId === second!.taskId) }, (i) => `第一季度 ${i.seq} 推进情况`);
    expect((await move(clerk, q1View.report.id, 'submit')).statusCode).toBe(200);
  });

  it('lets the clerk withdraw a submission the head has not acted on, and the head withdraw one the office has not', async () => {
    const id = q1View.report.id;
    expect((await move(clerk, id, 'withdraw')).json().report.state).toBe('draft');
    expect((await move(head, id, 'approve')).json().error.code).toBe('REPORT_WRONG_STATE');
    expect((await move(clerk, id, 'submit')).statusCode).toBe(200);
    const approved: View = (await move(head, id, 'approve')).json();
    expect(approved.report.standing).toMatchObject({ kind: 'reached', reachedOn: '2024-03-25' });
    // The clerk cannot take back what the head sent on.
    expect((await move(clerk, id, 'withdraw')).json().error.code).toBe('REPORT_WRONG_STATE');
    const back: View = (await move(head, id, 'head-withdraw')).json();
    // It stands as before the approval: it has not reached the office.
    expect(back.report.state).toBe('pending_head');
    expect(back.report.standing).toMatchObject({ kind: 'pending_head', reachedOn: null });
    const row = await t.ctx.db.selectFrom('unit_reports').select(['first_reached_on', 'approved_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ first_reached_on: null, approved_at: null });
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(id)).where('entity', '=', 'unit_report').orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['report.withdraw', 'report.head_withdraw']));
    expect((await move(head, id, 'approve')).statusCode).toBe(200);
    // Once the office acted, the head cannot withdraw.
    expect((await move(office, id, 'accept')).statusCode).toBe(200);
    expect((await move(head, id, 'head-withdraw')).json().error.code).toBe('REPORT_WRONG_STATE');
  });

  it("keeps the first arrival when the head withdraws a resubmission after the office's return", async () => {
    // A second unit's report is not needed: use Q1 again through a fresh return cycle on the database.
    const id = q1View.report.id;
    await t.ctx.db.updateTable('unit_reports').set({ state: 'submitted' }).where('id', '=', id).execute();
    expect((await move(office, id, 'office-return', { reason: '请补充数据' })).statusCode).toBe(200);
    expect((await move(clerk, id, 'submit')).statusCode).toBe(200);
    expect((await move(head, id, 'approve')).statusCode).toBe(200);
    const back: View = (await move(head, id, 'head-withdraw')).json();
    // Withdrawn resubmission: still 退回修改 with its first arrival (on time), never 未报送.
    expect(back.report.standing).toMatchObject({ kind: 'returned', reachedOn: '2024-03-25' });
    expect((await move(head, id, 'approve')).statusCode).toBe(200);
    expect((await move(office, id, 'accept')).statusCode).toBe(200);
  });

  it('opens the next quarter with last quarter beside each entry and its status pre-filled', async () => {
    await office.request('POST', `/api/periods/${q2}/open`);
    const view: View = (await clerk.request('POST', `/api/periods/${q2}/reports/mine`)).json();
    expect(view.items.length).toBe(q1View.items.length);
    for (const item of view.items) {
      expect(item.previous, `${item.seq}`).toMatchObject({ periodLabel: '2024年第一季度', status: 'delayed', narrative: `第一季度 ${item.seq} 推进情况` });
      expect(item.status).toBe('delayed');
      expect(item.narrative).toBe('');
      expect(item.previous!.actuals).toEqual(item.indicators.map((ind) => ({ indicatorId: ind.id, value: 10 })));
    }
  });

  it('沿用上期 fills blank entries only, one audit entry, and leaves what the clerk wrote', async () => {
    let view: View = (await clerk.request('GET', `/api/periods/${q2}/reports/mine`)).json();
    const mine = view.items[0]!;
    await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${mine.taskId}`, {
      version: mine.version,
      status: 'on_track',
      narrative: '第二季度已开工',
      actuals: [],
    });
    const one = (await clerk.request('POST', `/api/reports/${view.report.id}/copy-forward`, { taskIds: [view.items[1]!.taskId] })).json();
    expect(one).toEqual({ copied: 1 });
    const all = (await clerk.request('POST', `/api/reports/${view.report.id}/copy-forward`, {})).json();
    expect(all).toEqual({ copied: view.items.length - 2 });
    view = (await clerk.request('GET', `/api/periods/${q2}/reports/mine`)).json();
    expect(view.items[0]).toMatchObject({ status: 'on_track', narrative: '第二季度已开工' });
    for (const item of view.items.slice(1)) {
      expect(item).toMatchObject({ status: 'delayed', narrative: `第一季度 ${item.seq} 推进情况` });
      expect(item.indicators.map((i) => i.actual)).toEqual(item.indicators.map(() => 10));
    }
    const audits = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'report.copy_forward').execute();
    expect(audits).toHaveLength(2);
    // Now complete: it can be submitted, and nothing is left to copy.
    expect((await clerk.request('POST', `/api/reports/${view.report.id}/copy-forward`, {})).json()).toEqual({ copied: 0 });
    expect((await move(clerk, view.report.id, 'submit')).statusCode).toBe(200);
    expect((await clerk.request('POST', `/api/reports/${view.report.id}/copy-forward`, {})).json().error.code).toBe('REPORT_WRONG_STATE');
  });

  it('lets the office relax completeness for co-operating units', async () => {
    const org = (await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', '新洲区').executeTakeFirstOrThrow()).id;
    const unit = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org).where('name', '=', '区教育局').executeTakeFirstOrThrow()).id;
    const eduClerk = await signInAs(t.app, (await makeUser(t.ctx, org, 'unit_staff', { unitId: unit })).username);
    const view: View = (await eduClerk.request('POST', `/api/periods/${q1}/reports/mine`)).json();
    const co = view.items.filter((i) => i.unitRole === 'co');
    expect(co.length).toBeGreaterThan(0);
    for (const item of view.items.filter((i) => i.unitRole === 'lead')) {
      await eduClerk.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, { version: item.version, status: 'on_track', narrative: '按计划推进', actuals: [] });
    }
    const version = () => t.ctx.db.selectFrom('unit_reports').select('version').where('id', '=', view.report.id).executeTakeFirstOrThrow();
    const refused = (await eduClerk.request('POST', `/api/reports/${view.report.id}/submit`, await version())).json().error;
    expect(refused.current.missing.map((m: { taskId: number }) => m.taskId)).toEqual(co.map((i) => i.taskId));
    expect((await office.request('GET', '/api/settings/report-completeness')).json()).toEqual({ coUnitsMayLeaveBlank: false, version: 0 });
    expect((await eduClerk.request('PUT', '/api/settings/report-completeness', { coUnitsMayLeaveBlank: true, version: 0 })).statusCode).toBe(403);
    expect((await office.request('PUT', '/api/settings/report-completeness', { coUnitsMayLeaveBlank: true, version: 0 })).json()).toEqual({ coUnitsMayLeaveBlank: true, version: 1 });
    expect((await eduClerk.request('POST', `/api/reports/${view.report.id}/submit`, await version())).statusCode).toBe(200);
  });
});
