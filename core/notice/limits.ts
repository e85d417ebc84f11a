// Hard bounds on what one notice may hold. A real breakdown notice has a few hundred tasks on a few
// thousand lines (the seed: 242 tasks, ~1,700 lines, 24,000 characters; a province's largest maybe
// ten times that); a file far past these is not a notice to read but a mistake (the wrong file, a
// database export, many notices pasted together) or an attack. It is refused with a clear message
// before the parser spends time and memory on it (issue 16 / issue 17 point 1). The parser is linear
// below these bounds; they keep the worst case to about a second.

import { NoticeParseError } from './errors';
import type { NoticeRow } from './types';

/** Characters of text one notice may have (about 80 times the seed). */
export const MAX_NOTICE_CHARS = 2_000_000;
/** Rows (non-blank lines, table rows, paragraphs) one notice may have. */
export const MAX_NOTICE_ROWS = 100_000;
/**
 * Tasks one notice may have (20 times the seed; the largest real breakdowns run to a few hundred).
 * The bound is also the server's: the preview of N tasks is copied from the parse worker and sent as
 * JSON on the main thread, about 0.1 s per 1,000 tasks, so 5,000 keeps that under half a second.
 */
export const MAX_NOTICE_TASKS = 5_000;

function tooMuchText(chars: number, line: number): NoticeParseError {
  return new NoticeParseError('TOO_MUCH_TEXT', { line }, `${chars} characters, at most ${MAX_NOTICE_CHARS}`, {
    zh: `共 ${chars} 字，最多 ${MAX_NOTICE_CHARS} 字`,
  });
}

/** Checks the text before it is split into rows (the line given is where the bound is crossed). */
export function assertTextWithinLimit(text: string): void {
  if (text.length <= MAX_NOTICE_CHARS) return;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < MAX_NOTICE_CHARS; i = text.indexOf('\n', i + 1)) line++;
  throw tooMuchText(text.length, line);
}

/** Checks rows from any reader (txt, docx, xlsx …): how many, and how much text in all. */
export function assertRowsWithinLimit(rows: NoticeRow[]): void {
  if (rows.length > MAX_NOTICE_ROWS) {
    throw new NoticeParseError('TOO_MANY_ROWS', { line: rows[MAX_NOTICE_ROWS]?.line ?? 1 }, `${rows.length} rows, at most ${MAX_NOTICE_ROWS}`, {
      zh: `共 ${rows.length} 行，最多 ${MAX_NOTICE_ROWS} 行`,
    });
  }
  let chars = 0;
  let crossedAt = 0;
  for (const row of rows) {
    for (const cell of row.cells) chars += cell.length;
    if (crossedAt === 0 && chars > MAX_NOTICE_CHARS) crossedAt = row.line;
  }
  if (crossedAt !== 0) throw tooMuchText(chars, crossedAt);
}

export function assertTasksWithinLimit(tasks: { line: number }[]): void {
  if (tasks.length <= MAX_NOTICE_TASKS) return;
  const at = tasks[MAX_NOTICE_TASKS]?.line ?? 1;
  throw new NoticeParseError('TOO_MANY_TASKS', { line: at }, `${tasks.length} tasks, at most ${MAX_NOTICE_TASKS}`, {
    zh: `读出 ${tasks.length} 项，最多 ${MAX_NOTICE_TASKS} 项`,
  });
}
