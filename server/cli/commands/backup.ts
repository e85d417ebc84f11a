import path from 'node:path';
import { writeBackup } from '../../backup/backup.service';
import { restoreBackup, RestoreRefusedError } from '../../backup/restore.service';
import type { Config } from '../../config/config';
import { CliError, output } from '../output';
import { withDatabase } from './admin';

const total = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

/** `duban backup [--out FILE]`: the whole database, consistent, while the server keeps running. */
export async function backupCommand(config: Config, json: boolean, out: string | undefined) {
  const file = path.resolve(out ?? `duban-backup-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.jsonl.gz`);
  const result = await withDatabase(config, (ctx) => writeBackup(ctx, file));
  output(json, { file, ...result }, `backup written: ${file} (${total(result.rows).toLocaleString('en-US')} rows in ${Object.keys(result.rows).length} tables, ${(result.bytes / 2 ** 20).toFixed(1)} MiB)`);
}

/** `duban restore FILE`: into an empty database with the same schema, all or nothing. */
export async function restoreCommand(config: Config, json: boolean, file: string | undefined) {
  if (!file) throw new CliError('restore: give the backup file: duban restore FILE');
  const result = await withDatabase(config, (ctx) => restoreBackup(ctx, path.resolve(file))).catch((e: unknown) => {
    if (e instanceof RestoreRefusedError) throw new CliError(`restore: ${e.en}\n${e.zh}`);
    throw e;
  });
  output(json, result, `restored ${total(result.rows).toLocaleString('en-US')} rows in ${Object.keys(result.rows).length} tables from ${file}; run \`duban verify-audit\` to check the audit chain`);
}
