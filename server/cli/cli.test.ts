import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signInAs } from '../test/app';
import { createTestDb } from '../test/db';
import { makeOrg, makeUnit } from '../test/factories';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/duban.mjs');

type Failure = { code: number; stdout: string; stderr: string };
const fails = (p: Promise<unknown>) => p.then(() => { throw new Error('expected the command to fail'); }, (e: Failure) => e);

// Each test starts `duban` processes through tsx (seconds each on a loaded 2-core machine).
describe('duban CLI', { timeout: 60_000 }, () => {
  let t: Awaited<ReturnType<typeof createTestApp>>;
  let env: NodeJS.ProcessEnv;
  let orgCode: string;

  beforeAll(async () => {
    t = await createTestApp();
    const org = await makeOrg(t.ctx, { name: '新洲区' });
    orgCode = (await t.ctx.db.selectFrom('organisations').select('code').where('id', '=', org.id).executeTakeFirstOrThrow()).code;
    await makeUnit(t.ctx, org.id, { name: '区教育局', aliases: ['区教体局'] });
    env = {
      ...process.env,
      DUBAN_DEMO: 'off',
      DUBAN_DATA_DIR: t.config.dataDir,
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    };
  });
  afterAll(() => t.close());

  it('migrate reports the schema up to date', async () => {
    const { stdout } = await run('node', [bin, 'migrate', '--json'], { env });
    expect(JSON.parse(stdout)).toEqual({ engine: t.ctx.engine, applied: [] });
  });

  it('create-user adds an account that can sign in and must change its password', async () => {
    const { stdout } = await run(
      'node',
      [bin, 'create-user', '--json', '--org', orgCode, '--username', 'jyj.new', '--name', '新经办', '--role', 'unit_staff', '--unit', '区教体局', '--password', 'Start@2024'],
      { env },
    );
    expect(JSON.parse(stdout)).toMatchObject({ username: 'jyj.new' });
    const client = await signInAs(t.app, 'jyj.new', 'Start@2024');
    const me = (await client.request('GET', '/api/auth/me')).json();
    expect(me).toMatchObject({ mustChangePassword: true, unit: { name: '区教育局' } });
  });

  it('create-user explains what is wrong', async () => {
    const missing = await fails(run('node', [bin, 'create-user', '--username', 'x'], { env }));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing --org, --name, --role, --password/);
    const badRole = await fails(run('node', [bin, 'create-user', '--org', orgCode, '--username', 'x1', '--name', 'x', '--role', 'king', '--password', 'Start@2024'], { env }));
    expect(badRole.stderr).toMatch(/--role must be one of office, unit_staff/);
    const weak = await fails(run('node', [bin, 'create-user', '--org', orgCode, '--username', 'x2', '--name', 'x', '--role', 'office', '--password', 'weak'], { env }));
    expect(weak.stderr).toMatch(/PASSWORD_TOO_WEAK/);
  });

  it('stops on bad configuration, naming the setting', async () => {
    const bad = await fails(run('node', [bin, 'migrate'], { env: { ...env, PORT: 'abc' } }));
    expect(bad.code).toBe(78);
    expect(bad.stderr).toMatch(/配置错误/);
    expect(bad.stderr).toMatch(/PORT="abc"/);
  });

  it('generate refuses a database that already holds organisations, saying how to proceed', async () => {
    const r = await fails(run('node', [bin, 'generate', '--districts', '1'], { env }));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already holds 1 organisations/);
    expect(r.stderr).toMatch(/数据库中已有 1 个机构/);
    expect(r.stderr).toMatch(/DUBAN_DEMO=off/);
    const bad = await fails(run('node', [bin, 'generate', '--districts', '0'], { env }));
    expect(bad.stderr).toMatch(/--districts must be a whole number from 1 to 300/);
  });

  it('generate writes a synthetic district into an empty database and prints the summary', async () => {
    const fresh = await createTestDb();
    try {
      const freshEnv = { ...env, DUBAN_DATA_DIR: fresh.config.dataDir, DATABASE_URL: fresh.databaseUrl ?? '' };
      const { stdout, stderr } = await run('node', [bin, 'generate', '--districts', '1', '--years', '1', '--json'], { env: freshEnv });
      const summary = JSON.parse(stdout);
      expect(summary).toMatchObject({ engine: t.ctx.engine, organisations: 3, notices: 3, cities: 1, years: [2024], options: { districts: 1, years: 1, seed: '1' } });
      expect(summary.taskProgress).toBeGreaterThan(1000);
      expect(summary.upstreamLinks).toBe(48);
      expect(stderr).toMatch(/^\[1\/1\] 910101 \S+区: \d+ tasks/m);
      const office = await fresh.ctx.db.selectFrom('users').select('role').where('username', '=', 'g001.office').executeTakeFirst();
      expect(office).toEqual({ role: 'office' });
    } finally {
      await fresh.close();
    }
  });

  it('backs up a database and restores it into an empty one; refuses to restore over data', async () => {
    const [from, to] = [await createTestDb(), await createTestDb()];
    try {
      // One deployment's key on both sides: the backup is signed with it (server/backup/key.ts).
      const key = 'c3'.repeat(32);
      const envOf = (db: typeof from, secret = key) => ({ ...env, DUBAN_DATA_DIR: db.config.dataDir, DATABASE_URL: db.databaseUrl ?? '', DUBAN_SECRET_KEY: secret });
      await run('node', [bin, 'generate', '--districts', '1', '--years', '1'], { env: envOf(from) });
      const file = path.join(from.config.dataDir, 'backup.jsonl.gz');
      const backup = JSON.parse((await run('node', [bin, 'backup', '--out', file, '--json'], { env: envOf(from) })).stdout);
      expect(backup.file).toBe(file);
      expect(backup.rows.task_progress).toBeGreaterThan(1000);
      const wrongKey = await fails(run('node', [bin, 'restore', file], { env: envOf(to, 'd4'.repeat(32)) }));
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toMatch(/signed with another key.*DUBAN_SECRET_KEY/);
      expect(wrongKey.stderr).toMatch(/另一个密钥签名/);
      const restored = JSON.parse((await run('node', [bin, 'restore', file, '--json'], { env: envOf(to) })).stdout);
      expect(restored.rows).toEqual(backup.rows);
      expect((await run('node', [bin, 'verify-audit'], { env: envOf(to) })).stdout).toMatch(/intact|ok/i);
      const again = await fails(run('node', [bin, 'restore', file], { env: envOf(to) }));
      expect(again.stderr).toMatch(/not empty/);
      expect(again.stderr).toMatch(/目标数据库不是空的/);
    } finally {
      await Promise.all([from.close(), to.close()]);
    }
    // Six CLI processes, one generating a district: ~20 s alone, three times that when the
    // PostgreSQL tier's other files (the standby pair, the --workers test) hold the cores.
  }, 180_000);

  it('rejects an unknown command with the usage', async () => {
    const r = await fails(run('node', [bin, 'frobnicate'], { env }));
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).toMatch(/verify-audit/);
  });
});
