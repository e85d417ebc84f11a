import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { openContext, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { TestDb } from './db';
import type { Answer, HttpClient } from './http-client';
import { startServerProcess, type ServerProcess } from './server-process';

/**
 * Helpers for the crash-safety test (issue 9): a server process that is SIGKILLed on purpose,
 * requests whose outcome is recorded as acknowledged (a 2xx reached the client), refused, or
 * cut off by the kill, and the database-wide checks that run after each restart.
 */

const SEED_PATH = path.resolve(import.meta.dirname, '../../data/demo/xinzhou-2024-notice.txt');
export const SEED_DOC_NUMBER = '新政办〔2024〕1号';
const seedText = fs.readFileSync(SEED_PATH, 'utf8');

/** The seed notice under another document number, so each import creates a new notice. */
export function numberedSeed(n: number): { docNumber: string; text: string } {
  const docNumber = `新政办〔2024〕${n}号`;
  return { docNumber, text: seedText.replace(SEED_DOC_NUMBER, docNumber) };
}

export type Inspect = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

/**
 * The test's own access to the database, between a restart and the next round. On SQLite the
 * server must be the only process with the file open when it is killed, so that its restart
 * recovers the database from the write-ahead log as after a real crash (a connection kept open
 * by the test would keep the WAL index alive): the test's connection is closed at once and each
 * inspection opens and closes its own.
 */
export async function inspector(db: TestDb): Promise<Inspect> {
  if (db.ctx.engine === 'postgres') return (fn) => fn(db.ctx);
  await db.ctx.db.destroy();
  return async (fn) => {
    const { close, ...ctx } = await openContext(db.config, { poolSize: 1 });
    try {
      return await fn(ctx);
    } finally {
      await close();
    }
  };
}

/** The environment of a `duban serve` on the test database; no scheduler, so only the test writes. */
export function serverEnv(db: TestDb, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    DUBAN_DEMO: 'off',
    DUBAN_SCHEDULER: 'off',
    DUBAN_DATA_DIR: db.config.dataDir,
    ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...extra,
  };
}

export const startServer = (db: TestDb, extra: NodeJS.ProcessEnv = {}): Promise<ServerProcess> =>
  startServerProcess(serverEnv(db, extra));

/** A multipart upload to the notice import, with the signed-in client's session and CSRF token. */
export async function importOver<T>(
  client: HttpClient,
  baseUrl: string,
  upload: { fileName: string; text: string; options?: unknown },
): Promise<Answer<T>> {
  const form = new FormData();
  if (upload.options !== undefined) form.append('options', JSON.stringify(upload.options));
  form.append('file', new Blob([upload.text], { type: 'text/plain' }), upload.fileName);
  const res = await fetch(`${baseUrl}/api/notices/import`, {
    method: 'POST',
    headers: { cookie: `duban_session=${client.token}`, 'x-csrf-token': client.csrfToken },
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

/**
 * What became of one request: `acked` when a 2xx reached the client (the write must survive),
 * `refused` for any other answer, `cut` when the connection died with the server (unknown:
 * it may or may not have committed, but if it did it must be whole).
 */
export type Outcome<T> =
  { kind: 'acked'; status: number; body: T } | { kind: 'refused'; status: number; body: unknown } | { kind: 'cut' };

export async function outcomeOf<T>(request: Promise<Answer<T>>): Promise<Outcome<T>> {
  try {
    const answer = await request;
    return answer.status >= 200 && answer.status < 300
      ? { kind: 'acked', status: answer.status, body: answer.body }
      : { kind: 'refused', status: answer.status, body: answer.body };
  } catch {
    return { kind: 'cut' };
  }
}

/** SQLite's own check of the file after the crash (b-tree pages, indexes); PostgreSQL has no equivalent to run here. */
export async function sqliteIntegrity(db: Db): Promise<string> {
  const rows = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
  return rows.rows.map((r) => r.integrity_check).join('; ');
}

export async function auditEntries(db: Db, actions: string[]) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['seq', 'action', 'entity_id', 'before_json', 'after_json'])
    .where('action', 'in', actions)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    entityId: Number(r.entity_id),
    before: r.before_json ? (JSON.parse(r.before_json) as Record<string, unknown>) : null,
    after: r.after_json ? (JSON.parse(r.after_json) as Record<string, unknown>) : null,
  }));
}

/** n ms, and a uniform random point in [from, to). */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const between = (from: number, to: number) => from + Math.random() * (to - from);

/** Each round's kill lands in its own slice of the window, so a few rounds still cover it from start to end. */
export const stratifiedKillPoint = (round: number, rounds: number, windowMs: number) =>
  Math.round(((round + Math.random()) / rounds) * windowMs);

export const crashRounds = (fallback: number) => {
  const n = Number(process.env.CRASH_ROUNDS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
