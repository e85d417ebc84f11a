import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { NOT_ORG_DATA } from '../db/change-triggers';
import { tablesWithOrgData } from '../db/migrations/0030_change_sequences';
import { buildApp, type App } from '../http/app';
import { importNotice } from '../import/notice-import.service';
import { createTestApp, signInAs, type Client } from '../test/app';
import { makeOrg, makeUser } from '../test/factories';
import { testEngine } from '../test/db';
import { ANSWER_HEADER } from './caches';
import { LISTENER_NAME } from './session-cache';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));
const actor = systemActor('test');

/**
 * Issue 19: answers kept in memory are served while their data is unchanged and never after a
 * change, whichever process or path made it; the change sequence moves on every table of an
 * organisation's data, by triggers on both engines.
 */
describe('answers from memory, never stale', () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let other: App; // a second app on the same database: another process, as far as caching goes
  let district: number;
  let city: number;
  let office: Client;
  let officeOnOther: Client;

  beforeAll(async () => {
    t = await createTestApp({ DUBAN_TODAY: '2024-06-25' });
    city = (await makeOrg(t.ctx, { level: 'city' })).id;
    district = (await makeOrg(t.ctx, { parentId: city })).id;
    await importNotice(t.ctx, actor, district, { fileName: 'seed.txt', content: seed });
    other = await buildApp(t.ctx, { logger: false });
    const username = (await makeUser(t.ctx, district, 'office')).username;
    office = await signInAs(t.app, username);
    officeOnOther = await signInAs(other, username);
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const get = async (client: Client, url: string) => {
    const res = await client.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, fromMemory: res.headers[ANSWER_HEADER] === 'memory' };
  };

  it('serves the second read of the dashboard, task list and task page from memory, byte for byte', async () => {
    const task = (await get(office, '/api/tasks?pageSize=5')).body;
    const taskId = (JSON.parse(task) as { items: { id: number }[] }).items[0]!.id;
    for (const url of ['/api/dashboard', '/api/tasks?pageSize=5', `/api/tasks/${taskId}`]) {
      const first = await get(office, url);
      const second = await get(office, url);
      expect(second.fromMemory, url).toBe(true);
      expect(second.body).toBe(first.body);
    }
  });

  it('answers anew after a write through the API in another process', async () => {
    const { items } = JSON.parse((await get(office, '/api/tasks?pageSize=1')).body) as { items: { id: number; version: number }[] };
    const taskId = items[0]!.id;
    await get(office, `/api/tasks/${taskId}`);
    expect((await get(office, `/api/tasks/${taskId}`)).fromMemory).toBe(true);
    const detail = JSON.parse((await get(officeOnOther, `/api/tasks/${taskId}`)).body) as { task: { version: number; standard: string } };
    const res = await officeOnOther.request('PATCH', `/api/tasks/${taskId}`, { standard: `${detail.task.standard}（已调整）`, version: detail.task.version });
    expect(res.statusCode, res.body).toBe(200);
    const after = await get(office, `/api/tasks/${taskId}`);
    expect(after.fromMemory).toBe(false);
    expect(JSON.parse(after.body).task.standard).toMatch(/（已调整）$/);
  });

  it('answers anew after a change written straight into the database, in the organisation above too', async () => {
    await get(office, '/api/dashboard');
    expect((await get(office, '/api/dashboard')).fromMemory).toBe(true);
    // Not through any service: the triggers alone move the sequence.
    await sql`update units set name = name where org_id = ${district}`.execute(t.ctx.db);
    expect((await get(office, '/api/dashboard')).fromMemory).toBe(false);
    expect((await get(office, '/api/dashboard')).fromMemory).toBe(true);
    // A change of the city's data reaches the district's answers (items handed down, adjustments).
    await makeUser(t.ctx, city, 'office');
    expect((await get(office, '/api/dashboard')).fromMemory).toBe(false);
    // Another district's change does not.
    const sibling = (await makeOrg(t.ctx, { parentId: null })).id;
    await get(office, '/api/dashboard');
    await makeUser(t.ctx, sibling, 'office');
    expect((await get(office, '/api/dashboard')).fromMemory).toBe(true);
  });

  it('keeps answers per person: a unit clerk never gets the office’s answer', async () => {
    const unit = await t.ctx.db.selectFrom('units').select('id').where('org_id', '=', district).where('name', '=', '区发改局').executeTakeFirstOrThrow();
    const clerk = await signInAs(t.app, (await makeUser(t.ctx, district, 'unit_staff', { unitId: unit.id })).username);
    const officeList = JSON.parse((await get(office, '/api/tasks?pageSize=500')).body) as { total: number };
    const clerkList = await get(clerk, '/api/tasks?pageSize=500');
    expect(clerkList.fromMemory).toBe(false);
    expect((JSON.parse(clerkList.body) as { total: number }).total).toBeLessThan(officeList.total);
  });

  it.skipIf(testEngine !== 'postgres')('keeps answering when the sessions listener’s connection is cut under a batch of requests', async () => {
    // Each app process here (two) listens on a connection of its own.
    await expect.poll(async () => (await listenerPids()).length, { timeout: 10_000 }).toBe(2);
    // The batch's stamp query is held on the listening connection (a lock on the stamps), and the
    // connection is cut under it: the cut always lands while the query is in flight.
    const database = t.ctx.config.database;
    if (database.engine !== 'postgres') throw new Error('PostgreSQL only');
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table org_changes in access exclusive mode');
      const requests = Array.from({ length: 20 }, (_, i) => office.request('GET', i % 2 ? '/api/dashboard' : '/api/tasks?pageSize=5'));
      const waiting = async () =>
        (
          await holder.query<{ pid: number }>(
            "select pid from pg_stat_activity where application_name = $1 and datname = current_database() and wait_event_type = 'Lock'",
            [LISTENER_NAME],
          )
        ).rows.map((r) => r.pid);
      await expect.poll(async () => (await waiting()).length, { timeout: 10_000 }).toBeGreaterThan(0);
      for (const pid of await waiting()) await holder.query('select pg_terminate_backend($1)', [pid]);
      await holder.query('commit');
      const statuses = (await Promise.all(requests)).map((r) => r.statusCode);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
    } finally {
      await holder.end();
    }
    // The listener comes back by itself and answers stay right.
    await expect.poll(async () => (await listenerPids()).length, { timeout: 10_000 }).toBe(2);
    expect((await office.request('GET', '/api/dashboard')).statusCode).toBe(200);
  }, 60_000);

  const listenerPids = async () =>
    (
      await sql<{ pid: number }>`select pid from pg_stat_activity where application_name = ${LISTENER_NAME} and datname = current_database()`.execute(t.ctx.db)
    ).rows.map((r) => r.pid);

  it('moves the change sequence on every table of an organisation’s data (a trigger for each)', async () => {
    const tables = await tablesWithOrgData(t.ctx.db as unknown as Kysely<unknown>, t.ctx.engine);
    expect(tables).toContain('task_progress');
    expect(tables.some((n) => NOT_ORG_DATA.has(n))).toBe(false);
    const { rows } =
      t.ctx.engine === 'postgres'
        ? await sql<{ name: string }>`select distinct event_object_table as name from information_schema.triggers where trigger_name like '%_org_change_%'`.execute(t.ctx.db)
        : await sql<{ name: string }>`select distinct tbl_name as name from sqlite_master where type = 'trigger' and name like '%_org_change_%'`.execute(t.ctx.db);
    const withTriggers = new Set(rows.map((r) => r.name));
    expect(tables.filter((n) => !withTriggers.has(n)), 'tables with org_id but no change triggers: call addOrgChangeTriggers in their migration').toEqual([]);
  });
});
