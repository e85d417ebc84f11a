import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { appendAudit } from '../audit/audit.repository';
import { systemActor } from '../audit/actor';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { BACKUP_FORMAT, BACKUP_VERSION, decodeValue, type BackupHeader, type BackupTrailer } from './format';
import { backupKey, backupKeyId, backupMac, sameMac } from './key';
import { applicationTables, appliedMigrations, type BackupTable } from './tables';

/** A backup that cannot be restored, with what is wrong and what to do (Chinese and English). */
export class RestoreRefusedError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'RestoreRefusedError';
  }
}

async function* linesOf(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  yield* readline.createInterface({ input, crlfDelay: Infinity });
}

const altered = () =>
  new RestoreRefusedError(
    '备份文件的完整性校验码（HMAC）不符：文件在备份之后被改动过或已损坏，未写入任何数据。请使用未经改动的备份文件（例如异地保存的副本）。',
    'the backup file does not match its MAC (HMAC-SHA-256): it was altered after it was written, or damaged; nothing was written. Use an unaltered copy of the backup.',
  );

/**
 * First pass: the file is whole and signed with this deployment's backup key (every line MACed
 * against the trailer) before anything is written. An edited file with its plain SHA-256
 * recomputed, a file signed under another key or an unsigned (version 1) file is refused here.
 */
async function check(file: string, key: Buffer): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  if (!fs.existsSync(file)) throw new RestoreRefusedError(`找不到备份文件 ${file}`, `no such backup file: ${file}`);
  const mac = backupMac(key);
  let header: BackupHeader | null = null;
  let trailer: BackupTrailer | null = null;
  const counted: Record<string, number> = {};
  try {
    for await (const line of linesOf(file)) {
      if (trailer) throw new Error('lines after the trailer');
      const value = JSON.parse(line) as unknown;
      if (!header) {
        header = value as BackupHeader;
        if (header.format !== BACKUP_FORMAT) throw new Error('not a Duban backup');
        if (header.version === 1) {
          throw new RestoreRefusedError(
            '该备份由旧版 Duban 生成，只有普通校验和、没有签名（任何人改动后都可重新计算），无法证明未被篡改，未写入任何数据。请在原系统上用本版本重新执行 duban backup。',
            'this backup was made by an older Duban: it has a plain checksum, no MAC (anyone who edits it can recompute it), so it cannot be shown unaltered; nothing was written. Make a new backup of the source database with this version.',
          );
        }
        if (header.version !== BACKUP_VERSION) throw new Error(`format version ${header.version}, this Duban reads ${BACKUP_VERSION}`);
        if ((header as Partial<BackupHeader>).mac?.keyId !== backupKeyId(key)) {
          throw new RestoreRefusedError(
            '该备份由另一个密钥签名，与本系统的密钥不同，未写入任何数据。请为本系统设置生成该备份的服务器所用的 DUBAN_SECRET_KEY（或将其数据目录中的 secret.key 复制到本系统的数据目录），再恢复。没有该密钥，备份无法恢复。',
            "this backup was signed with another key than this server's; nothing was written. Set DUBAN_SECRET_KEY to the one of the server that made the backup (or copy that server's data-directory secret.key into this one's) and restore again. Without that key the backup cannot be restored.",
          );
        }
      } else if (!Array.isArray(value)) {
        trailer = value as BackupTrailer;
        continue;
      } else {
        const table = header.tables[value[0] as number];
        if (!table || value.length !== table.columns.length + 1) throw new Error('a row that does not match its table');
        counted[table.name] = (counted[table.name] ?? 0) + 1;
      }
      mac.update(`${line}\n`);
    }
  } catch (e) {
    if (e instanceof RestoreRefusedError) throw e;
    throw new RestoreRefusedError(`备份文件已损坏或不完整（${(e as Error).message}），未写入任何数据。请使用完整的备份文件。`, `the backup file is damaged or incomplete (${(e as Error).message}); nothing was written. Use a complete backup.`);
  }
  if (!header || !trailer?.end) throw new RestoreRefusedError('备份文件不完整（缺少结尾），未写入任何数据。', 'the backup file is incomplete (no trailer); nothing was written.');
  if (typeof trailer.hmac !== 'string' || !sameMac(mac.digest('hex'), trailer.hmac)) throw altered();
  for (const t of header.tables) {
    if ((counted[t.name] ?? 0) !== (trailer.rows[t.name] ?? 0)) throw new RestoreRefusedError(`备份文件中 ${t.name} 的行数不符，未写入任何数据。`, `row count of ${t.name} does not match the trailer; nothing was written.`);
  }
  return { header, trailer };
}

