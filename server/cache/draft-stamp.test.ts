import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo';
import { DEMO_PASSWORD } from '../demo/demo-directory';
import { buildApp, type App } from '../http/app';
import { createTestApp, signInAs, type Client } from '../test/app';
import { ANSWER_HEADER } from './caches';

type View = { report: { id: number; state: string; version: number }; items: { taskId: number; version: number; status: string; indicators: { id: number }[] }[] };

/**
 * Issue 19: a clerk's save of a report still with the unit moves only the draft stamp
 * (db/change-triggers.ts). Routes marked answerCache: 'ignores-drafts' keep their answers through it —
 * which is right only if none of them reads a report still with its unit. This proves it on the demo
 * (two districts under a city and a province, reports in every state): every such answer, for every
 * kind of reader, computed afresh before and after the clerk's saves, is the same byte for byte.
 */
describe('answers that ignore drafts', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let fresh: App; // the same database with no answers in memory: what a computation gives now
  const clients = new Map<string, Client>();
  const readers: { username: string; urls: string[] }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    await seedDemo(t.ctx);
    fresh = await buildApp({ ...t.ctx, config: { ...t.ctx.config, answerCacheBytes: 0 } }, { logger: false });
    for (const username of ['duchashi', 'dingli', 'jtj.jingban', 'jtj.fuzeren', 'jyj.jingban', 'fenghuang', 'wuhan.duchashi', 'wuhan.hanxue', 'hubei.duchashi']) {
      clients.set(username, await signInAs(t.app, username, DEMO_PASSWORD));
    }
    const district = ['/api/dashboard', '/api/tasks?pageSize=500', '/api/tasks?light=green&pageSize=20', '/api/tasks?light=red&pageSize=20'];
    const upper = async (username: string) => {
      const rollup = (await get(username, '/api/rollup')).json as { items: { upperTask: { id: number } }[] };
      expect(rollup.items.length, `${username} has items handed down`).toBeGreaterThan(0);
      return ['/api/dashboard', '/api/rollup', '/api/rollup/ranking', ...rollup.items.slice(0, 5).map((i) => `/api/rollup/tasks/${i.upperTask.id}`)];
    };
    readers.push(...['duchashi', 'dingli', 'jtj.jingban', 'jtj.fuzeren', 'jyj.jingban', 'fenghuang'].map((username) => ({ username, urls: district })));
    for (const username of ['wuhan.duchashi', 'wuhan.hanxue', 'hubei.duchashi']) readers.push({ username, urls: await upper(username) });
  }, 120_000);
  afterAll(async () => {
    await fresh?.close();
    await t?.close();
  });

  async function get(username: string, url: string, app: App = t.app) {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: clients.get(username)!.cookie } });
    expect(res.statusCode, `${username} ${url}: ${res.body}`).toBe(200);
    return { body: res.body, json: res.json() as unknown, fromMemory: res.headers[ANSWER_HEADER] === 'memory' };
  }
  const answers = async (app: App) => {
    const all = new Map<string, string>();
    for (const { username, urls } of readers) for (const url of urls) all.set(`${username} ${url}`, (await get(username, url, app)).body);
    return all;
  };

  it('keeps every such answer through a clerk’s saves, and each is what a fresh computation gives', async () => {
    // 区交通运输局's clerk has started the Q2 report (opening it is a change everyone may see).
    const clerk = clients.get('jtj.jingban')!;
    const periods = (await clerk.request('GET', '/api/periods')).json<{ items: { id: number; label: string }[] }>().items;
    const q2 = periods.find((p) => p.label === '2024年第二季度')!;
    const view = (await clerk.request('POST', `/api/periods/${q2.id}/reports/mine`)).json<View>();
    expect(view.report.state).toBe('draft');

    const before = await answers(fresh);
    await answers(t.app); // now in memory

    // The clerk fills it: every item's status, words and figures.
    for (const item of view.items) {
      const body = {
        version: item.version,
        status: 'delayed',
        narrative: '本季度因资金未到位，工程暂缓（草稿，尚未报送）',
        problems: '资金缺口',
        nextSteps: '',
        actuals: item.indicators.map((i) => ({ indicatorId: i.id, value: 1 })),
      };
      const res = await clerk.request('PUT', `/api/reports/${view.report.id}/tasks/${item.taskId}`, body);
      expect(res.statusCode, res.body).toBe(200);
    }

    for (const { username, urls } of readers) {
      for (const url of urls) {
        const kept = await get(username, url);
        expect(kept.fromMemory, `${username} ${url} kept in memory`).toBe(true);
        expect((await get(username, url, fresh)).body, `${username} ${url} computed afresh`).toBe(before.get(`${username} ${url}`));
      }
    }

    // The task page shows every entry, drafts too: it is answered anew, with the clerk's words.
    const taskId = view.items[0]!.taskId;
    const page = await get('duchashi', `/api/tasks/${taskId}`);
    expect(page.fromMemory).toBe(false);
    expect(page.body).toContain('工程暂缓（草稿，尚未报送）');

    // Sent to the head, the report has left the clerk's hands: the office's answers are computed anew.
    const filled = (await clerk.request('GET', `/api/reports/${view.report.id}`)).json<View>();
    const submitted = await clerk.request('POST', `/api/reports/${view.report.id}/submit`, { version: filled.report.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await get('duchashi', '/api/dashboard')).fromMemory).toBe(false);
  }, 120_000);

  it('moves the draft stamp for a report with its unit, and the full one once it has left', async () => {
    const sums = async () => {
      const row = await t.ctx.db
        .selectFrom('org_changes')
        .select((eb) => [eb.fn.sum<number | string>('seq').as('seq'), eb.fn.sum<number | string>('draft_seq').as('drafts')])
        .executeTakeFirstOrThrow();
      return { seq: Number(row.seq), drafts: Number(row.drafts) };
    };
    // Any report: its state is set below, one after another.
    const report = await t.ctx.db.selectFrom('unit_reports').select(['id', 'state']).orderBy('id').executeTakeFirstOrThrow();
    const entry = await t.ctx.db.selectFrom('task_progress').select(['id', 'org_id']).where('report_id', '=', report.id).executeTakeFirstOrThrow();
    const indicator = await t.ctx.db
      .selectFrom('indicators')
      .innerJoin('task_progress', 'task_progress.task_id', 'indicators.task_id')
      .select('indicators.id')
      .where('task_progress.id', '=', entry.id)
      .executeTakeFirst();
    // Straight into the database, as any write path would: the triggers decide.
    const writes = [
      sql`update task_progress set narrative = narrative || '。' where id = ${entry.id}`,
      ...(indicator
        ? [sql`insert into indicator_actuals (org_id, progress_id, indicator_id, value) values (${entry.org_id}, ${entry.id}, ${indicator.id}, 3) on conflict (progress_id, indicator_id) do update set value = 4`]
        : []),
      sql`insert into evidence_files (org_id, progress_id, file_name, content_type, size, sha256, content) values (${entry.org_id}, ${entry.id}, 'a.txt', 'text/plain', 1, 'x', ${Buffer.from('a')})`,
      sql`delete from evidence_files where progress_id = ${entry.id} and file_name = 'a.txt'`,
    ];
    for (const state of ['draft', 'returned', 'pending_head', 'accepted']) {
      await sql`update unit_reports set state = ${state} where id = ${report.id}`.execute(t.ctx.db);
      for (const write of writes) {
        const a = await sums();
        await write.execute(t.ctx.db);
        const b = await sums();
        const withUnit = state === 'draft' || state === 'returned';
        expect({ state, seq: b.seq > a.seq, drafts: b.drafts > a.drafts }).toEqual({ state, seq: !withUnit, drafts: withUnit });
      }
    }
    await sql`update unit_reports set state = ${report.state} where id = ${report.id}`.execute(t.ctx.db);
  });
});
