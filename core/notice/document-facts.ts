// The document facts the office gives in the import preview for a notice that does not print them
// (no letterhead: text copied from a web page, the body of a Word file). Applied at import, after
// the office's corrections. Pure: no I/O, no clock (the defaults the preview offers come from the
// server: server/import/document-defaults.ts).

import { taskDue } from './due-date';
import type { NoticeDocument, ParsedNotice } from './types';

/** What the office may fill in: each fact given replaces the parser's (null = "the notice has none"). */
export type DocumentFacts = Partial<Pick<NoticeDocument, 'docNumber' | 'title' | 'issuer' | 'issuedDate' | 'year'>>;

// The parser's notice-level anomalies that a given fact answers (parse.ts words them so).
const ANSWERED: Partial<Record<keyof DocumentFacts, string>> = {
  docNumber: 'no document number (文号) found',
  issuedDate: 'no issue date found',
};

/**
 * The notice with the office's facts. A new year moves every due date read from the notice
 * (「6月底前」 in 2025 is 2025-06-30; 附件1's year-end tasks end on the new 31 December): each task's
 * and milestone's date is read again from its deadline with core's taskDue, so a notice that printed
 * no year gets its due dates here. Returns a new object; the input is not changed.
 */
export function applyDocumentFacts(parsed: ParsedNotice, facts: DocumentFacts | undefined): ParsedNotice {
  if (!facts || Object.keys(facts).length === 0) return parsed;
  const given = Object.fromEntries(Object.entries(facts).filter(([, v]) => v !== undefined)) as DocumentFacts;
  const document: NoticeDocument = { ...parsed.document, ...given };
  if (given.year === undefined && given.issuedDate && parsed.document.year === null) {
    document.year = Number(given.issuedDate.slice(0, 4));
  }
  const anomalies = parsed.anomalies.filter((a) =>
    Object.entries(ANSWERED).every(([fact, text]) => a !== text || given[fact as keyof DocumentFacts] == null),
  );
  const yearChanged = document.year !== parsed.document.year;
  const annexes = !yearChanged
    ? parsed.annexes
    : parsed.annexes.map((annex) => ({
        ...annex,
        tasks: annex.tasks.map((task) => ({
          ...task,
          ...taskDue(task.deadline, document.year, annex.kind),
          ...(task.milestones
            ? {
                milestones: task.milestones.map((m) => ({
                  ...m,
                  dueDate: taskDue(m.text, document.year, annex.kind).dueDate,
                })),
              }
            : {}),
        })),
      }));
  return { ...parsed, document, annexes, anomalies };
}
