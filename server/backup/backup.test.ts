import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.repository';
import type { AppContext } from '../context';
import { generateWorld } from '../generate';
import { createTestDb, testEngine, type TestDb } from '../test/db';
import { writeBackup } from './backup.service';
import { restoreBackup, RestoreRefusedError } from './restore.service';
import { applicationTables } from './tables';

/** Every row of every application table, as sorted text: two databases compared table by table. */
async function dump(ctx: AppContext): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await applicationTables(ctx)) {
    const rows = (await ctx.db.selectFrom(t.name as 'units').selectAll().execute()) as Record<string, unknown>[];
    out[t.name] = rows
      .map((r) => JSON.stringify(t.columns.map((c) => (Buffer.isBuffer(r[c]) ? (r[c] as Buffer).toString('base64') : r[c]))))
      .sort();
  }
  return out;
}

/** A database with every kind of value: a generated district (reports, audit chain), a session, a file's bytes. */
async function fill(ctx: AppContext) {
  await generateWorld(ctx, { districts: 1, years: 1, seed: '3' });
  const progress = await ctx.db.selectFrom('task_progress').select(['id', 'org_id']).orderBy('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('evidence_files')
    .values({ org_id: progress.org_id, progress_id: progress.id, file_name: '现场照片.png', content_type: 'image/png', size: 6, sha256: 'x'.repeat(64), content: Buffer.from([0, 1, 2, 253, 254, 255]), uploaded_by: null })
    .execute();
  const user = await ctx.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('sessions')
    .values({ id: 'a'.repeat(64), user_id: user.id, csrf_token: 'c', expires_at: '2030-01-01T00:00:00.000Z', ip: null, user_agent: null, created_at: '2024-06-25T01:00:00.000Z', last_seen_at: '2024-06-25T01:00:00.000Z' })
    .execute();
}

/** The restored database holds the source's rows exactly, plus the restore's own audit entry. */
async function expectSameRows(source: AppContext, restored: AppContext) {
  const [a, b] = [await dump(source), await dump(restored)];
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const table of Object.keys(a)) {
    if (table === 'audit_log' || table === 'audit_head') continue;
    expect(b[table], table).toEqual(a[table]);
  }
  const audit = await restored.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  expect(audit.length).toBe(a.audit_log!.length + 1);
  expect(audit.at(-1)!.action).toBe('system.restore');
  expect((await verifyAuditChain(restored.db)).ok).toBe(true);
}

// Backups are signed with the deployment's key (key.ts): the source and the databases it is
// restored into share one DUBAN_SECRET_KEY, as two hosts of one deployment would.
const KEY = { DUBAN_SECRET_KEY: 'a1'.repeat(32) };
const OTHER_KEY = { DUBAN_SECRET_KEY: 'b2'.repeat(32) };

/** The backup's lines, edited by `edit`, written back with the trailer's digest recomputed as plain SHA-256. */
function forge(file: string, out: string, edit: (line: string) => string) {
  const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n').filter(Boolean);
  const trailer = JSON.parse(lines.pop()!) as Record<string, unknown>;
  const body = lines.map(edit);
  const sha256 = crypto.createHash('sha256').update(body.map((l) => `${l}\n`).join('')).digest('hex');
  // Whatever field the reader checks: the digest of version 1 and the MAC's place of version 2.
  fs.writeFileSync(out, zlib.gzipSync([...body, JSON.stringify({ ...trailer, sha256, hmac: sha256 })].map((l) => `${l}\n`).join('')));
}

