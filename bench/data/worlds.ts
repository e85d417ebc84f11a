// The generated province the bench runs on, per engine. Generating it takes minutes, so it is
// made once and kept as a template keyed by a fingerprint of the generator and the schema; every
// bench run works on a fresh copy (the writes change it): a file copy on SQLite, CREATE DATABASE …
// TEMPLATE on PostgreSQL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../server/config/config';
import { openContext } from '../../server/context';
import { generateWorld, type GenerateOptions } from '../../server/generate/generate-world';

const root = path.resolve(import.meta.dirname, '..', '..');
const cacheDir = path.join(root, '.tmp', 'bench');

export type World = { engine: 'sqlite' | 'postgres'; env: Record<string, string>; fingerprint: string };

/** Changes whenever the generator, the schema or the options change. */
function fingerprint(options: GenerateOptions): string {
  const hash = crypto.createHash('sha256').update(JSON.stringify(options));
  for (const dir of ['server/generate', 'server/db/migrations']) {
    for (const file of fs.readdirSync(path.join(root, dir)).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(file).update(fs.readFileSync(path.join(root, dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 12);
}

async function generateInto(env: Record<string, string>, options: GenerateOptions, log: (line: string) => void) {
  const ctx = await openContext(loadConfig({ ...process.env, ...env, DUBAN_DEMO: 'off' }));
  try {
    const s = await generateWorld(ctx, options, (p) => {
      if (p.district % 10 === 0 || p.district === p.of) log(`  generated ${p.district}/${p.of} districts (${p.seconds.toFixed(0)} s)`);
    });
    log(`  generated in ${s.seconds.toFixed(0)} s`);
  } finally {
    await ctx.close();
  }
}

export async function sqliteWorld(options: GenerateOptions, log: (line: string) => void): Promise<World> {
  const fp = fingerprint(options);
  const template = path.join(cacheDir, `sqlite-${options.districts}-${fp}`);
  if (!fs.existsSync(path.join(template, 'duban.sqlite'))) {
    log(`generating ${options.districts} districts × ${options.years} years on SQLite (kept in ${path.relative(root, template)})`);
    fs.rmSync(template, { recursive: true, force: true });
    const building = `${template}.building`;
    fs.rmSync(building, { recursive: true, force: true });
    fs.mkdirSync(building, { recursive: true });
    await generateInto({ DUBAN_DATA_DIR: building }, options, log);
    fs.renameSync(building, template);
  }
  const work = path.join(cacheDir, 'sqlite-work');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(path.join(template, 'duban.sqlite'), path.join(work, 'duban.sqlite'));
  return { engine: 'sqlite', env: { DUBAN_DATA_DIR: work }, fingerprint: fp };
}

export async function postgresWorld(adminUrl: string, options: GenerateOptions, log: (line: string) => void): Promise<World> {
  const fp = fingerprint(options);
  const template = `duban_bench_${options.districts}_${fp}`;
  const work = 'duban_bench_work';
  const urlOf = (db: string) => {
    const u = new URL(adminUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount === 0) {
      log(`generating ${options.districts} districts × ${options.years} years on PostgreSQL (kept as database ${template})`);
      // Older templates of other fingerprints are dropped: each holds gigabytes.
      const old = await admin.query("select datname from pg_database where datname like 'duban_bench_%' and datname <> $1", [work]);
      for (const row of old.rows as { datname: string }[]) await admin.query(`drop database if exists "${row.datname}"`);
      const building = `${template}_building`;
      await admin.query(`drop database if exists "${building}"`);
      await admin.query(`create database "${building}"`);
      await generateInto({ DATABASE_URL: urlOf(building) }, options, log);
      // Statistics as autovacuum would have them on a server that has run for a while.
      const built = new pg.Client({ connectionString: urlOf(building) });
      await built.connect();
      await built.query('vacuum analyze');
      await built.end();
      await admin.query(`alter database "${building}" rename to "${template}"`);
    }
    await admin.query(`drop database if exists "${work}" with (force)`);
    await admin.query(`create database "${work}" template "${template}"`);
  } finally {
    await admin.end();
  }
  return { engine: 'postgres', env: { DATABASE_URL: urlOf(work) }, fingerprint: fp };
}
