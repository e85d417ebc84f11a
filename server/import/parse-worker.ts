// The worker thread that reads and parses an uploaded notice (issue 16, issue 17 point 1). Parsing
// a large or crafted notice takes CPU time; on the main thread it froze every other request. Here it
// runs beside the event loop, and parse-pool.ts can stop it when it takes too long.
//
// Everything that crosses the thread is plain data: the answer is the file's format and the parsed
// ledger, or the error the user sees (the NoticeFile's `where` function stays in here, so a
// NoticeParseError becomes the user's message in here).
import { parentPort } from 'node:worker_threads';
import { NoticeParseError, parseNoticeRows, type DirectoryEntry, type ParsedNotice } from '../../core/notice';
import { mergeDirectories } from './directory-merge';
import { ImportFileError } from './readers/import-error';
import type { ReadProgress } from './readers/pdf';
import { readNoticeFile, type NoticeFile } from './readers/read-notice-file';

export type ParseJob = {
  id: number;
  fileName: string;
  content: Uint8Array;
  /** The organisation's directory (the document's own spellings are merged in here). */
  units: DirectoryEntry[];
  leaders: DirectoryEntry[];
};

/** An error as the user will see it (an AppError's code and words), rebuilt on the main thread by parse-pool.ts. */
export type ParseFailure =
  | { kind: 'app'; code: ImportFileError['code'] | `NOTICE_${NoticeParseError['code']}`; zh: string; en: string }
  | { kind: 'internal'; message: string; stack?: string };

/** Sent while a parse runs: a scanned page is about to be recognised, so the pool allows it more time. */
export type ParseProgress = { id: number; recognising: number };

export type ParseAnswer = { id: number; ok: true; format: NoticeFile['format']; parsed: ParsedNotice } | { id: number; ok: false; error: ParseFailure };

export async function readAndParse(job: Omit<ParseJob, 'id'>, progress: ReadProgress = {}): Promise<{ format: NoticeFile['format']; parsed: ParsedNotice }> {
  const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
  const file = await readNoticeFile(job.fileName, content, progress).catch((e: unknown) => {
    // A text file too large to be a notice is refused while it is split into lines (core/notice/limits.ts).
    if (e instanceof NoticeParseError) throw new NoticeFailure(e, `${job.fileName}，第${e.location.line}行`);
    throw e;
  });
  const parse = (extra: { leaderDirectory?: DirectoryEntry[]; unitDirectory?: DirectoryEntry[] } = {}) => {
    try {
      return parseNoticeRows(file.rows, { fileName: job.fileName, ...extra });
    } catch (e) {
      if (e instanceof NoticeParseError) throw new NoticeFailure(e, `${job.fileName}，${file.where(e.location.line)}`);
      throw e;
    }
  };
  // Once for the spellings the document itself shows, once against the organisation's directory
  // with those spellings merged in.
  const fromDocument = parse();
  const parsed = parse({
    unitDirectory: mergeDirectories(job.units, fromDocument.directories.units),
    leaderDirectory: mergeDirectories(job.leaders, fromDocument.directories.leaders),
  });
  return { format: file.format, parsed };
}

class NoticeFailure extends Error {
  constructor(
    readonly error: NoticeParseError,
    readonly where: string,
  ) {
    super(error.message);
  }
}

export function failureOf(e: unknown, fileName: string): ParseFailure {
  if (e instanceof ImportFileError) {
    return {
      kind: 'app',
      code: e.code,
      zh: `${e.fileName}${e.where ? `（${e.where}）` : ''}：${e.zh}`,
      en: `${e.fileName}${e.where ? ` (${e.where})` : ''}: ${e.en}`,
    };
  }
  if (e instanceof NoticeFailure) {
    return {
      kind: 'app',
      code: `NOTICE_${e.error.code}`,
      zh: `${e.error.messageZh.replace(/（第\d+行）$/, '')}（${e.where}）`,
      en: `${e.error.messageEn} in ${fileName}`,
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'internal', message: err.message, stack: err.stack };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (job: ParseJob) => {
    const progress: ReadProgress = { recognising: (page) => port.postMessage({ id: job.id, recognising: page } satisfies ParseProgress) };
    readAndParse(job, progress).then(
      (done) => port.postMessage({ id: job.id, ok: true, ...done } satisfies ParseAnswer),
      (e: unknown) => port.postMessage({ id: job.id, ok: false, error: failureOf(e, job.fileName) } satisfies ParseAnswer),
    );
  });
}
