import fs from 'node:fs';
import path from 'node:path';
import { NoticeParseError, parseNoticeRows } from '../../../core/notice';
import { corpusDifferences, corpusView, type CorpusNotice } from '../../../core/notice/corpus';
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

/** The expected reading beside a notice file: NAME.expected.json for NAME.txt / NAME.pdf / NAME.ofd … */
function expectedFileOf(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.expected.json`);
}

async function parseOne(file: string) {
  const input = readInput(file, 'parse');
  try {
    const { rows, where } = await readNoticeFile(input.fileName, input.content);
    try {
      return parseNoticeRows(rows, { fileName: input.fileName });
    } catch (e) {
      if (e instanceof NoticeParseError) throw new CliError(`${input.fileName} (${where(e.location.line)}): ${e.messageEn}\n${e.messageZh}`);
      throw e;
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw new CliError(`${e.message}\n${e.zh}`);
    throw e;
  }
}

/**
 * `duban parse FILE…`: the parsed ledger, without touching the database. --corpus prints the
 * corpus view (every field a person checks; the shape of fixtures/corpus/*.expected.json);
 * --check compares each file with the NAME.expected.json beside it and fails on any difference.
 */
export async function parseCommand(files: string[], opts: { json: boolean; corpus: boolean; check: boolean }) {
  if (files.length === 0) readInput(undefined, 'parse');
  if (opts.check) {
    const failures: string[] = [];
    let tasks = 0;
    for (const file of files) {
      const expectedFile = expectedFileOf(file);
      if (!fs.existsSync(expectedFile)) throw new CliError(`parse --check: no ${expectedFile} beside ${file}`);
      const actual = corpusView(await parseOne(file));
      tasks += actual.annexes.reduce((s, a) => s + a.tasks.length, 0);
      const diffs = corpusDifferences(JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as CorpusNotice, actual);
      failures.push(...diffs.map((d) => `${file}: ${d}`));
    }
    if (failures.length > 0) throw new CliError(`${failures.join('\n')}\n${failures.length} difference(s) in ${files.length} file(s)`);
    output(opts.json, { files: files.length, tasks, differences: 0 }, `${files.length} file(s), ${tasks} tasks: every field as expected`);
    return;
  }
  for (const file of files) {
    const parsed = await parseOne(file);
    if (opts.corpus) {
      process.stdout.write(`${JSON.stringify(corpusView(parsed), null, 2)}\n`);
      continue;
    }
    const summary = parsed.annexes.map((a) => `  附件${a.no} ${a.kind.padEnd(20)} ${a.layout.padEnd(16)} ${a.tasks.length} tasks  ${a.title}`).join('\n');
    output(
      opts.json,
      parsed,
      `${parsed.document.docNumber ?? '(no doc number)'} ${parsed.document.title ?? ''}\n${summary}\n${parsed.stats.tasks} tasks, ${parsed.stats.repairs} repairs, ${parsed.stats.uncertainTasks} tasks to confirm`,
    );
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
