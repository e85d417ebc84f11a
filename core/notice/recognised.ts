import type { NoticeRow, ParsedAnnex, TaskField } from './types';

/** Every field of a task: what a person confirms when its text was recognised from a scan. */
const ALL_FIELDS: TaskField[] = ['standard', 'leaders', 'units', 'deadline', 'category', 'indicators'];

/**
 * A task read from text recognised in an image (OCR, server/import/ocr/) may hold a misread
 * character in any cell — a unit's name, a date, a figure — so every cell of it is marked for a
 * person to check against the original, however sure the reading looks. Returns how many tasks
 * were marked.
 */
export function markRecognisedTasks(rows: NoticeRow[], annexes: ParsedAnnex[]): number {
  const recognised = new Set(rows.filter((r) => r.ocr).map((r) => r.line));
  if (recognised.size === 0) return 0;
  let marked = 0;
  for (const task of annexes.flatMap((a) => a.tasks)) {
    let fromScan = false;
    for (let line = task.line; line <= (task.endLine ?? task.line) && !fromScan; line++) fromScan = recognised.has(line);
    if (!fromScan) continue;
    task.uncertain = true;
    task.uncertainFields = ALL_FIELDS;
    marked++;
  }
  return marked;
}
