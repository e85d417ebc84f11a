// PATCH /api/tasks/:id/indicators/:indicatorId: the office renames an indicator and corrects its
// unit, target and qualifier; a new task version, audited, refused whole when wrong. Both engines.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../audit/actor';
import { verifyAuditChain } from '../../audit/audit.repository';
import { fixedFirstQuarter } from '../../bulletins/fixed-quarter.test-support';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';
import { saveProgress } from '../../reporting/progress.service';
import { openReport } from '../../reporting/report-open.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Indicator = {
  id: number;
  name: string;
  target: number;
  unit: string;
  qualifier: string | null;
  actuals: { value: number | null }[];
};
type Version = {
  version: number;
  reason: string;
  changedByName: string;
  indicators: { id: number; name: string; target: number; unit: string; qualifier: string | null }[];
};
type Page = {
  task: { version: number };
  indicators: Indicator[];
  versions: Version[];
  history: { action: string; actorName: string; before: unknown; after: unknown }[];
};

describe('the office corrects a task’s indicator', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client, clerk: Client, otherOffice: Client;
  let taskId: number, otherTaskId: number;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    const other = await makeOrg(t.ctx, { name: '黄陂区' });
    await importNotice(t.ctx, systemActor('test'), org.id, { fileName: 'seed.txt', content: seed });
    const taskOf = async (annexNo: number, seq: string) =>
      (
        await t.ctx.db
          .selectFrom('tasks')
          .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
          .select('tasks.id')
          .where('tasks.org_id', '=', org.id)
          .where('annexes.no', '=', annexNo)
          .where('tasks.seq', '=', seq)
          .executeTakeFirstOrThrow()
      ).id;
    taskId = await taskOf(3, '8'); // 停车位, 充电桩: lead 区发改局, 区交通运输局 co-operates
    otherTaskId = await taskOf(1, '(1)');
    const transport = (
      await t.ctx.db
        .selectFrom('units')
        .select('id')
        .where('org_id', '=', org.id)
        .where('name', '=', '区交通运输局')
        .executeTakeFirstOrThrow()
    ).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, org.id, 'unit_staff', { unitId: transport })).username);
    otherOffice = await signInAs(t.app, (await makeUser(t.ctx, other.id, 'office')).username);
  });
  afterAll(() => t.close());

  const page = async (id = taskId): Promise<Page> => (await office.request('GET', `/api/tasks/${id}`)).json() as Page;
  const patch = (client: Client, indicatorId: number, body: Record<string, unknown>, id = taskId) =>
    client.request('PATCH', `/api/tasks/${id}/indicators/${indicatorId}`, body);
  const auditCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('renames 新洲区停车位考核目标 and raises its target: a new version with before and after, audited on the task', async () => {
    const before = await page();
    const target = before.indicators.find((i) => i.name === '新洲区停车位考核目标')!;
    expect(target).toMatchObject({ target: 3000, unit: '个', qualifier: null });

    const res = await patch(office, target.id, {
      version: before.task.version,
      name: ' 停车位考核目标 ',
      unit: '个',
      target: 3200,
      qualifier: '以上',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: before.task.version + 1, changed: true });

    const after = await page();
    expect(after.task.version).toBe(before.task.version + 1);
    expect(after.indicators.find((i) => i.id === target.id)).toMatchObject({
      name: '停车位考核目标',
      target: 3200,
      unit: '个',
      qualifier: '以上',
    });
    // 版本记录: the new version keeps the indicators as they now are, the previous one as they were.
    const [newest, previous] = after.versions;
    expect(newest).toMatchObject({
      version: before.task.version + 1,
      changedByName: '测试office',
      reason: '督查室修改指标（名称：新洲区停车位考核目标 → 停车位考核目标；目标：3000个 → 3200个以上）',
    });
    expect(newest!.indicators.find((i) => i.id === target.id)).toMatchObject({ name: '停车位考核目标', target: 3200 });
    expect(previous!.indicators.find((i) => i.id === target.id)).toMatchObject({
      name: '新洲区停车位考核目标',
      target: 3000,
    });
    // 修改记录: the audit entry on the task, before and after.
    expect(after.history[0]).toEqual({
      at: expect.any(String),
      action: 'task.indicator.update',
      actorName: '测试office',
      before: { indicatorId: target.id, name: '新洲区停车位考核目标', unit: '个', target: 3000, qualifier: null },
      after: { indicatorId: target.id, name: '停车位考核目标', unit: '个', target: 3200, qualifier: '以上' },
    });
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    // The unit sees the new name on the task it co-operates on.
    const seen = (await clerk.request('GET', `/api/tasks/${taskId}`)).json() as Page;
    expect(seen.indicators.map((i) => i.name)).toContain('停车位考核目标');
  });

  it('answers an unchanged save without a new version or audit entry', async () => {
    const p = await page();
    const i = p.indicators[0]!;
    const audits = await auditCount();
    const res = await patch(office, i.id, {
      version: p.task.version,
      name: i.name,
      unit: i.unit,
      target: i.target,
      qualifier: i.qualifier,
    });
    expect(res.json()).toEqual({ version: p.task.version, changed: false });
    expect(await auditCount()).toBe(audits);
    expect((await page()).versions.length).toBe(p.versions.length);
  });

  it('refuses bad values with Chinese reasons per field, writing nothing', async () => {
    const p = await page();
    const i = p.indicators[0]!;
    const audits = await auditCount();
    const good = { version: p.task.version, name: i.name, unit: i.unit, target: i.target, qualifier: i.qualifier };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: '   ' }, 'name', '指标名称不能为空'],
      [{ name: '停'.repeat(61) }, 'name', '指标名称不超过 60 个字（现为 61 个字）'],
      [{ unit: '个'.repeat(11) }, 'unit', '计量单位不超过 10 个字'],
      [{ unit: '30个' }, 'unit', '计量单位不能含数字'],
      [{ target: '约30' }, 'target', '目标值须为数字'],
      [{ target: null }, 'target', '目标值须为数字'],
      [{ target: 1e13 }, 'target', '目标值超出允许范围'],
      [{ qualifier: '大概' }, 'qualifier', '限定词只能是'],
    ];
    for (const [change, field, reason] of cases) {
      const res = await patch(office, i.id, { ...good, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      const error = res.json().error as { code: string; message: string; fields: Record<string, string> };
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields[field], JSON.stringify(change)).toContain(reason);
      expect(error.message).toContain(reason);
    }
    expect(await auditCount()).toBe(audits);
    expect((await page()).indicators[0]).toEqual(i);
  });

  it('refuses an edit over someone else’s newer version, with the indicator as it is now', async () => {
    const p = await page();
    const i = p.indicators[1]!;
    const res = await patch(office, i.id, {
      version: p.task.version - 1,
      name: '改名',
      unit: i.unit,
      target: i.target,
      qualifier: i.qualifier,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'EDIT_CONFLICT',
      current: { version: p.task.version, name: i.name },
    });
    expect((await page()).indicators[1]!.name).toBe(i.name);
  });

  it('refuses another task’s indicator, a unit clerk and another district’s office', async () => {
    const p = await page();
    const i = p.indicators[0]!;
    const body = { version: p.task.version, name: '改名', unit: i.unit, target: i.target, qualifier: null };
    const elsewhere = (await page(otherTaskId)).task.version;
    const wrongTask = await patch(office, i.id, { ...body, version: elsewhere }, otherTaskId);
    expect(wrongTask.statusCode).toBe(404);
    expect(wrongTask.json().error.message).toContain('该事项没有这个指标');
    expect((await patch(clerk, i.id, body)).statusCode).toBe(403);
    expect([403, 404]).toContain((await patch(otherOffice, i.id, body)).statusCode);
    expect((await page()).indicators[0]!.name).toBe(i.name);
  });
});

