import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../config/config';
import { openContext, type AppContext } from '../context';

/**
 * A fresh, migrated database for one test file, on the engine the run asks for:
 * TEST_DB_ENGINE=postgres (with TEST_DATABASE_URL) gives each caller its own new PostgreSQL
 * database, dropped afterwards; otherwise a SQLite file in a temporary folder.
 */
export const testEngine = process.env.TEST_DB_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const TEST_RATE_LIMITS = { DUBAN_RATE_LIMIT_SIGN_IN: '100000', DUBAN_RATE_LIMIT_UPLOADS: '100000' };

/**
 * The tests' outgoing channels go to real SMTP and robot servers they start on 127.0.0.1: the
 * deployment allow-list names that host, as an operator names an intranet mail server.
 */
export const TEST_CHANNEL_HOSTS = { DUBAN_CHANNEL_HOSTS: '127.0.0.1' };

export type TestDb = { ctx: AppContext; config: Config; databaseUrl: string | null; close: () => Promise<void> };

/** A fresh database on the engine the run tests, or on the one given (a backup moved across engines). */
export async function createTestDb(overrides: NodeJS.ProcessEnv = {}, engine: 'sqlite' | 'postgres' = testEngine): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'duban-test-'));
  let databaseUrl: string | null = null;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)');
    const name = `duban_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DUBAN_DATA_DIR: dataDir,
    DUBAN_DEMO: 'off',
    // Tests sign in dozens of people from one address within a second; the limits keep counting
    // (the same code runs) but at a ceiling no test reaches. rate-limit.test.ts sets its own.
    ...TEST_RATE_LIMITS,
    ...TEST_CHANNEL_HOSTS,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...overrides,
  });
  const { close, ...ctx } = await openContext(config, { poolSize: 4 });
  return {
    ctx,
    config,
    databaseUrl,
    close: async () => {
      await close();
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
