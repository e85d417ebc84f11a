import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { createClock } from '../clock';
import { importNotice } from '../import/notice-import.service';
import { openOrClosePeriod } from '../reporting/periods.service';
import { findPeriod } from '../reporting/periods.repository';
import { openReport } from '../reporting/report-open.service';
import { saveProgress } from '../reporting/progress.service';
import { findReport } from '../reporting/reports.repository';
import { periodStandings } from '../reporting/standings';
import { transitionReport } from '../reporting/transitions.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { buildDashboard } from './dashboard.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/**
 * The leader's red and yellow tasks (dashboard focusTasks) on the real notice: his own tasks only,
 * the whole text, the light's reasons, units lead first, the day a unit last reported; and the
 * dashboard's 逾期未报 per period is the period page's count (the same standings).
 */
describe('a leader’s red and yellow tasks and the overdue figure', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number, leaderId: number, task12: number, transport: number, periodId: number;
  let leader: Client, office: Client;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx)).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    transport = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    task12 = (await t.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', orgId).where('seq', '=', '(12)').orderBy('id').executeTakeFirstOrThrow()).id;
    leaderId = (await t.ctx.db.selectFrom('task_leaders').select('leader_id').where('task_id', '=', task12).orderBy('position').executeTakeFirstOrThrow()).leader_id;
    leader = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'leader', { leaderId })).username);
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    const q2 = await t.ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow();
    periodId = q2.id;
    if (q2.status !== 'open') await openOrClosePeriod(t.ctx, actor, q2, 'open');
    // 区交通运输局 reports (12) delayed, approved by its head on 25 June.
    // Every other item of its report on track, so the report is complete.
    let report = await openReport(t.ctx, actor, (await findPeriod(t.ctx.db, periodId))!, transport);
    const entries = await t.ctx.db.selectFrom('task_progress').select(['task_id', 'version']).where('report_id', '=', report.id).execute();
    for (const e of entries) {
      const delayed = e.task_id === task12;
      await saveProgress(t.ctx, actor, report, e.task_id, { version: e.version, status: delayed ? 'delayed' : 'on_track', narrative: delayed ? '征地未完成' : '按计划推进', problems: '', nextSteps: '', actuals: [] });
      report = (await findReport(t.ctx.db, report.id))!;
    }
    report = await transitionReport(t.ctx, actor, report, 'submit', { version: report.version });
    await transitionReport(t.ctx, actor, report, 'approve', { version: report.version });
  });
  afterAll(() => t?.close());

  it('lists the leader’s red task with its whole text, reasons, units and last report', async () => {
    const d = (await leader.request('GET', '/api/dashboard')).json();
    const mine = new Set((await t.ctx.db.selectFrom('task_leaders').select('task_id').where('leader_id', '=', leaderId).execute()).map((r) => r.task_id));
    expect(d.focusTasks.length).toBeGreaterThan(0);
    expect(d.focusTasks.every((f: { taskId: number; light: string }) => mine.has(f.taskId) && ['red', 'yellow'].includes(f.light))).toBe(true);
    // Red before yellow (core/supervision/most-behind.ts).
    const lights = d.focusTasks.map((f: { light: string }) => f.light);
    expect(lights).toEqual([...lights].sort((a: string, b: string) => (a === b ? 0 : a === 'red' ? -1 : 1)));
    const f = d.focusTasks.find((x: { taskId: number }) => x.taskId === task12);
    const standard = (await t.ctx.db.selectFrom('tasks').select('standard').where('id', '=', task12).executeTakeFirstOrThrow()).standard;
    expect(f).toMatchObject({
      light: 'red',
      standard,
      reasons: ['2024年第二季度报告：单位报告进度滞后'],
      lastReport: { on: '2024-06-25', unitName: '区交通运输局', periodLabel: '2024年第二季度', status: '滞后' },
    });
    expect(f.units[0]).toEqual({ name: '区交通运输局', role: 'lead' });
  });

  it('the office’s dashboard sends no such list', async () => {
    const d = (await office.request('GET', '/api/dashboard')).json();
    expect(d.focusTasks).toEqual([]);
    expect(d.overdue).toEqual([]); // nothing is past its deadline on 25 June
  });

  it('counts 逾期未报 per period exactly as the period page does', async () => {
    const later = { ...t.ctx, clock: createClock({ today: '2024-07-10' }) };
    const d = await buildDashboard(later, { orgId });
    const missing = (await periodStandings(later, (await findPeriod(t.ctx.db, periodId))!)).filter((u) => u.standing.timeliness === 'missing').length;
    expect(missing).toBeGreaterThan(0);
    expect(d.overdue).toEqual([{ periodId, label: '2024年第二季度', missing }]);
    expect(d.period?.summary.missing).toBe(missing);
  });
});
