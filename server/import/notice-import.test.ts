import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { verifyAuditChain } from '../audit/audit.repository';
import { AppError } from '../errors/app-error';
import { createTestDb, type TestDb } from '../test/db';
import { makeOrg, makeUnit } from '../test/factories';
import { openReport } from '../reporting/report-open.service';
import { openOrClosePeriod } from '../reporting/periods.service';
import { importNotice, previewNotice } from './notice-import.service';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const upload = (content: Buffer | string, fileName = 'xinzhou-2024-notice.txt') => ({
  fileName,
  content: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
});
const actor = systemActor('test');

async function counts(t: TestDb, orgId: number) {
  const n = async (table: 'tasks' | 'units' | 'leaders' | 'notices' | 'task_units' | 'indicators') =>
    Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow()).n);
  const audit = Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { tasks: await n('tasks'), units: await n('units'), leaders: await n('leaders'), notices: await n('notices'), taskUnits: await n('task_units'), indicators: await n('indicators'), audit };
}

describe('importing a notice into the ledger', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.close());

  it('writes all 242 tasks with leaders, lead and co units, indicators and the original file', async () => {
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    // The office already calls this unit by its short name; the notice's longer spelling must resolve to it.
    const culture = await makeUnit(t.ctx, org.id, { name: '区文化和旅游局' });
    const result = await importNotice(t.ctx, actor, org.id, upload(seed));
    expect(result).toMatchObject({ created: true, tasks: 242, annexes: 5 });

    const annexes = await t.ctx.db.selectFrom('annexes').select(['no', 'kind']).where('notice_id', '=', result.noticeId).orderBy('no').execute();
    expect(annexes.map((a) => a.kind)).toEqual(['district-gwr', 'province-gwr', 'province-livelihood', 'city-gwr', 'city-livelihood']);

    const notice = await t.ctx.db.selectFrom('notices').selectAll().where('id', '=', result.noticeId).executeTakeFirstOrThrow();
    expect(notice).toMatchObject({ doc_number: '新政办〔2024〕1号', issued_date: '2024-04-02', year: 2024, report_to: '区政府督查室' });
    expect(JSON.parse(notice.reporting_deadlines_json)).toEqual(['2024-04-01', '2024-07-01', '2024-10-01', '2025-01-01']);
    const file = await t.ctx.db.selectFrom('notice_files').selectAll().where('notice_id', '=', result.noticeId).executeTakeFirstOrThrow();
    expect(Buffer.from(file.content).equals(seed)).toBe(true);

    // Task (4) of annex 1: leaders 李先勇 肖新锋; lead 区发改局, co 区水务和湖泊局 and 区生态环境分局.
    const task = await t.ctx.db
      .selectFrom('tasks')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['tasks.id'])
      .where('annexes.no', '=', 1)
      .where('tasks.seq', '=', '(4)')
      .where('tasks.org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    const units = await t.ctx.db
      .selectFrom('task_units')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['units.name', 'task_units.role'])
      .where('task_id', '=', task.id)
      .orderBy('position')
      .execute();
    expect(units).toEqual([
      { name: '区发改局', role: 'lead' },
      { name: '区水务和湖泊局', role: 'co' },
      { name: '区生态环境分局', role: 'co' },
    ]);
    const leaders = await t.ctx.db
      .selectFrom('task_leaders')
      .innerJoin('leaders', 'leaders.id', 'task_leaders.leader_id')
      .select('leaders.name')
      .where('task_id', '=', task.id)
      .orderBy('position')
      .execute();
    expect(leaders.map((l) => l.name)).toEqual(['李先勇', '肖新锋']);

    // (1) 地区生产总值增长 6%左右
    const gdp = await t.ctx.db
      .selectFrom('indicators')
      .innerJoin('tasks', 'tasks.id', 'indicators.task_id')
      .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
      .select(['indicators.name', 'indicators.target', 'indicators.unit', 'indicators.qualifier'])
      .where('annexes.no', '=', 1)
      .where('tasks.seq', '=', '(1)')
      .where('tasks.org_id', '=', org.id)
      .execute();
    expect(gdp).toEqual([{ name: '地区生产总值增长', target: 6, unit: '%', qualifier: '左右' }]);

    // The printed variant 区文化和旅游发展局 was folded into the existing unit, not created anew.
    const cultureUnits = await t.ctx.db.selectFrom('units').select(['id', 'name']).where('org_id', '=', org.id).where('name', 'like', '区文化和旅游%').execute();
    expect(cultureUnits).toEqual([{ id: culture.id, name: '区文化和旅游局' }]);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('writes nothing when the import fails half-way (one transaction)', async () => {
    const org = await makeOrg(t.ctx);
    const before = await counts(t, org.id);
    // Make the database refuse the 150th task, after units, leaders and 149 tasks were written.
    if (t.ctx.engine === 'sqlite') {
      await sql`create trigger fail_import before insert on tasks when new.position = 150 begin select raise(abort, 'disk full'); end`.execute(t.ctx.db);
    } else {
      await sql`create function fail_import() returns trigger language plpgsql as $$ begin if new.position = 150 then raise exception 'disk full'; end if; return new; end $$`.execute(t.ctx.db);
      await sql`create trigger fail_import before insert on tasks for each row execute function fail_import()`.execute(t.ctx.db);
    }
    await expect(importNotice(t.ctx, actor, org.id, upload(seed))).rejects.toThrow(/disk full/);
    expect(await counts(t, org.id)).toEqual(before);
    await sql`drop trigger fail_import ${sql.raw(t.ctx.engine === 'postgres' ? 'on tasks' : '')}`.execute(t.ctx.db);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('refuses bad input with a clear error naming the file and writes nothing', async () => {
    const org = await makeOrg(t.ctx);
    const before = await counts(t, org.id);
    const cases: [string, string | Buffer, string, RegExp][] = [
      ['空.txt', '', 'IMPORT_FILE_EMPTY', /空\.txt/],
      ['信.txt', '各位同事：\n下周一开会，请准时参加。\n', 'NOTICE_NOT_A_NOTICE', /信\.txt/],
      ['表.txt', '甲\t乙\t丙\n1\t2\t3\n4\t5\t6\n7\t8\t9\n', 'NOTICE_NO_TABLE_COLUMNS', /表\.txt，第1行/],
    ];
    for (const [name, content, code, where] of cases) {
      const error = await importNotice(t.ctx, actor, org.id, upload(content, name)).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(AppError);
      expect((error as AppError).code, name).toBe(code);
      expect((error as AppError).detail?.zh, name).toMatch(where);
    }
    expect(await counts(t, org.id)).toEqual(before);
  });

  it('shows a re-import as differences and applies only what the office accepts, keeping task ids', async () => {
    const org = await makeOrg(t.ctx);
    const first = await importNotice(t.ctx, actor, org.id, upload(seed));
    const again = await importNotice(t.ctx, actor, org.id, upload(seed)).catch((e: AppError) => e);
    expect((again as AppError).code).toBe('NOTICE_ALREADY_IMPORTED');

    const text = seed.toString('utf8');
    const edited = text
      .replace('(2) 地方一般公共预算收入增长 5%左右。', '(2) 地方一般公共预算收入增长 5.5%左右。')
      .replace('(3) 城乡居民人均可支配收入增长与经济增长基本同步。', '(3) 城乡居民人均可支配收入增长快于经济增长。');
    const preview = await previewNotice(t.ctx, org.id, upload(edited));
    expect(preview.existing?.noticeId).toBe(first.noticeId);
    expect(preview.existing?.diff.changed.map((c) => c.key)).toEqual(['1/(2)', '1/(3)']);
    const change = preview.existing?.diff.changed[0]?.fields.standard;
    expect(change?.before).toMatch(/^地方一般公共预算收入增长 ?5%左右。$/);
    expect(change?.after).toMatch(/^地方一般公共预算收入增长 ?5\.5%左右。$/);
    expect(preview.existing?.diff.unchanged).toBe(240);

    const idOf = async (seq: string) =>
      (
        await t.ctx.db
          .selectFrom('tasks')
          .select(['id', 'standard', 'version'])
          .where('notice_id', '=', first.noticeId)
          .where('seq', '=', seq)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      );
    const before2 = await idOf('(2)');
    const result = await importNotice(t.ctx, actor, org.id, upload(edited), { update: true, accept: ['1/(2)'] });
    expect(result.applied).toEqual({ added: 0, changed: 1, removed: 0, keptWithProgress: 0 });
    const after2 = await idOf('(2)');
    expect(after2).toEqual({ id: before2.id, standard: change?.after, version: before2.version + 1 });
    expect((await idOf('(3)')).standard).toBe('城乡居民人均可支配收入增长与经济增长基本同步。');
    expect(await t.ctx.db.selectFrom('notice_files').select('id').where('notice_id', '=', first.noticeId).execute()).toHaveLength(2);
  });

  it('never loses reported progress: a task removed from the notice but reported on stays', async () => {
    const org = await makeOrg(t.ctx);
    const first = await importNotice(t.ctx, actor, org.id, upload(seed));
    const period = await t.ctx.db.selectFrom('periods').selectAll().where('notice_id', '=', first.noticeId).where('position', '=', 1).executeTakeFirstOrThrow();
    const opened = period.status === 'open' ? period : await openOrClosePeriod(t.ctx, actor, period, 'open');
    const transport = await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', org.id).where('name', '=', '区交通运输局').executeTakeFirstOrThrow();
    const report = await openReport(t.ctx, actor, opened, transport.id);
    // An actual reported against (12)'s neighbour's indicator must survive the re-import of a changed task.
    const withIndicator = await t.ctx.db
      .selectFrom('task_progress')
      .innerJoin('indicators', 'indicators.task_id', 'task_progress.task_id')
      .select(['task_progress.id as progress_id', 'indicators.id as indicator_id', 'task_progress.task_id'])
      .where('task_progress.report_id', '=', report.id)
      .executeTakeFirst();
    expect(withIndicator).toBeDefined();
    if (withIndicator) {
      await t.ctx.db.insertInto('indicator_actuals').values({ org_id: org.id, progress_id: withIndicator.progress_id, indicator_id: withIndicator.indicator_id, value: 1 }).execute();
    }
    const withoutTask12 = seed
      .toString('utf8')
      .split('\n')
      .filter((line) => !line.includes('(12) 推动重大引领性交通项目'))
      .join('\n');
    const result = await importNotice(t.ctx, actor, org.id, upload(withoutTask12), { update: true });
    expect(result.applied).toMatchObject({ removed: 0, keptWithProgress: 1 });
    const kept = await t.ctx.db.selectFrom('tasks').select('id').where('notice_id', '=', first.noticeId).where('seq', '=', '(12)').execute();
    expect(kept).toHaveLength(1);
    if (withIndicator) {
      // Changing that task's text in a later version keeps the reported actual on its indicator.
      const standard = (await t.ctx.db.selectFrom('tasks').select('standard').where('id', '=', withIndicator.task_id).executeTakeFirstOrThrow()).standard;
      const edited = withoutTask12.replace(standard.slice(0, 8), `${standard.slice(0, 8)}（修订）`);
      await importNotice(t.ctx, actor, org.id, upload(edited), { update: true });
      const actual = await t.ctx.db.selectFrom('indicator_actuals').select('value').where('indicator_id', '=', withIndicator.indicator_id).executeTakeFirst();
      expect(actual).toEqual({ value: 1 });
    }
  });
});
