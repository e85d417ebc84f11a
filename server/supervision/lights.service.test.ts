import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { createClock } from '../clock';
import { importNotice } from '../import/notice-import.service';
import { openOrClosePeriod } from '../reporting/periods.service';
import { openReport } from '../reporting/report-open.service';
import { saveProgress } from '../reporting/progress.service';
import { transitionReport } from '../reporting/transitions.service';
import { findPeriod } from '../reporting/periods.repository';
import { findReport } from '../reporting/reports.repository';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../test/factories';
import { computeOrgLights } from './lights.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/** Lights on real reports: overdue after the deadline, the unit's words, indicators against the schedule. */
describe('task lights from reports and the calendar', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number, office: Client;
  let task12: number, task1: number, transport: number, development: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx)).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    const q = (table: 'units', name: string) => t.ctx.db.selectFrom(table).select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow();
    transport = (await q('units', '区交通运输局')).id;
    development = (await q('units', '区发改局')).id;
    const taskId = async (seq: string) => (await t.ctx.db.selectFrom('tasks').select('id').where('org_id', '=', orgId).where('seq', '=', seq).orderBy('id').executeTakeFirstOrThrow()).id;
    task12 = await taskId('(12)');
    task1 = await taskId('(1)');
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    const q2 = (await t.ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow());
    if (q2.status !== 'open') await openOrClosePeriod(t.ctx, actor, q2, 'open');
  });
  afterAll(() => t.close());

  it('is grey before anything is due, red once the opened period’s deadline passes without a report', async () => {
    expect((await computeOrgLights(t.ctx, orgId)).get(task12)).toMatchObject({ light: 'grey' });
    const later = { ...t.ctx, clock: createClock({ today: '2024-07-06' }) };
    const light = (await computeOrgLights(later, orgId)).get(task12)!;
    expect(light.light).toBe('red');
    expect(light.reasons).toContain('2024年第二季度（区交通运输局）报告已逾期4个工作日未报送');
  });

  it('follows an approved report: indicators against the schedule, and the API filters by light', async () => {
    const period = (await t.ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow());
    const fill = async (unitId: number, taskId: number, status: 'on_track' | 'delayed', actual?: number) => {
      let report = await openReport(t.ctx, actor, (await findPeriod(t.ctx.db, period.id))!, unitId);
      const entry = await t.ctx.db.selectFrom('task_progress').select(['version']).where('report_id', '=', report.id).where('task_id', '=', taskId).executeTakeFirstOrThrow();
      const indicators = await t.ctx.db.selectFrom('indicators').select('id').where('task_id', '=', taskId).execute();
      await saveProgress(t.ctx, actor, report, taskId, {
        version: entry.version,
        status,
        narrative: '进展',
        problems: '',
        nextSteps: '',
        actuals: actual === undefined ? [] : indicators.map((i) => ({ indicatorId: i.id, value: actual })),
      });
      report = (await findReport(t.ctx.db, report.id))!;
      await fillBlankEntries(t.ctx.db, report.id);
      report = await transitionReport(t.ctx, actor, report, 'submit', { version: report.version });
      await transitionReport(t.ctx, actor, report, 'approve', { version: report.version });
    };
    await fill(transport, task12, 'delayed');
    // GDP growth: target 6%; a rate is held to its full target, and 5.9 is within the yellow gap.
    await fill(development, task1, 'on_track', 5.9);
    const lights = await computeOrgLights(t.ctx, orgId);
    expect(lights.get(task12)).toMatchObject({ light: 'red', reasons: ['2024年第二季度报告：单位报告进度滞后'] });
    expect(lights.get(task1)!.light).toBe('green');

    const red = (await office.request('GET', '/api/tasks?light=red&pageSize=500')).json();
    expect(red.items.map((r: { id: number }) => r.id)).toContain(task12);
    expect(red.items.every((r: { light: { color: string } }) => r.light.color === 'red')).toBe(true);
    const page = (await office.request('GET', `/api/tasks/${task12}`)).json();
    expect(page.task.light).toMatchObject({ color: 'red', label: '红灯' });
  });

  it('uses the office’s thresholds, which only the office may change', async () => {
    const clerk = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    expect((await clerk.request('PUT', '/api/settings/light-thresholds', { yellowGap: 0.05, redGap: 0.1, version: 0 })).statusCode).toBe(403);
    expect((await office.request('PUT', '/api/settings/light-thresholds', { yellowGap: 0.3, redGap: 0.2, version: 0 })).statusCode).toBe(400);
    expect((await office.request('PUT', '/api/settings/light-thresholds', { yellowGap: 0.01, redGap: 0.5, version: 0 })).json()).toEqual({ yellowGap: 0.01, redGap: 0.5, version: 1 });
    // Any organisation member may read the thresholds the lights are explained with.
    expect((await clerk.request('GET', '/api/settings/light-thresholds')).json()).toEqual({ yellowGap: 0.01, redGap: 0.5, version: 1 });
  });
});
