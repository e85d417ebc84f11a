import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreUnits } from '../../core/assessment/score';
import { DEFAULT_SCHEME } from '../../core/assessment/scheme';
import type { ProgressStatus } from '../../core/reporting/states';
import { gatherInput } from '../assessment/gather';
import { systemActor } from '../audit/actor';
import { computeBulletinFigures } from '../bulletins/bulletin-figures';
import { importNotice } from '../import/notice-import.service';
import { buildPeriodSummary } from '../reporting/period-summary';
import { findPeriod, type Period } from '../reporting/periods.repository';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport, findReportFor } from '../reporting/reports.repository';
import { periodStandings } from '../reporting/standings';
import { transitionReport } from '../reporting/transitions.service';
import { buildDashboard } from '../supervision/dashboard.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/**
 * 销号 (issue 14): the office closes a task its lead unit reported completed in a report the office
 * accepted. It leaves later periods' reports, stays blue, counts as completed in bulletins and the
 * assessment, keeps its history, and undoing it is audited.
 */
describe('closing a completed task (销号)', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client;
  let periods: Period[];
  /** A task whose lead unit (lead) has other tasks, with a co-operating unit (co). */
  let shared: { taskId: number; lead: number; co: number };
  /** The only task of its unit. */
  let lone: { taskId: number; unitId: number };

  const db = () => t.ctx.db;

  /** A unit reports every entry of its report for a period (status per task), and the head sends it to the office. */
  async function report(
    unitId: number,
    position: number,
    statusOf: (taskId: number) => ProgressStatus,
    opts: { accept?: boolean } = {},
  ) {
    let r = await openReport(t.ctx, actor, periods[position]!, unitId);
    const entries = await db()
      .selectFrom('task_progress')
      .select(['task_id', 'version'])
      .where('report_id', '=', r.id)
      .execute();
    for (const e of entries) {
      await saveProgress(t.ctx, actor, r, e.task_id, {
        version: e.version,
        status: statusOf(e.task_id),
        narrative: '按计划推进',
        problems: '',
        nextSteps: '',
        actuals: [],
      });
    }
    r = (await findReport(db(), r.id))!;
    await fillBlankEntries(t.ctx.db, r.id);
    r = await transitionReport(t.ctx, actor, r, 'submit', { version: r.version });
    r = await transitionReport(t.ctx, actor, r, 'approve', { version: r.version });
    if (opts.accept) r = await transitionReport(t.ctx, actor, r, 'accept', { version: r.version });
    return r;
  }

  const taskPage = async (taskId: number) => (await office.request('GET', `/api/tasks/${taskId}`)).json();

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-07-10' });
    orgId = (await makeOrg(t.ctx)).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    for (const position of [0, 1, 2]) {
      const row = await db()
        .selectFrom('periods')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('position', '=', position)
        .executeTakeFirstOrThrow();
      if (row.status !== 'open') await openOrClosePeriod(t.ctx, actor, row, 'open');
    }
    periods = await db().selectFrom('periods').selectAll().where('org_id', '=', orgId).orderBy('position').execute();

    const units = await db()
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'task_units.role'])
      .where('tasks.org_id', '=', orgId)
      .orderBy('task_units.task_id')
      .execute();
    const tasksOfUnit = (u: number) => units.filter((x) => x.unit_id === u);
    const unitsOfTask = (id: number) => units.filter((x) => x.task_id === id);
    const loneRow = units.find((x) => x.role === 'lead' && tasksOfUnit(x.unit_id).length === 1)!;
    lone = { taskId: loneRow.task_id, unitId: loneRow.unit_id };
    const sharedRow = units.find(
      (x) =>
        x.role === 'lead' &&
        tasksOfUnit(x.unit_id).length > 2 &&
        unitsOfTask(x.task_id).length === 2 &&
        tasksOfUnit(unitsOfTask(x.task_id)[1]!.unit_id).length > 1 &&
        unitsOfTask(x.task_id)[1]!.unit_id !== lone.unitId,
    )!;
    shared = {
      taskId: sharedRow.task_id,
      lead: sharedRow.unit_id,
      co: unitsOfTask(sharedRow.task_id).find((u) => u.role === 'co')!.unit_id,
    };

    // Q1: both leads report on track, accepted. Q2: the lead of the shared task reports it completed
    // (not yet accepted); the lone unit reports completed and is accepted, and opens its Q3 report.
    await report(shared.lead, 0, () => 'on_track', { accept: true });
    await report(lone.unitId, 0, () => 'on_track', { accept: true });
    await report(shared.lead, 1, (id) => (id === shared.taskId ? 'completed' : 'on_track'));
    await report(lone.unitId, 1, () => 'completed', { accept: true });
    await openReport(t.ctx, actor, periods[2]!, lone.unitId);
    // The co-operating unit opened Q3 too and already wrote on the shared task.
    const coQ3 = await openReport(t.ctx, actor, periods[2]!, shared.co);
    const coEntry = await db()
      .selectFrom('task_progress')
      .select('version')
      .where('report_id', '=', coQ3.id)
      .where('task_id', '=', shared.taskId)
      .executeTakeFirstOrThrow();
    await saveProgress(t.ctx, actor, coQ3, shared.taskId, {
      version: coEntry.version,
      status: 'on_track',
      narrative: '配合单位已写的进展',
      problems: '',
      nextSteps: '',
      actuals: [],
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('is refused while the lead unit’s latest accepted report does not say completed, and the page says why', async () => {
    const page = await taskPage(shared.taskId);
    expect(page.task).toMatchObject({ canClose: false, closure: null });
    expect(page.task.closeBlockedReason).toContain('2024年第一季度');
    expect(page.task.closeBlockedReason).toContain('按序时推进');

    const res = await office.request('POST', `/api/tasks/${shared.taskId}/close`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TASK_NOT_CLOSABLE');
    expect(res.json().error.message).toMatch(/^该事项尚无经督查室审核通过的“已完成”报告，不能销号/);
    // A report that reached the office but is not accepted does not count.
    expect(
      (await db().selectFrom('tasks').select('closed_on').where('id', '=', shared.taskId).executeTakeFirstOrThrow())
        .closed_on,
    ).toBeNull();
  });

  it('is the office’s only: unit people and leaders are refused', async () => {
    const clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: lone.unitId })).username);
    expect((await clerk.request('POST', `/api/tasks/${lone.taskId}/close`, {})).statusCode).toBe(403);
    const leader = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'viewer')).username);
    expect((await leader.request('POST', `/api/tasks/${lone.taskId}/close`, {})).statusCode).toBe(403);
  });

  it('closes the task after the accepted completed report: stored on the business date, audited', async () => {
    const q2 = (await findReportFor(db(), periods[1]!.id, shared.lead))!;
    await transitionReport(t.ctx, actor, q2, 'accept', { version: q2.version });
    expect((await taskPage(shared.taskId)).task).toMatchObject({ canClose: true, closeBlockedReason: null });

    const res = await office.request('POST', `/api/tasks/${shared.taskId}/close`, { note: '项目已竣工验收' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().closure).toMatchObject({
      closedOn: '2024-07-10',
      periodLabel: '2024年第二季度',
      note: '项目已竣工验收',
    });
    const row = await db().selectFrom('tasks').selectAll().where('id', '=', shared.taskId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ closed_on: '2024-07-10', closed_after_position: 1, close_note: '项目已竣工验收' });
    expect(row.closed_at).not.toBeNull();

    const again = await office.request('POST', `/api/tasks/${shared.taskId}/close`, {});
    expect(again.json().error.code).toBe('TASK_ALREADY_CLOSED');
    const page = await taskPage(shared.taskId);
    expect(page.task).toMatchObject({
      canClose: false,
      closeBlockedReason: null,
      closure: { closedOn: '2024-07-10', periodLabel: '2024年第二季度' },
    });
    expect(page.history[0]).toMatchObject({
      action: 'task.close',
      after: { closedOn: '2024-07-10', periodLabel: '2024年第二季度', note: '项目已竣工验收' },
    });
    // Its history stays: every report entry is still on the page.
    expect(
      page.reports.filter((r: { periodLabel: string }) => r.periodLabel !== '2024年第三季度').length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('leaves the next period’s report: a Q3 report opened afterwards has no entry for it', async () => {
    const q3 = await openReport(t.ctx, actor, periods[2]!, shared.lead);
    const entries = await db().selectFrom('task_progress').select('task_id').where('report_id', '=', q3.id).execute();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.task_id)).not.toContain(shared.taskId);
    // Q2's report keeps it.
    const q2 = (await findReportFor(db(), periods[1]!.id, shared.lead))!;
    expect(
      (await db().selectFrom('task_progress').select('task_id').where('report_id', '=', q2.id).execute()).map(
        (e) => e.task_id,
      ),
    ).toContain(shared.taskId);
  });

  it('keeps what a co-operating unit already wrote in its Q3 draft, marked 已销号 in the report view', async () => {
    const coQ3 = (await findReportFor(db(), periods[2]!.id, shared.co))!;
    const clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: shared.co })).username);
    const view = (await clerk.request('GET', `/api/periods/${periods[2]!.id}/reports/mine`)).json();
    expect(view.report.id).toBe(coQ3.id);
    const item = view.items.find((i: { taskId: number }) => i.taskId === shared.taskId);
    expect(item).toMatchObject({ narrative: '配合单位已写的进展', closedOn: '2024-07-10' });
    expect(view.items.filter((i: { closedOn: string | null }) => i.closedOn === null).length).toBeGreaterThan(0);
  });

  it('stays blue on the dashboard and on its page; the bulletin counts it completed by the closing report', async () => {
    const dashboard = await buildDashboard(t.ctx, { orgId });
    expect(dashboard.lights.taskIds.blue).toContain(shared.taskId);
    expect((await taskPage(shared.taskId)).task.light.color).toBe('blue');

    const figures = await computeBulletinFigures(t.ctx, orgId, periods[2]!.id);
    const q2 = (await findReportFor(db(), periods[1]!.id, shared.lead))!;
    expect(figures.completed.find((c) => c.taskId === shared.taskId)).toMatchObject({ reportId: q2.id });
    expect(figures.lights.taskIds.blue).toContain(shared.taskId);
    expect(figures.behind.map((b) => b.taskId)).not.toContain(shared.taskId);
  });

  it('counts as completed in the assessment of a later period, by the closing entry', async () => {
    const input = await gatherInput(t.ctx, {
      orgId,
      year: 2024,
      noticeIds: [periods[2]!.notice_id],
      periods: [periods[2]!],
      onlyPeriodId: periods[2]!.id,
      asOf: '2024-12-31',
    });
    const lead = scoreUnits(input, DEFAULT_SCHEME).find((s) => s.unitId === shared.lead)!;
    const line = lead.lines.find(
      (l) => l.part === 'completion' && l.source.kind === 'task' && l.source.taskId === shared.taskId,
    )!;
    expect(line.text).toContain('2024年第二季度：已完成');
    expect(line.points).toBe(line.max);
    // Neither a reporting line for the closing period (not part of this run) …
    expect(
      lead.lines
        .filter((l) => l.part === 'reporting')
        .map((l) => l.text)
        .join(),
    ).not.toContain('第二季度');
    // … nor the co-operating unit's Q3 words written before the closure.
    const co = scoreUnits(input, DEFAULT_SCHEME).find((s) => s.unitId === shared.co)!;
    expect(
      co.lines.find((l) => l.part === 'completion' && l.source.kind === 'task' && l.source.taskId === shared.taskId)!
        .text,
    ).not.toContain('第三季度');
  });

  it('takes the untouched entry out of a draft opened before; a unit left with nothing to report is exempt in Q3', async () => {
    const draft = (await findReportFor(db(), periods[2]!.id, lone.unitId))!;
    const res = await office.request('POST', `/api/tasks/${lone.taskId}/close`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(await findReportFor(db(), periods[2]!.id, lone.unitId)).toBeUndefined();
    const audit = await db()
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'task.close')
      .where('entity_id', '=', String(lone.taskId))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({
      removedReports: [draft.id],
      removedEntries: [{ reportId: draft.id, periodLabel: '2024年第三季度' }],
    });

    const q3 = (await periodStandings(t.ctx, (await findPeriod(db(), periods[2]!.id))!)).find(
      (u) => u.unitId === lone.unitId,
    )!;
    expect(q3.standing.kind).toBe('exempt');
    expect(q3.taskIds).toEqual([]);
    const clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: lone.unitId })).username);
    const open = await clerk.request('POST', `/api/periods/${periods[2]!.id}/reports/mine`);
    expect(open.json().error).toMatchObject({
      code: 'REPORT_EXEMPT',
      message: '本单位本期没有需要报送的事项（事项已销号，或在截止日期后才下达），本期免报',
    });

    const summary = await buildPeriodSummary(t.ctx, (await findPeriod(db(), periods[2]!.id))!);
    expect(summary.tasks.find((x) => x.taskId === lone.taskId)!.rows[0]!.status).toBe('已销号（7月10日）');
  });

  it('shows in the ledger under the 已销号 filter', async () => {
    const closed = (await office.request('GET', '/api/tasks?closed=yes&pageSize=500')).json();
    expect(closed.items.map((i: { id: number }) => i.id).sort()).toEqual([shared.taskId, lone.taskId].sort());
    expect(closed.items[0].closure).toMatchObject({ closedOn: '2024-07-10' });
    const open = (await office.request('GET', '/api/tasks?closed=no&pageSize=500')).json();
    expect(open.items.map((i: { id: number }) => i.id)).not.toContain(shared.taskId);
  });

  it('is undone only with a reason, audited with before and after; open Q3 reports get the entry back', async () => {
    expect((await office.request('POST', `/api/tasks/${shared.taskId}/reopen`, { reason: ' ' })).statusCode).toBe(400);
    const res = await office.request('POST', `/api/tasks/${shared.taskId}/reopen`, {
      reason: '验收发现遗留问题，需继续整改',
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = await db().selectFrom('tasks').selectAll().where('id', '=', shared.taskId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      closed_on: null,
      closed_after_position: null,
      closed_by_name: null,
      closed_at: null,
      close_note: null,
    });
    const page = await taskPage(shared.taskId);
    expect(page.task.closure).toBeNull();
    expect(page.history[0]).toMatchObject({
      action: 'task.reopen',
      before: { closedOn: '2024-07-10', closedAfterPosition: 1, note: '项目已竣工验收' },
      after: { closedOn: null, reason: '验收发现遗留问题，需继续整改' },
    });
    const q3 = (await findReportFor(db(), periods[2]!.id, shared.lead))!;
    expect(
      (await db().selectFrom('task_progress').select('task_id').where('report_id', '=', q3.id).execute()).map(
        (e) => e.task_id,
      ),
    ).toContain(shared.taskId);
    expect(
      (await office.request('POST', `/api/tasks/${shared.taskId}/reopen`, { reason: '再次撤销' })).json().error.code,
    ).toBe('TASK_NOT_CLOSED');
    // Closable again: its Q2 report still says completed and is accepted.
    expect(page.task.canClose).toBe(true);
  });
});
