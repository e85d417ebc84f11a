import fs from 'node:fs';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemActor } from '../../audit/actor';
import { auditPage } from '../../audit/audit-view';
import { auditScopeOf } from '../../audit/export';
import { importNotice } from '../../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../../test/app';
import { makeOrg, makeUser } from '../../test/factories';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo/xinzhou-2024-notice.txt'));

type Line = {
  id: number;
  grouped: boolean;
  count: number;
  action: string;
  actionLabel: string;
  actor: { userId: number | null; name: string; roleLabel: string | null; recordedName: string };
  entity: string;
  entityLabel: string;
  entityId: string | null;
  objectName: string | null;
  entries: { id: number; action: string; entityId: string | null }[];
};
type Item = { taskId: number; progressId: number; version: number; annexNo: number; seq: string };

/**
 * The audit log as people read it: names of who and what, filters, and a clerk's autosaves of one
 * item shown as one 「编辑进展」 line — on the seed notice, through the real routes, on both engines.
 */
describe('the audit log for people', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let orgId: number;
  let clerk: Client, clerk2: Client, auditor: Client, office: Client;
  let clerkId: number;
  let reportId: number;
  let itemA: Item, itemB: Item;

  const get = async (query: string) => {
    const res = await auditor.request('GET', `/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { lines: Line[]; nextBeforeId: number | null };
  };
  const save = async (who: Client, item: Item, narrative: string) => {
    const res = await who.request('PUT', `/api/reports/${reportId}/tasks/${item.taskId}`, { version: item.version, status: 'on_track', narrative });
    expect(res.statusCode, res.body).toBe(200);
    item.version = res.json().version;
  };

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    orgId = (await makeOrg(t.ctx, { name: '新洲区' })).id;
    await importNotice(t.ctx, systemActor('导入程序'), orgId, { fileName: 'seed.txt', content: seed });
    const transport = (await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', orgId).where('name', '=', '区交通运输局').executeTakeFirstOrThrow()).id;
    const clerkUser = await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport });
    clerkId = clerkUser.id;
    clerk = await signInAs(t.app, clerkUser.username);
    clerk2 = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'unit_staff', { unitId: transport })).username);
    office = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'office')).username);
    auditor = await signInAs(t.app, (await makeUser(t.ctx, orgId, 'auditor')).username);
    const q2 = ((await office.request('GET', '/api/periods')).json().items as { id: number; label: string }[]).find((p) => p.label === '2024年第二季度')!;
    const view = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json() as { report: { id: number }; items: Item[] };
    reportId = view.report.id;
    [itemA, itemB] = view.items as [Item, Item];

    // The clerk types in item A (five autosaves), then B (two); a colleague saves A once in between;
    // after a 15-minute pause the clerk comes back to A (two more). Only the audit's clock moves.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    for (let i = 1; i <= 3; i += 1) await save(clerk, itemA, `第${i}稿`);
    await save(clerk2, itemA, '同事的修改');
    for (let i = 4; i <= 5; i += 1) await save(clerk, itemA, `第${i}稿`);
    await save(clerk, itemB, 'B 第1稿');
    await save(clerk, itemB, 'B 第2稿');
    vi.setSystemTime(Date.now() + 15 * 60_000);
    await save(clerk, itemA, '第6稿');
    await save(clerk, itemA, '第7稿');
    vi.useRealTimers();
  });
  afterAll(() => t.close());

  it("groups one person's autosaves of one item into one 编辑进展 line, and starts a new line after a pause of more than 10 minutes", async () => {
    const { lines } = await get(`actorUserId=${clerkId}&actions=progress.save`);
    expect(lines.map((l) => [l.entityId, l.count, l.grouped, l.actionLabel])).toEqual([
      [String(itemA.progressId), 2, true, '编辑进展'],
      [String(itemB.progressId), 2, true, '编辑进展'],
      [String(itemA.progressId), 5, true, '编辑进展'],
    ]);
    // Every write is still there, newest first, inside its line.
    const all = lines.flatMap((l) => l.entries.map((e) => e.id));
    expect(all).toEqual([...all].sort((a, b) => b - a));
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'progress.save').execute()).toHaveLength(10);
    // The colleague's save of the same item is their own line.
    const colleague = (await get('actions=progress.save')).lines.filter((l) => l.actor.userId !== clerkId);
    expect(colleague.map((l) => [l.count, l.actionLabel])).toEqual([[1, '保存进展']]);
  });

  it('names who acted (name and role) and what (report item, report, notice, account), with the ids kept', async () => {
    const { lines } = await get('limit=200');
    const edit = lines.find((l) => l.action === 'progress.save' && l.grouped)!;
    expect(edit.actor).toMatchObject({ userId: clerkId, name: '测试unit_staff', roleLabel: '单位经办人' });
    expect(edit.objectName).toMatch(/^区交通运输局2024年第二季度报告 · 附件\d+·\S+ \S+/);
    expect(edit.entityLabel).toBe('任务进展');
    const report = lines.find((l) => l.action === 'report.create')!;
    expect(report).toMatchObject({ actionLabel: '开始填报', entityId: String(reportId), objectName: '区交通运输局 · 2024年第二季度报告' });
    const notice = lines.find((l) => l.action === 'notice.import')!;
    expect(notice.objectName).toMatch(/^新政办〔2024〕1号 /);
    // The import ran as the system: its recorded name, no role.
    expect(notice.actor).toMatchObject({ userId: null, name: '导入程序', roleLabel: null });
    const signIn = lines.find((l) => l.action === 'auth.sign_in' && l.actor.userId === clerkId)!;
    expect(signIn.objectName).toMatch(/^测试unit_staff（单位经办人，/);
    // No line is left with an English label.
    for (const l of lines) expect(l.actionLabel, l.action).toMatch(/[\u4e00-\u9fff]/);
  });

  it('filters by person, action, object type and date range, on the server', async () => {
    const byType = (await get('entity=unit_report')).lines;
    expect(byType.length).toBeGreaterThan(0);
    expect(new Set(byType.map((l) => l.entity))).toEqual(new Set(['unit_report']));
    const two = (await get('actions=report.create,notice.import')).lines;
    expect(new Set(two.map((l) => l.action))).toEqual(new Set(['report.create', 'notice.import']));
    const system = (await get(`actorName=${encodeURIComponent('导入程序')}`)).lines;
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((l) => l.actor.userId === null && l.actor.recordedName === '导入程序')).toBe(true);
    // The entries' time is the system's (today, Beijing): yesterday holds nothing, today everything.
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await get(`from=${yesterday}&to=${yesterday}`)).lines).toEqual([]);
    expect((await get(`from=${today}&to=${today}&actorUserId=${clerkId}&actions=progress.save`)).lines).toHaveLength(3);
    // The person filter's choices: the accounts in the log, with their role.
    const actors = (await auditor.request('GET', '/api/audit/actors')).json().items as { userId: number | null; name: string; roleLabel: string | null; entries: number }[];
    expect(actors.find((a) => a.userId === clerkId)).toMatchObject({ name: '测试unit_staff', roleLabel: '单位经办人' });
    expect(actors.find((a) => a.name === '导入程序')).toMatchObject({ userId: null, roleLabel: null });
  });

  it('refuses a bad filter with the field named', async () => {
    for (const q of [`from=2024-07-02&to=2024-07-01`, 'actions=DROP TABLE', 'entity=Task-1', `actorUserId=${clerkId}&actorName=x`, 'from=2024-02-30']) {
      const res = await auditor.request('GET', `/api/audit?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code, q).toBe('VALIDATION_FAILED');
    }
  });

  it('pages by lines without cutting a group in two: small pages add up to the one big page', async () => {
    const filter = `actorUserId=${clerkId}`;
    const whole = (await get(`limit=200&${filter}`)).lines;
    expect(whole.some((l) => l.count === 5)).toBe(true);
    const paged: Line[] = [];
    let before: number | null = null;
    for (let guard = 0; guard < 500; guard += 1) {
      const page: { lines: Line[]; nextBeforeId: number | null } = await get(`limit=1&${filter}${before ? `&beforeId=${before}` : ''}`);
      expect(page.lines.length).toBeGreaterThan(0);
      paged.push(...page.lines);
      before = page.nextBeforeId;
      if (before === null) break;
    }
    expect(paged.map((l) => [l.id, l.count])).toEqual(whole.map((l) => [l.id, l.count]));
    // Unfiltered, a page of 5 lines is 5 lines (plus at most the rest of its last group), not the whole busy minute.
    const first = await get('limit=5');
    expect(first.lines.length).toBe(5);
    expect(first.nextBeforeId).not.toBeNull();
  });

  it('names a page in a fixed number of queries, however many objects it holds', async () => {
    const org = (await t.ctx.db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirstOrThrow())!;
    const count = async (limit: number) => {
      let n = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          n += 1;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const page = await auditPage(t.ctx.db.withPlugin(counter), auditScopeOf(org), { limit, filter: {} });
      return { queries: n, lines: page.lines.length, objects: new Set(page.lines.map((l) => `${l.entity}:${l.entityId}`)).size };
    };
    const small = await count(3);
    const large = await count(200);
    expect(large.objects).toBeGreaterThan(small.objects * 10);
    // One read of the log, one of the accounts, one per kind of object on the page (≤ 20 kinds).
    expect(large.queries).toBeLessThanOrEqual(25);
    expect(large.queries - small.queries).toBeLessThanOrEqual(10);
  });
});