describe('an indicator edit after a unit reported against it', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let f: Awaited<ReturnType<typeof fixedFirstQuarter>>;
  let office: Client, clerk: Client;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp();
    f = await fixedFirstQuarter(t.ctx);
    // The unit's draft with an actual on the task's first indicator (no submission needed for that).
    const ctxAt = f.at('2025-04-03');
    const writer = { ...systemActor('区发改局经办人'), orgId: f.org.id };
    const report = await openReport(ctxAt, writer, f.q1, await f.unitId('区发改局'));
    reportId = report.id;
    const task = await f.taskId('1.');
    const row = await t.ctx.db
      .selectFrom('task_progress')
      .select('version')
      .where('report_id', '=', report.id)
      .where('task_id', '=', task)
      .executeTakeFirstOrThrow();
    const first = await t.ctx.db
      .selectFrom('indicators')
      .select('id')
      .where('task_id', '=', task)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await saveProgress(ctxAt, writer, report, task, {
      version: row.version,
      status: 'on_track',
      narrative: '投资增长7%。',
      problems: '',
      nextSteps: '',
      actuals: [{ indicatorId: first.id, value: 7 }],
    });
    const unit = (
      await t.ctx.db
        .selectFrom('units')
        .select('id')
        .where('org_id', '=', f.org.id)
        .where('name', '=', '区发改局')
        .executeTakeFirstOrThrow()
    ).id;
    office = await signInAs(t.app, (await makeUser(t.ctx, f.org.id, 'office')).username);
    clerk = await signInAs(t.app, (await makeUser(t.ctx, f.org.id, 'unit_staff', { unitId: unit })).username);
  });
  afterAll(() => t.close());

  it('keeps the reported actual on the renamed indicator, and the unit’s report shows the new name and a changed task', async () => {
    const taskId = await f.taskId('1.');
    const p = (await office.request('GET', `/api/tasks/${taskId}`)).json() as Page;
    const i = p.indicators[0]!;
    expect(i.actuals.map((a) => a.value)).toEqual([7]);
    const res = await office.request('PATCH', `/api/tasks/${taskId}/indicators/${i.id}`, {
      version: p.task.version,
      name: '全年固定资产投资增速',
      unit: i.unit,
      target: i.target,
      qualifier: i.qualifier,
    });
    expect(res.statusCode).toBe(200);
    const after = (await office.request('GET', `/api/tasks/${taskId}`)).json() as Page;
    expect(after.indicators[0]).toMatchObject({ id: i.id, name: '全年固定资产投资增速', actuals: [{ value: 7 }] });
    const report = (await clerk.request('GET', `/api/reports/${reportId}`)).json() as {
      items: { taskId: number; taskChangedSince: boolean; indicators: { name: string; actual: number | null }[] }[];
    };
    const item = report.items.find((x) => x.taskId === taskId)!;
    expect(item.indicators[0]).toMatchObject({ name: '全年固定资产投资增速', actual: 7 });
    expect(item.taskChangedSince).toBe(true);
  });
});