/**
 * Restores a backup into an empty database with the same schema, in one transaction: either every
 * row is there afterwards or none. The audit chain comes back as it was (verify-audit holds) and
 * gets one entry more, the restore itself. The file must be signed with this deployment's backup
 * key (key.ts); the second pass MACs the lines again as it inserts them, so a file swapped between
 * the passes is rolled back, not half-restored.
 */
export async function restoreBackup(ctx: AppContext, file: string): Promise<{ rows: Record<string, number> }> {
  const key = backupKey(ctx.config);
  const { header, trailer } = await check(file, key);
  const migrations = await appliedMigrations(ctx.db);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw new RestoreRefusedError(
      `备份来自数据库结构版本 ${header.migrations.at(-1) ?? '?'}，本系统为 ${migrations.at(-1) ?? '?'}：请用生成该备份的 Duban 版本恢复，再升级。`,
      `the backup is of schema ${header.migrations.at(-1) ?? '?'}, this Duban is at ${migrations.at(-1) ?? '?'}: restore with the version that made it, then upgrade.`,
    );
  }
  const present = await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
  if (present.length > 0) {
    throw new RestoreRefusedError('目标数据库不是空的（已有组织机构）：恢复只能写入新建的空数据库，以免覆盖现有数据。', 'the target database is not empty (it holds organisations): restore only into a new, empty database, so nothing is overwritten.');
  }
  const tables = await applicationTables(ctx);
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const t of header.tables) {
    const here = known.get(t.name);
    if (!here || JSON.stringify([...here.columns].sort()) !== JSON.stringify([...t.columns].sort())) {
      throw new RestoreRefusedError(`备份中的表 ${t.name} 与本系统的结构不一致，未写入任何数据。`, `table ${t.name} in the backup does not match this schema; nothing was written.`);
    }
  }

  await inTransaction(ctx, async (trx) => {
    // The migrations wrote their own rows (e.g. the audit chain's head): the backup's replace them.
    for (const t of [...header.tables].reverse()) await sql`delete from ${sql.table(t.name)}`.execute(trx);
    let batch: unknown[][] = [];
    let batchTable = -1;
    const flush = async () => {
      if (batch.length === 0) return;
      const t = header.tables[batchTable]!;
      const rows = batch.map((values) => sql`(${sql.join(values.map((v) => sql`${decodeValue(v)}`))})`);
      await sql`insert into ${sql.table(t.name)} (${sql.join(t.columns.map((c) => sql.ref(c)))}) values ${sql.join(rows)}`.execute(trx);
      batch = [];
    };
    const mac = backupMac(key);
    let first = true;
    let signed: string | null = null;
    for await (const line of linesOf(file)) {
      const value = JSON.parse(line) as unknown;
      if (first) {
        first = false;
        mac.update(`${line}\n`);
        continue;
      }
      if (!Array.isArray(value)) {
        signed = (value as BackupTrailer).hmac; // the trailer
        break;
      }
      mac.update(`${line}\n`);
      const [index, ...values] = value as [number, ...unknown[]];
      // Bound values per statement stay well under SQLite's 32,766 and PostgreSQL's 65,535.
      const perStatement = Math.max(1, Math.floor(10_000 / header.tables[index]!.columns.length));
      if (index !== batchTable || batch.length >= perStatement) {
        await flush();
        batchTable = index;
      }
      batch.push(values);
    }
    await flush();
    if (signed !== trailer.hmac || !sameMac(mac.digest('hex'), trailer.hmac)) throw altered();
    if (ctx.engine === 'postgres') await resetSequences(trx, tables);
    await appendAudit(trx, ctx.engine, {
      actor: systemActor('系统恢复'),
      orgId: null,
      action: 'system.restore',
      entity: 'backup',
      entityId: null,
      after: { createdAt: header.createdAt, engine: header.engine, rows: trailer.rows, hmac: trailer.hmac },
    });
  });
  return { rows: trailer.rows };
}

/** PostgreSQL's id sequences continue after the restored ids (SQLite's AUTOINCREMENT does this itself). */
async function resetSequences(trx: Db, tables: BackupTable[]) {
  for (const t of tables) {
    if (!t.integerId) continue;
    await sql`select setval(pg_get_serial_sequence(${t.name}, 'id'), coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false) where pg_get_serial_sequence(${t.name}, 'id') is not null`.execute(trx);
  }
}
