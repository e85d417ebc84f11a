import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../audit/actor';
import { ANSWER_HEADER } from '../cache/caches';
import { loadConfig } from '../config/config';
import { openContext, type AppContext } from '../context';
import { buildApp, type App } from '../http/app';
import { importNotice } from '../import/notice-import.service';
import { signInAs, type Client } from '../test/app';
import { TEST_RATE_LIMITS, testEngine } from '../test/db';
import { makeOrg, makeUser } from '../test/factories';
import { startStandbyPair, type StandbyPair } from '../test/pg-standby';

const seed = fs.readFileSync(path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt'));

/**
 * Issue 19: read-only requests go to a real hot standby (a second PostgreSQL cluster made by
 * pg_basebackup, streaming from the first) once it has replayed what the primary had committed
 * when they came in; a person reads back what they just wrote, even while the standby lags.
 */
describe.skipIf(testEngine !== 'postgres')('reads that scale out to a streaming replica', () => {
  let pair: StandbyPair;
  let ctx: AppContext & { close: () => Promise<void> };
  let app: App;
  let office: Client;
  let taskId: number;
  let dataDir: string;

  beforeAll(async () => {
    pair = await startStandbyPair();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-replica-'));
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: pair.primaryUrl,
      DATABASE_READ_URL: pair.standbyUrl,
      DUBAN_DATA_DIR: dataDir,
      DUBAN_DEMO: 'off',
      DUBAN_TODAY: '2024-06-25',
      ...TEST_RATE_LIMITS,
    });
    ctx = await openContext(config);
    const orgId = (await makeOrg(ctx)).id;
    await importNotice(ctx, systemActor('test'), orgId, { fileName: 'seed.txt', content: seed });
    app = await buildApp(ctx, { logger: false });
    office = await signInAs(app, (await makeUser(ctx, orgId, 'office')).username);
    taskId = (await ctx.db.selectFrom('tasks').select('id').where('org_id', '=', orgId).orderBy('id').executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await ctx?.close();
    pair?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const read = async () => {
    const res = await office.request('GET', `/api/tasks/${taskId}`);
    expect(res.statusCode, res.body).toBe(200);
    return { standard: (res.json() as { task: { standard: string; version: number } }).task, from: res.headers[ANSWER_HEADER] };
  };
  const write = async (standard: string) => {
    const { standard: task } = await read();
    const res = await office.request('PATCH', `/api/tasks/${taskId}`, { standard, version: task.version });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('is a real standby: in recovery, streaming from the primary, refusing writes', async () => {
    const standby = new pg.Client({ connectionString: pair.standbyUrl });
    await standby.connect();
    try {
      expect((await standby.query('select pg_is_in_recovery() as r')).rows[0].r).toBe(true);
      expect((await standby.query('select status from pg_stat_wal_receiver')).rows[0]?.status).toBe('streaming');
      await expect(standby.query('create table t (x int)')).rejects.toThrow(/read-only/);
    } finally {
      await standby.end();
    }
  });

  it('answers from the standby once it has caught up, and reads back a write at once', async () => {
    await pair.caughtUp();
    expect((await read()).from).toBe('replica');
    await write('第一次修改：由备库读回');
    const after = await read();
    expect(after.standard.standard).toBe('第一次修改：由备库读回');
    // Served by whichever held the write: the standby when it had replayed it, else the primary.
    expect(['replica', 'primary']).toContain(after.from);
  });

  it('answers from the primary while the standby lags, so the writer never reads an older page', async () => {
    await pair.pauseReplay();
    try {
      await write('第二次修改：备库暂停回放');
      const lagging = await read();
      expect(lagging.standard.standard).toBe('第二次修改：备库暂停回放');
      expect(lagging.from).toBe('primary');
    } finally {
      await pair.resumeReplay();
    }
    await write('第三次修改：备库恢复');
    await pair.caughtUp();
    // The write moved the stamp, so this is computed again — on the standby, which now has it.
    const back = await read();
    expect(back.standard.standard).toBe('第三次修改：备库恢复');
    expect(back.from).toBe('replica');
  });
});
