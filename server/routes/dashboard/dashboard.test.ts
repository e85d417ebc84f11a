import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { createClock } from '../../clock';
import { buildApp } from '../../http/app';
import { importNotice } from '../../import/notice-import.service';
import { openOrClosePeriod } from '../../reporting/periods.service';
import { openReport } from '../../reporting/report-open.service';
import { findReport } from '../../reporting/reports.repository';
import { transitionReport } from '../../reporting/transitions.service';
import { createTestApp, signInAs } from '../../test/app';
import { makeOrg, makeUser, fillBlankEntries } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/** The dashboard on the seed, one week after the Q2 deadline, with two units reported and the rest missing. */
describe('dashboard', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let late: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx)).id;
    await importNotice(t.ctx, actor, orgId, { fileName: 'seed.txt', content: seed });
    const q2 = await t.ctx.db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('position', '=', 1).executeTakeFirstOrThrow();
    // Q2 opens at import (its deadline is still to come on 25 June).
    const opened = q2.status === 'open' ? q2 : await openOrClosePeriod(t.ctx, actor, q2, 'open');
    const unit = async (name: string) => (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow()).id;
    // 区发改局 reports on time (clock 06-25); 区财政局 after the deadline (clock 07-03).
    const submitAndApprove = async (ctx: typeof t.ctx, unitId: number) => {
      let r = await openReport(ctx, actor, opened, unitId);
      await fillBlankEntries(ctx.db, r.id);
      r = await transitionReport(ctx, actor, r, 'submit', { version: r.version });
      await transitionReport(ctx, actor, (await findReport(ctx.db, r.id))!, 'approve', { version: r.version });
    };
    await submitAndApprove(t.ctx, await unit('区发改局'));
    await submitAndApprove({ ...t.ctx, clock: createClock({ today: '2024-07-03' }) }, await unit('区财政局'));
    late = await buildApp({ ...t.ctx, clock: createClock({ today: '2024-07-08' }) }, { logger: false });
  });
  afterAll(async () => {
    await late.close();
    await t.close();
  });

  it('shows who reported on time, late or not at all, and why tasks are red', async () => {
    const office = await signInAs(late, (await makeUser(t.ctx, orgId, 'office')).username);
    const d = (await office.request('GET', '/api/dashboard')).json();
    expect(d.today).toBe('2024-07-08');
    expect(d.lights.counts.total).toBe(242);
    expect(d.period).toMatchObject({ label: '2024年第二季度', deadline: '2024-07-01' });
    const status = (name: string) => d.period.units.find((u: { unitName: string }) => u.unitName === name);
    expect(status('区发改局')).toMatchObject({ status: 'on_time', reportStateLabel: '已报送督查室' });
    expect(status('区财政局')).toMatchObject({ status: 'late', lateDays: 2 });
    expect(status('区交通运输局')).toMatchObject({ status: 'missing', reportStateLabel: '未填报' });
    expect(d.period.summary.onTime).toBe(1);
    expect(d.period.summary.late).toBe(1);
    expect(d.period.summary.missing).toBe(d.period.units.length - 2);

    // Every count clicks through to the tasks behind it.
    const transport = d.byUnit.find((u: { label: string }) => u.label === '区交通运输局');
    expect(transport.counts.red).toBe(transport.taskIds.red.length);
    expect(transport.counts.red).toBeGreaterThan(0);
    expect(d.lights.counts.red).toBe(d.lights.taskIds.red.length);
    expect(d.byAnnex.map((a: { label: string; counts: { total: number } }) => [a.label, a.counts.total])).toEqual([
      ['附件1', 199],
      ['附件2', 24],
      ['附件3', 10],
      ['附件4', 7],
      ['附件5', 2],
    ]);
    expect(d.byCategory.length).toBeGreaterThan(20);
    expect(d.mostBehindTasks.every((x: { light: string }) => x.light === 'red')).toBe(true);
    const transportTask = (await office.request('GET', `/api/tasks/${transport.taskIds.red[0]}`)).json();
    expect(transportTask.task.light.reasons.join()).toMatch(/2024年第二季度（区交通运输局）报告已逾期5个工作日未报送/);
    expect(d.mostBehindUnits[0].red).toBeGreaterThan(0);
    expect(d.trend).toEqual([expect.objectContaining({ label: '2024年第二季度' })]);
    expect(d.indicators.length).toBeGreaterThan(50);
  });

  it('narrows to a leader’s portfolio and to a unit’s own tasks', async () => {
    const dingli = (await t.ctx.db.selectFrom('leaders').select('id').where('org_id', '=', orgId).where('name', '=', '丁力').executeTakeFirstOrThrow()).id;
    const leader = await signInAs(late, (await makeUser(t.ctx, orgId, 'leader', { leaderId: dingli })).username);
    const l = (await leader.request('GET', '/api/dashboard')).json();
    expect(l.byLeader.find((x: { label: string }) => x.label === '丁力').counts.total).toBe(l.lights.counts.total);
    expect(l.lights.counts.total).toBeLessThan(242);
    const transport = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    const clerk = await signInAs(late, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    const u = (await clerk.request('GET', '/api/dashboard')).json();
    expect(u.byUnit.find((x: { label: string }) => x.label === '区交通运输局').counts.total).toBe(u.lights.counts.total);
  });

  it('exports the dashboard and the filtered ledger to Excel', async () => {
    const office = await signInAs(late, (await makeUser(t.ctx, orgId, 'office')).username);
    const ExcelJS = (await import('exceljs')).default;
    const read = async (url: string) => {
      const res = await late.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/filename\*=UTF-8''/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb;
    };
    const dash = await read('/api/dashboard/export.xlsx');
    expect(dash.worksheets.map((w) => w.name)).toEqual(['总体情况', '按责任单位', '按分管领导', '按附件', '按目标', '本期报送情况', '最滞后事项', '指标完成情况']);
    const units = dash.getWorksheet('本期报送情况')!;
    const rows = units.getSheetValues().slice(3) as unknown[][];
    expect(rows.some((r) => r[1] === '区财政局' && r[2] === '逾期2个工作日报送' && r[4] === '2024-07-03' && r[5] === 2)).toBe(true);

    const ledger = await read('/api/tasks/export.xlsx?annexNo=2');
    const sheet = ledger.getWorksheet('任务台账')!;
    expect(sheet.getCell(1, 1).value).toMatch(/共 24 项/);
    expect(sheet.getRow(2).values).toContain('工作标准 / 区目标');
    expect(sheet.rowCount).toBe(2 + 24);
  });
});
