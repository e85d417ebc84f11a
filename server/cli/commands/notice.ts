import fs from 'node:fs';
import path from 'node:path';
import { NoticeParseError, parseNoticeRows } from '../../../core/notice';
import { systemActor } from '../../audit/actor';
import type { Config } from '../../config/config';
import { findOrganisationByCode } from '../../directory/organisations.repository';
import { AppError, errorBody } from '../../errors/app-error';
import { importNotice } from '../../import/notice-import.service';
import { ImportFileError } from '../../import/readers/import-error';
import { readNoticeFile } from '../../import/readers/read-notice-file';
import { CliError, output } from '../output';
import { withDatabase } from './admin';

function readInput(file: string | undefined, command: string): { fileName: string; content: Buffer } {
  if (!file) throw new CliError(`${command}: give the notice file, e.g. duban ${command} data/demo/xinzhou-2024-notice.txt`);
  try {
    return { fileName: path.basename(file), content: fs.readFileSync(file) };
  } catch (e) {
    throw new CliError(`${command}: cannot read ${file}: ${(e as Error).message}`);
  }
}

/** `duban parse FILE`: the parsed ledger, without touching the database. */
export async function parseCommand(file: string | undefined, json: boolean) {
  const input = readInput(file, 'parse');
  try {
    const { rows, where } = await readNoticeFile(input.fileName, input.content);
    try {
      const parsed = parseNoticeRows(rows, { fileName: input.fileName });
      const summary = parsed.annexes.map((a) => `  附件${a.no} ${a.kind.padEnd(20)} ${a.tasks.length} tasks  ${a.title}`).join('\n');
      output(
        json,
        parsed,
        `${parsed.document.docNumber ?? '(no doc number)'} ${parsed.document.title ?? ''}\n${summary}\n${parsed.stats.tasks} tasks, ${parsed.stats.repairs} repairs, ${parsed.stats.uncertainTasks} tasks to confirm`,
      );
    } catch (e) {
      if (e instanceof NoticeParseError) throw new CliError(`${input.fileName} (${where(e.location.line)}): ${e.messageEn}\n${e.messageZh}`);
      throw e;
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliError(`${e.message}\n${e.zh}`);
    throw e;
  }
}

/** `duban import FILE --org CODE [--update]`: writes the notice into the ledger, in one transaction. */
export async function importCommand(config: Config, file: string | undefined, json: boolean, opts: { org?: string; update?: boolean }) {
  const input = readInput(file, 'import');
  const orgCode = opts.org;
  if (!orgCode) throw new CliError('import: missing --org CODE (the organisation the notice belongs to, e.g. 420117)');
  await withDatabase(config, async (ctx) => {
    const org = await findOrganisationByCode(ctx.db, orgCode);
    if (!org) throw new CliError(`import: no organisation with code ${orgCode}`);
    const result = await importNotice(ctx, systemActor('cli'), org.id, input, { update: opts.update });
    output(
      json,
      result,
      result.created
        ? `imported ${input.fileName} into ${org.name}: ${result.annexes} annexes, ${result.tasks} tasks (notice id ${result.noticeId})`
        : `updated notice ${result.noticeId}: ${result.applied?.added} added, ${result.applied?.changed} changed, ${result.applied?.removed} removed`,
    );
  }).catch((e: unknown) => {
    if (e instanceof AppError) {
      const { error } = errorBody(e.code, e.detail);
      const hint = e.code === 'NOTICE_ALREADY_IMPORTED' ? '\nTo apply the differences to the stored ledger, add --update.' : '';
      throw new CliError(`import: ${error.messageEn}\n${error.message}${hint}`);
    }
    throw e;
  });
}
