import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { importNotice } from '../import/notice-import.service';
import { findPeriod } from '../reporting/periods.repository';
import { openOrClosePeriod } from '../reporting/periods.service';
import { saveProgress } from '../reporting/progress.service';
import { openReport } from '../reporting/report-open.service';
import { findReport } from '../reporting/reports.repository';
import { transitionReport } from '../reporting/transitions.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../test/factories';
import { buildDashboard } from './dashboard.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/**
 * Issue 14: where the office set milestones (时间节点) on a task, its light on the dashboard holds
 * the reported progress against them instead of the straight-line schedule (序时进度).
 */
describe('the dashboard light of a task with milestones', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let office: Client;
  let taskId: number;

  const dashboardLight = async () => {
    const d = await buildDashboard(t.ctx, { orgId });
    const light = (Object.entries(d.lights.taskIds) as [string, number[]][]).find(([, ids]) => ids.includes(taskId))?.[0];
    const page = (await office.request('GET', `/api/tasks/${taskId}`)).json();
    return { light, reasons: page.task.light.reasons as string[] };
  };

  beforeAll(async () => {
    // 10 July: the Q2 report (due 1 July) is in; it speaks for 1 July, when 序时进度 is about 50%.
    t = await createTestApp({ DUBAN_TODAY: '2024-07-10' });
    const db = t.ctx.db;
    orgId = (await makeOrg(t.ctx)).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    // A task of 附件1 with one responsible unit, so one unit's reports say everything about it.
    const single = await db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['task_units.task_id', (eb) => eb.fn.min('task_units.unit_id').as('unit_id')])
      .where('tasks.org_id', '=', orgId)
      .where('annexes.no', '=', 1)
      .groupBy('task_units.task_id')
      .having((eb) => eb.fn.countAll(), '=', 1)
      .orderBy('task_units.task_id')
      .executeTakeFirstOrThrow();
    taskId = single.task_id;
    const unitId = Number(single.unit_id);
    // The unit reports Q1 and Q2 on track, without figures; the head approves both to the office.
    for (const position of [0, 1]) {
      const row = await db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', position).executeTakeFirstOrThrow();
      if (row.status !== 'open') await openOrClosePeriod(t.ctx, actor, row, 'open');
      let report = await openReport(t.ctx, actor, (await findPeriod(db, row.id))!, unitId);
      const entries = await db.selectFrom('task_progress').select(['task_id', 'version']).where('report_id', '=', report.id).execute();
      for (const e of entries) {
        await saveProgress(t.ctx, actor, report, e.task_id, { version: e.version, status: 'on_track', narrative: '按计划推进', problems: '', nextSteps: '', actuals: [] });
      }
      report = (await findReport(db, report.id))!;
      await fillBlankEntries(t.ctx.db, report.id);
      report = await transitionReport(t.ctx, actor, report, 'submit', { version: report.version });
      await transitionReport(t.ctx, actor, report, 'approve', { version: report.version });
    }
  });
  afterAll(() => t.close());

  it('is green on the straight-line schedule: reported on track at mid-year', async () => {
    expect(await dashboardLight()).toMatchObject({ light: 'green', reasons: ['2024年第二季度报告：按序时推进'] });
  });

  it('turns red once a milestone due by the report is missed, and says which', async () => {
    const res = await office.request('POST', `/api/tasks/${taskId}/milestones`, { dueOn: '2024-06-30', description: '完成招标', expect: { kind: 'state', state: 'completed' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ verdict: 'missed', verdictLabel: '未达到', reason: '时间节点6月30日（完成招标）：应已完成，单位报告按序时推进' });
    const { light, reasons } = await dashboardLight();
    expect(light).toBe('red');
    expect(reasons).toEqual(['时间节点6月30日（完成招标）：应已完成，单位报告按序时推进']);
  });

  it('is green again when the milestone asks only for what was reported, and ignores one not yet due', async () => {
    const [m] = (await office.request('GET', `/api/tasks/${taskId}/milestones`)).json().items;
    const edit = await office.request('PATCH', `/api/tasks/${taskId}/milestones/${m.id}`, { version: m.version, dueOn: '2024-06-30', description: '完成招标', expect: { kind: 'state', state: 'started' } });
    expect(edit.json()).toMatchObject({ verdict: 'met' });
    await office.request('POST', `/api/tasks/${taskId}/milestones`, { dueOn: '2024-09-30', description: '主体完工', expect: { kind: 'state', state: 'completed' } });
    const { light, reasons } = await dashboardLight();
    expect(light).toBe('green');
    expect(reasons).toEqual(['时间节点6月30日（完成招标）：应已启动，单位报告按序时推进，符合节点要求']);
    const items = (await office.request('GET', `/api/tasks/${taskId}/milestones`)).json().items;
    expect(items.map((i: { verdict: string }) => i.verdict)).toEqual(['met', 'pending']);
  });
});
