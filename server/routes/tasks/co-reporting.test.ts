import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { importNotice } from '../../import/notice-import.service';
import { buildPeriodSummary } from '../../reporting/period-summary';
import { findPeriod } from '../../reporting/periods.repository';
import { periodStandings } from '../../reporting/standings';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { fillBlankEntries, makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Row = { id: number; noticeId: number; annex: { no: number }; units: { id: number; name: string; role: string }[]; version: number; coReporting: string };
type CoReporting = { mode: string; leadUnitName: string | null; coUnits: { unitId: number; unitName: string; written: boolean }[] };
type Item = { taskId: number; unitRole: string; version: number; coReporting: CoReporting; coParts: { unitName: string; narrative: string }[] };

/**
 * 报牵头单位 through the API on the seed notice (Q2 open, a week before its deadline): the office
 * sets it on one task (versioned, audited, conflicts refused) and on a whole annex; the co-unit's
 * item says where its part goes, the lead's item lists who has written and reminds who has not;
 * the lead's Word report and the 汇总表 carry the co-unit's part, the co-unit's row is gone.
 */
describe('co-operating units feed the lead unit (报牵头单位)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client, leadClerk: Client, leadHead: Client, coClerk: Client, otherOffice: Client;
  let task: Row;
  let otherTask: Row;
  let q2: number;

  const list = async (client: Client, query = '') => (await client.request('GET', `/api/tasks?pageSize=500${query}`)).json() as { items: Row[] };
  const reportOf = async (client: Client) => {
    const opened = (await client.request('POST', `/api/periods/${q2}/reports/mine`)).json();
    return (await client.request('GET', `/api/reports/${opened.report?.id ?? opened.id}`)).json() as { report: { id: number; version: number }; items: Item[] };
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    await importNotice(t.ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    await importNotice(t.ctx, systemActor('test'), other.id, { fileName: 'seed.txt', content: seed });
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other.id, 'office')).username);
    task = (await list(office, '&annexNo=1')).items.find((r) => r.units.length === 2)!;
    otherTask = (await list(otherOffice)).items[0]!;
    const [lead, co] = task.units;
    leadClerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: lead!.id })).username);
    leadHead = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_head', { unitId: lead!.id })).username);
    coClerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: co!.id })).username);
    q2 = (await office.request('GET', '/api/periods')).json().items.find((p: { label: string }) => p.label === '2024年第二季度').id;
  }, 120_000);
  afterAll(() => t.close());

  it('is set by the office on a task: a new version saying why, audited; a stale version or another role is refused', async () => {
    expect(task.coReporting).toBe('separate');
    expect((await leadClerk.request('PUT', `/api/tasks/${task.id}/co-reporting`, { version: task.version, coReporting: 'via_lead' })).statusCode).toBe(403);
    const res = await office.request('PUT', `/api/tasks/${task.id}/co-reporting`, { version: task.version, coReporting: 'via_lead' });
    expect(res.json()).toEqual({ version: task.version + 1, coReporting: 'via_lead' });
    const stale = await office.request('PUT', `/api/tasks/${task.id}/co-reporting`, { version: task.version, coReporting: 'separate' });
    expect(stale.json().error.code).toBe('EDIT_CONFLICT');
    const page = (await office.request('GET', `/api/tasks/${task.id}`)).json();
    expect(page.task).toMatchObject({ coReporting: 'via_lead', version: task.version + 1 });
    expect(page.versions[0].reason).toBe('督查室修改配合单位报送方式：配合单位单独报送督查室 → 配合单位报牵头单位');
    expect(page.history[0]).toMatchObject({ action: 'task.co_reporting', before: { coReporting: 'separate' }, after: { coReporting: 'via_lead' } });
  });

  it('is set for a whole annex or a selection, all or nothing; a task of another organisation refuses the batch', async () => {
    const annex2 = (await list(office, '&annexNo=2')).items;
    const first = (await office.request('POST', '/api/tasks/co-reporting', { coReporting: 'via_lead', annex: { noticeId: task.noticeId, annexNo: 2 } })).json();
    expect(first).toEqual({ changed: annex2.length, unchanged: 0 });
    expect((await office.request('POST', '/api/tasks/co-reporting', { coReporting: 'via_lead', annex: { noticeId: task.noticeId, annexNo: 2 } })).json()).toEqual({ changed: 0, unchanged: annex2.length });
    const mixed = await office.request('POST', '/api/tasks/co-reporting', { coReporting: 'separate', taskIds: [annex2[0]!.id, otherTask.id] });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain('不在本机构台账中');
    expect((await list(office, '&annexNo=2')).items.every((r) => r.coReporting === 'via_lead')).toBe(true);
    expect((await list(otherOffice)).items.find((r) => r.id === otherTask.id)!.coReporting).toBe('separate');
    // Back to separate by selection: annex 2 is not this test's concern further on.
    expect((await office.request('POST', '/api/tasks/co-reporting', { coReporting: 'separate', taskIds: annex2.map((r) => r.id) })).json()).toEqual({ changed: annex2.length, unchanged: 0 });
    const both = await office.request('POST', '/api/tasks/co-reporting', { coReporting: 'separate', taskIds: [1], annex: { noticeId: task.noticeId, annexNo: 2 } });
    expect(both.statusCode).toBe(400);
  });

  it("shows the co-unit where its part goes, and the lead unit who has written and who not; the lead reminds in-app", async () => {
    const co = await reportOf(coClerk);
    const coItem = co.items.find((i) => i.taskId === task.id)!;
    expect(coItem.unitRole).toBe('co');
    expect(coItem.coReporting).toEqual({ mode: 'via_lead', leadUnitName: task.units[0]!.name, coUnits: [] });

    const lead = await reportOf(leadClerk);
    const leadItem = () => lead.items.find((i) => i.taskId === task.id)!;
    expect(leadItem().coReporting).toEqual({ mode: 'via_lead', leadUnitName: null, coUnits: [{ unitId: task.units[1]!.id, unitName: task.units[1]!.name, written: false }] });
    // Items of tasks reported separately say so.
    expect(lead.items.filter((i) => i.taskId !== task.id).every((i) => i.coReporting.mode === 'separate' && i.coReporting.coUnits.length === 0)).toBe(true);

    // The co-unit's clerk cannot remind on the lead's report; the lead's clerk reminds whoever has not written.
    expect((await coClerk.request('POST', `/api/reports/${lead.report.id}/tasks/${task.id}/co-remind`, {})).statusCode).toBe(403);
    const separateTask = lead.items.find((i) => i.taskId !== task.id && i.unitRole === 'lead')!;
    expect((await leadClerk.request('POST', `/api/reports/${lead.report.id}/tasks/${separateTask.taskId}/co-remind`, {})).json().error.code).toBe('VALIDATION_FAILED');
    const reminded = (await leadClerk.request('POST', `/api/reports/${lead.report.id}/tasks/${task.id}/co-remind`, {})).json();
    expect(reminded).toEqual({ reminded: [{ unitId: task.units[1]!.id, unitName: task.units[1]!.name }] });
    const note = (await coClerk.request('GET', '/api/notifications')).json().items[0];
    expect(note).toMatchObject({ kind: 'report.co_remind', link: `/unit/report/${q2}` });
    expect(note.title).toContain(`${task.units[0]!.name}提醒`);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'report.co_remind').execute();
    expect(audit.map((a) => [a.action, String(a.entity_id)])).toEqual([['report.co_remind', String(lead.report.id)]]);

    // The co-unit writes its part: the lead sees it written, with its words; nobody left to remind.
    const saved = await coClerk.request('PUT', `/api/reports/${co.report.id}/tasks/${task.id}`, { version: coItem.version, status: 'on_track', narrative: '配合完成用地报批。' });
    expect(saved.statusCode).toBe(200);
    const again = (await leadClerk.request('GET', `/api/reports/${lead.report.id}`)).json() as { items: Item[] };
    const item = again.items.find((i) => i.taskId === task.id)!;
    expect(item.coReporting.coUnits).toEqual([{ unitId: task.units[1]!.id, unitName: task.units[1]!.name, written: true }]);
    expect(item.coParts.map((p) => p.narrative)).toEqual(['配合完成用地报批。']);
    expect((await leadClerk.request('POST', `/api/reports/${lead.report.id}/tasks/${task.id}/co-remind`, {})).json()).toEqual({ reminded: [] });
  });

  it("reaches the office through the lead unit only: the Word report and the 汇总表 carry the part, the co-unit's row is gone", async () => {
    const lead = await reportOf(leadClerk);
    await fillBlankEntries(t.ctx.db, lead.report.id);
    await leadClerk.request('POST', `/api/reports/${lead.report.id}/submit`, { version: lead.report.version });
    expect((await leadHead.request('POST', `/api/reports/${lead.report.id}/approve`, { version: lead.report.version + 1 })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/${lead.report.id}/export.docx`, headers: { cookie: office.cookie } });
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('配合单位报牵头单位：');
    expect(xml).toContain(`${task.units[1]!.name}（按序时推进）：配合完成用地报批。`);

    const period = (await findPeriod(t.ctx.db, q2))!;
    const summary = await buildPeriodSummary(t.ctx, period);
    const rows = summary.tasks.find((x) => x.taskId === task.id)!.rows;
    expect(rows.map((r) => [r.unitName, r.role])).toEqual([[task.units[0]!.name, 'lead']]);
    expect(rows[0]!.coParts).toEqual([{ unitName: task.units[1]!.name, status: '按序时推进', narrative: '配合完成用地报批。', problems: '' }]);
    // The co-unit still reports its other tasks separately, or it is exempt from the office: either way
    // the standing says which tasks go where.
    const co = (await periodStandings(t.ctx, period)).find((u) => u.unitId === task.units[1]!.id)!;
    expect(co.viaLeadTaskIds).toEqual([task.id]);
    expect(co.standing.kind === 'exempt').toBe(co.taskIds.length === 1);
  });
});
