// Public surface of the notice parser (issue 3). Pure TypeScript, no I/O.
export { parseNoticeText, parseNoticeRows } from './parse';
export { NoticeParseError } from './errors';
export type { NoticeParseErrorCode, NoticeErrorLocation } from './errors';
export { textToRows, splitTextRows, readHeader, columnRole } from './rows';
export { readDocumentFacts, datesInSentence } from './document';
export { splitAnnexes, annexKind } from './annexes';
export { parseTable } from './table';
export { parseLabelledLayout } from './layouts';
export { resolveLeaders, buildLeaderDirectory, splitLeaderCell } from './leaders';
export { resolveUnits, buildUnitDirectory, splitUnitCell } from './units';
export { extractIndicators } from './indicators';
export { readDeadline, dueDate, taskDue, describeDue, chineseMonthDay, DUE_DATE_SOURCES } from './due-date';
export type { DueDateSource, DeadlineReading } from './due-date';
export { proposeLinks } from './links';
export { normalizeSpaces, cleanCell, matchKey, duplicatedWords } from './text';
export { toSimplified } from './traditional';
export type * from './types';
