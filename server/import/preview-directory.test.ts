import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postMultipart, signInAs, type Client } from '../test/app';
import { makeLeader, makeOrg, makeUnit, makeUser } from '../test/factories';

// Issue 16, the preview that teaches and the notice with no letterhead, through the HTTP API on
// both engines: the units and leaders not yet in the directory, the office's defaults for the facts
// a notice lacks, and an import that stores those facts, maps a new name to an existing unit and
// needs no 文号.

// Copied from a web page: navigation text around a table, no 文号, title, issuer or date.
const WEB_PAGE = [
  '首页 > 政务公开 > 重点工作',
  '【字体：大 中 小】 打印本页',
  '序号\t工作任务\t责任领导\t牵头单位\t完成时限',
  '1\t改造老旧小区12个。\t王明\t区住建局\t6月底前',
  '2\t新建社区食堂3个。\t王明\t区民政局\t三季度末',
  '3\t建设政务数据共享平台。\t李华\t区数据管理局\t年底前',
  '4\t开展全民健身活动20场。\t赵强\t区文体局\t长期',
  '5\t建成口袋公园5处。\t李华\t区城管局、区数据局\t10月底前',
].join('\n');

describe('import preview: new names and missing facts', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let office: Client;
  let orgId: number;
  const file = (name = '重点工作.txt') => ({ name: 'file', value: Buffer.from(WEB_PAGE), fileName: name });

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2025-03-18' });
    orgId = (await makeOrg(t.ctx, { name: '清河区' })).id;
    for (const name of ['区住建局', '区民政局', '区文体局', '区城管局']) await makeUnit(t.ctx, orgId, { name });
    await makeUnit(t.ctx, orgId, { name: '区政务服务和大数据管理局', aliases: ['区大数据局'] });
    for (const name of ['王明', '李华']) await makeLeader(t.ctx, orgId, name);
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
  });
  afterAll(() => t.close());

  it('reads the tasks, lists what the directory lacks and offers the office’s defaults', async () => {
    const res = await postMultipart(t.app, office, '/api/notices/preview', [file()]);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.parsed.stats.tasks).toBe(5);
    expect(body.parsed.missingFacts).toEqual(['docNumber', 'title', 'issuer', 'issuedDate', 'year']);
    expect(body.documentDefaults).toEqual({
      title: '2025年重点工作任务',
      issuer: '清河区人民政府办公室',
      issuedDate: '2025-03-18',
      year: 2025,
    });
    expect(body.directory.units).toEqual([
      { name: '区数据管理局', printed: ['区数据局'], tasks: ['1/3', '1/5'], suggestion: '区政务服务和大数据管理局' },
    ]);
    expect(body.directory.leaders).toEqual([{ name: '赵强', printed: [], tasks: ['1/4'], suggestion: null }]);
    expect(body.parsed.annexes[0].layout).toBe('table');
    expect(body.existing).toBeNull();
  });

  it('refuses a mapping to a unit that does not exist and facts that are not facts, writing nothing', async () => {
    const bad = await postMultipart(t.app, office, '/api/notices/import', [
      { name: 'options', value: JSON.stringify({ unitMap: [{ from: '区数据管理局', to: '区不存在局' }] }) },
      file(),
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.message).toContain('区不存在局');
    const badDate = await postMultipart(t.app, office, '/api/notices/import', [
      { name: 'options', value: JSON.stringify({ document: { issuedDate: '2025-02-30', title: ' ' } }) },
      file(),
    ]);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toMatch(/document\.(issuedDate|title)/);
    expect(await t.ctx.db.selectFrom('notices').select('id').execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('units').select('name').where('name', '=', '区数据管理局').execute()).toEqual([]);
  });

  it('imports without 文号: the facts filled in, due dates in that year, the new name on the existing unit', async () => {
    const options = {
      document: {
        docNumber: null,
        title: '2025年民生重点工作',
        issuer: '清河区人民政府办公室',
        issuedDate: '2025-02-20',
        year: 2025,
      },
      unitMap: [{ from: '区数据管理局', to: '区大数据局' }],
    };
    const res = await postMultipart(t.app, office, '/api/notices/import', [
      { name: 'options', value: JSON.stringify(options) },
      file(),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: true, tasks: 5 });
    const noticeId = res.json().noticeId as number;
    const notice = await t.ctx.db
      .selectFrom('notices')
      .selectAll()
      .where('id', '=', noticeId)
      .executeTakeFirstOrThrow();
    expect(notice).toMatchObject({
      doc_number: null,
      title: '2025年民生重点工作',
      issuer: '清河区人民政府办公室',
      issued_date: '2025-02-20',
      year: 2025,
    });
    const tasks = await t.ctx.db
      .selectFrom('tasks')
      .select(['seq', 'due_date'])
      .where('notice_id', '=', noticeId)
      .orderBy('position')
      .execute();
    expect(tasks.map((x) => x.due_date)).toEqual(['2025-06-30', '2025-09-30', '2025-12-31', null, '2025-10-31']);
    const units = await t.ctx.db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .innerJoin('units', 'units.id', 'task_units.unit_id')
      .select(['tasks.seq', 'units.name'])
      .where('tasks.notice_id', '=', noticeId)
      .where('tasks.seq', 'in', ['3', '5'])
      .orderBy('tasks.seq')
      .orderBy('task_units.position')
      .execute();
    expect(units).toEqual([
      { seq: '3', name: '区政务服务和大数据管理局' },
      { seq: '5', name: '区城管局' },
      { seq: '5', name: '区政务服务和大数据管理局' },
    ]);
    // No unit was made of the mapped name; it and the notice's other spelling of it are remembered as
    // spellings of the existing one, audited.
    expect(await t.ctx.db.selectFrom('units').select('name').where('name', '=', '区数据管理局').execute()).toEqual([]);
    const aliases = await t.ctx.db
      .selectFrom('unit_aliases')
      .select('alias')
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    expect(aliases.map((a) => a.alias)).toEqual(['区大数据局', '区数据管理局', '区数据局']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'unit.update')
      .execute();
    expect(audit).toHaveLength(1);
    // The leader not mapped is created as new.
    expect(
      await t.ctx.db
        .selectFrom('leaders')
        .select('name')
        .where('org_id', '=', orgId)
        .where('name', '=', '赵强')
        .execute(),
    ).toHaveLength(1);
  });

  it('imports the same notice without 文号 again as a second notice (nothing to match it by), and the next preview knows the spelling', async () => {
    const again = await postMultipart(t.app, office, '/api/notices/preview', [file('再次.txt')]);
    expect(again.json().existing).toBeNull();
    expect(again.json().directory.units).toEqual([]);
    const res = await postMultipart(t.app, office, '/api/notices/import', [
      {
        name: 'options',
        value: JSON.stringify({
          document: {
            title: '2025年民生重点工作（二）',
            issuer: '清河区人民政府办公室',
            issuedDate: '2025-03-01',
            year: 2025,
          },
        }),
      },
      file('再次.txt'),
    ]);
    expect(res.statusCode).toBe(200);
    const notices = await t.ctx.db
      .selectFrom('notices')
      .select(['doc_number', 'title'])
      .where('org_id', '=', orgId)
      .orderBy('id')
      .execute();
    expect(notices).toEqual([
      { doc_number: null, title: '2025年民生重点工作' },
      { doc_number: null, title: '2025年民生重点工作（二）' },
    ]);
  });
});
