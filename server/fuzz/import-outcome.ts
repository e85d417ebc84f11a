import { NoticeParseError, parseNoticeRows } from '../../core/notice';
import { ERRORS } from '../errors/catalogue';
import { ImportFileError } from '../import/readers/import-error';
import { readNoticeFile } from '../import/readers/read-notice-file';

/**
 * What reading and parsing a notice file may end in: a ledger, or one of the refusals the error
 * catalogue names (the server turns both error classes into catalogue codes). Anything else is a
 * bug: it would reach the client as a 500.
 */
export type ImportOutcome =
  | { kind: 'parsed'; tasks: number; ms: number }
  | { kind: 'refused'; code: string; message: string; ms: number }
  | { kind: 'unexpected'; error: unknown; ms: number };

export async function readAndParse(fileName: string, content: Buffer): Promise<ImportOutcome> {
  const start = performance.now();
  const ms = () => Math.round(performance.now() - start);
  try {
    const file = await readNoticeFile(fileName, content);
    const parsed = parseNoticeRows(file.rows, { fileName });
    return { kind: 'parsed', tasks: parsed.stats.tasks, ms: ms() };
  } catch (e) {
    if (e instanceof ImportFileError && e.code in ERRORS)
      return { kind: 'refused', code: e.code, message: e.zh, ms: ms() };
    if (e instanceof NoticeParseError && `NOTICE_${e.code}` in ERRORS)
      return { kind: 'refused', code: `NOTICE_${e.code}`, message: e.messageZh, ms: ms() };
    return { kind: 'unexpected', error: e, ms: ms() };
  }
}

/** An unexpected error, short enough for a failure message. */
export function describeError(e: unknown): string {
  return e instanceof Error
    ? `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`
    : String(e);
}
