import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import { BACKUP_FORMAT, BACKUP_VERSION, encodeValue, type BackupHeader, type BackupTrailer } from './format';
import { backupKey, backupKeyId, backupMac } from './key';
import { applicationTables, appliedMigrations, type BackupTable } from './tables';

const PAGE = 5_000;

/**
 * Writes a consistent backup of the whole database while the server keeps running: every table is
 * read inside one transaction — REPEATABLE READ on PostgreSQL, a read transaction on SQLite (WAL):
 * one snapshot, whatever is written meanwhile. Rows are read in pages by id and streamed to a
 * gzip file, so a province's million rows never sit in memory at once. The file is signed with the
 * deployment's backup key (key.ts): restore needs the same key.
 */
export async function writeBackup(ctx: AppContext, file: string): Promise<{ rows: Record<string, number>; bytes: number }> {
  const tmp = `${file}.partial`;
  const out = fs.createWriteStream(tmp);
  const gzip = zlib.createGzip({ level: 6 });
  gzip.pipe(out);
  const key = backupKey(ctx.config);
  const hash = backupMac(key);
  const write = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    hash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  try {
    const snapshot = ctx.engine === 'postgres' ? ctx.db.transaction().setIsolationLevel('repeatable read') : ctx.db.transaction();
    await snapshot.execute(async (trx) => {
      const tables = await applicationTables({ db: trx, engine: ctx.engine });
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        engine: ctx.engine,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables,
        mac: { alg: 'HMAC-SHA-256', keyId: backupKeyId(key) },
      };
      await write(header);
      for (const [index, table] of tables.entries()) {
        let count = 0;
        for await (const page of pagesOf(trx, table)) {
          for (const row of page) await write([index, ...table.columns.map((c) => encodeValue(row[c]))]);
          count += page.length;
        }
        rows[table.name] = count;
      }
    });
    const trailer: BackupTrailer = { end: true, rows, hmac: hash.digest('hex') };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await once(out, 'finish');
    // Only a complete file gets the name: a crash halfway leaves a .partial, never a short backup.
    fs.renameSync(tmp, file);
    return { rows, bytes: fs.statSync(file).size };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** A table's rows in pages: by integer id where there is one (keyset), else all at once (link tables, sessions). */
async function* pagesOf(trx: Db, table: BackupTable): AsyncGenerator<Record<string, unknown>[]> {
  const t = sql.table(table.name);
  if (!table.integerId) {
    const order = sql.join(table.columns.map((c) => sql.ref(c)));
    yield (await sql<Record<string, unknown>>`select * from ${t} order by ${order}`.execute(trx)).rows;
    return;
  }
  let after: number | string = -1;
  for (;;) {
    const page = (await sql<Record<string, unknown>>`select * from ${t} where id > ${after} order by id limit ${PAGE}`.execute(trx)).rows;
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id as number;
    if (page.length < PAGE) return;
  }
}