describe('duban backup and restore', () => {
  let source: TestDb;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    source = await createTestDb(KEY);
    await fill(source.ctx);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-backup-'));
    file = path.join(dir, 'backup.jsonl.gz');
  }, 120_000);
  afterAll(async () => {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`round-trips every table on ${testEngine}, and the audit chain still verifies`, async () => {
    const { rows } = await writeBackup(source.ctx, file);
    expect(rows.task_progress).toBeGreaterThan(1000);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    const target = await createTestDb(KEY);
    try {
      await restoreBackup(target.ctx, file);
      await expectSameRows(source.ctx, target.ctx);
      // New rows continue after the restored ids.
      const before = await target.ctx.db.selectFrom('units').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow();
      const org = await target.ctx.db.selectFrom('organisations').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
      const inserted = await target.ctx.db.insertInto('units').values({ org_id: org.id, name: '恢复后新建单位', updated_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
      expect(inserted.id).toBeGreaterThan(Number(before.max));
    } finally {
      await target.close();
    }
  }, 120_000);

  it('is a snapshot: rows written while it runs are in it entirely or not at all', async () => {
    const org = await source.ctx.db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirstOrThrow();
    const writes = (async () => {
      for (let i = 0; i < 20; i++) await source.ctx.db.insertInto('units').values({ org_id: org.id, name: `备份期间新建单位${i}`, updated_at: new Date().toISOString() }).execute();
    })();
    const snapshotFile = path.join(dir, 'during.jsonl.gz');
    const [{ rows }] = await Promise.all([writeBackup(source.ctx, snapshotFile), writes]);
    const target = await createTestDb(KEY);
    try {
      await restoreBackup(target.ctx, snapshotFile);
      const units = await target.ctx.db.selectFrom('units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(units.n)).toBe(rows.units);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('refuses a database that is not empty, a damaged file and an altered one, writing nothing', async () => {
    await expect(restoreBackup(source.ctx, file)).rejects.toThrow(RestoreRefusedError);
    const target = await createTestDb(KEY);
    try {
      const gz = fs.readFileSync(file);
      const truncated = path.join(dir, 'truncated.jsonl.gz');
      fs.writeFileSync(truncated, gz.subarray(0, Math.floor(gz.length / 2)));
      await expect(restoreBackup(target.ctx, truncated)).rejects.toThrow(/damaged or incomplete|incomplete/);
      const text = zlib.gunzipSync(gz).toString();
      const altered = path.join(dir, 'altered.jsonl.gz');
      fs.writeFileSync(altered, zlib.gzipSync(text.replace('现场照片.png', '篡改文件.png')));
      await expect(restoreBackup(target.ctx, altered)).rejects.toThrow(/does not match its MAC/);
      await expect(restoreBackup(target.ctx, path.join(dir, 'missing.jsonl.gz'))).rejects.toThrow(/no such backup/);
      const orgs = await target.ctx.db.selectFrom('organisations').select('id').execute();
      expect(orgs).toEqual([]);
    } finally {
      await target.close();
    }
  }, 120_000);

  // Issue 17, finding 7: a viewer made office in the file, and the plain SHA-256 recomputed, was restored.
  it('refuses an edited backup whose digest was recomputed, and a backup signed with another key, writing nothing', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    const viewer = lines.find((l) => l.startsWith('[') && l.includes('"viewer"') && l.includes('.viewer"'));
    expect(viewer, 'a viewer account in the backup').toBeDefined();
    const forged = path.join(dir, 'forged.jsonl.gz');
    forge(file, forged, (l) => (l === viewer ? l.replace('"viewer"', '"office"') : l));
    const target = await createTestDb(KEY);
    const wrongKey = await createTestDb(OTHER_KEY);
    try {
      const refused = await restoreBackup(target.ctx, forged).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(RestoreRefusedError);
      expect((refused as RestoreRefusedError).en).toMatch(/does not match its MAC.*altered.*nothing was written/);
      expect((refused as RestoreRefusedError).zh).toMatch(/被改动过.*未写入任何数据/);
      // The same file untouched, re-signed only with a plain digest: also refused (the MAC is not a SHA-256).
      const resigned = path.join(dir, 'resigned.jsonl.gz');
      forge(file, resigned, (l) => l);
      await expect(restoreBackup(target.ctx, resigned)).rejects.toThrow(/does not match its MAC/);
      // The genuine file on a deployment with another key: refused, saying which key restores it.
      const other = await restoreBackup(wrongKey.ctx, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(other).toBeInstanceOf(RestoreRefusedError);
      expect((other as RestoreRefusedError).en).toMatch(/signed with another key.*DUBAN_SECRET_KEY.*cannot be restored/);
      expect((other as RestoreRefusedError).zh).toMatch(/另一个密钥签名.*DUBAN_SECRET_KEY/);
      for (const db of [target, wrongKey]) {
        expect(await db.ctx.db.selectFrom('organisations').select('id').execute()).toEqual([]);
        expect(await db.ctx.db.selectFrom('users').select('id').execute()).toEqual([]);
      }
      // With the right key the genuine file restores, the viewer still a viewer.
      await restoreBackup(target.ctx, file);
      const username = (JSON.parse(viewer!) as unknown[]).find((v) => typeof v === 'string' && v.endsWith('.viewer')) as string;
      const restored = await target.ctx.db.selectFrom('users').select('role').where('username', '=', username).executeTakeFirstOrThrow();
      expect(restored.role).toBe('viewer');
    } finally {
      await Promise.all([target.close(), wrongKey.close()]);
    }
  }, 120_000);

  // The other engine as the source: SQLite → PostgreSQL in the PostgreSQL tier (a district moving
  // to the production database), PostgreSQL → SQLite in the SQLite tier.
  const otherEngine = testEngine === 'postgres' ? 'sqlite' : 'postgres';
  it.skipIf(otherEngine === 'postgres' && !process.env.TEST_DATABASE_URL)(`moves a ${otherEngine} database to ${testEngine}`, async () => {
    const other = await createTestDb(KEY, otherEngine);
    const target = await createTestDb(KEY);
    try {
      await fill(other.ctx);
      const crossFile = path.join(dir, `${otherEngine}.jsonl.gz`);
      await writeBackup(other.ctx, crossFile);
      await restoreBackup(target.ctx, crossFile);
      await expectSameRows(other.ctx, target.ctx);
    } finally {
      await target.close();
      await other.close();
    }
  }, 180_000);
});

