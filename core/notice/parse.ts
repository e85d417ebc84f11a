// The notice parser: text → rows → annexes → raw tasks → ledger (directories, indicators, links).
// Pure: no I/O. The server's readers may call parseNoticeRows with rows from docx/xlsx directly.

import { markRecognisedTasks } from './recognised';
import { splitAnnexes } from './annexes';
import type { AnnexSegment } from './annexes';
import { readDocumentFacts } from './document';
import { NoticeParseError } from './errors';
import { assertRowsWithinLimit, assertTasksWithinLimit } from './limits';
import { extractIndicators } from './indicators';
import { buildLeaderDirectory, resolveLeaders } from './leaders';
import { proposeLinks } from './links';
import { cleanNoticeRows } from './clean';
import { separateRoleNotes } from './role-notes';
import { textToRows } from './rows';
import { PROSE_STRATEGIES, STRATEGIES, readSegmentBest } from './strategies';
import { missingFacts, unreadText, withDefaults } from './coverage';
import type { RawTask } from './table';
import type { ParsedAnnex, ParsedNotice, ParsedTask, ParseOptions, NoticeRow } from './types';
import { duplicatedWords } from './text';
import { dueDate, taskDue } from './due-date';
import { milestoneDate } from './milestones';
import { buildUnitDirectory, resolveUnits } from './units';

export function parseNoticeText(text: string, opts: ParseOptions = {}): ParsedNotice {
  if (text.trim() === '') throw new NoticeParseError('EMPTY_TEXT', { line: 1 });
  return parseNoticeRows(textToRows(text), opts);
}

interface RawAnnex {
  segment: AnnexSegment;
  layout: ParsedAnnex['layout'];
  tasks: RawTask[];
  categories: ParsedAnnex['categories'];
  anomalies: string[];
  explainedLines: number[];
  readings: NonNullable<ParsedAnnex['readings']>;
}

function readSegment(segment: AnnexSegment): RawAnnex {
  const { best, readings } = readSegmentBest(segment.rows, { kind: segment.kind, title: segment.title }, STRATEGIES, PROSE_STRATEGIES);
  const anomalies = [...best.anomalies];
  // Annex 3 of the seed is the province's livelihood list, but its header says 市级下达.
  const level = segment.kind.startsWith('province') ? '省' : segment.kind.startsWith('city') ? '市' : null;
  const other = level === '省' ? '市' : '省';
  for (const h of best.upstreamHeaders ?? []) {
    if (level !== null && h.includes(other) && !h.includes(level)) {
      anomalies.push(`the upstream column is headed "${h}" but the annex title says ${level}`);
    }
  }
  return {
    segment,
    layout: best.layout,
    tasks: best.tasks.map(separateRoleNotes),
    categories: best.categories,
    anomalies,
    explainedLines: best.explainedLines ?? [],
    readings: readings.map((r) => ({ layout: r.reading.layout, tasks: r.reading.tasks.length, score: Math.round(r.score) })),
  };
}

/** Reports printed numbering that jumps or repeats ("21" followed by "24"). */
function numberingAnomalies(tasks: RawTask[], annexNo: number, out: string[]): void {
  for (let i = 1; i < tasks.length; i++) {
    const a = tasks[i - 1];
    const b = tasks[i];
    if (!a || !b || a.seqNo === null || b.seqNo === null) continue;
    // Only compare like with like: "3." followed by "(1)" is a different numbering level.
    if (a.seq.replace(/\d+/u, '#') !== b.seq.replace(/\d+/u, '#')) continue;
    if (b.seqNo === a.seqNo + 1) continue;
    const what =
      b.seqNo > a.seqNo + 1
        ? `printed numbering jumps from ${a.seq} to ${b.seq} (${b.seqNo - a.seqNo - 1} number(s) missing)`
        : `printed numbering goes from ${a.seq} back to ${b.seq}`;
    b.anomalies.push(what);
    out.push(`annex ${annexNo}: ${what}`);
  }
}

/**
 * An annex printed twice (a notice pasted twice, an annex title repeated) gave two annexes one
 * number, which the ledger cannot hold: the import failed with a 500 (found by the fuzz run,
 * server/fuzz/fixtures/). A repeat keeps its tasks under the next number after every printed one.
 */
function numberedOnce(segments: AnnexSegment[], anomalies: string[]): AnnexSegment[] {
  const seen = new Set<number>();
  let next = Math.max(...segments.map((s) => s.no));
  return segments.map((s) => {
    if (!seen.has(s.no)) {
      seen.add(s.no);
      return s;
    }
    next += 1;
    anomalies.push(`annex ${s.no} appears again at line ${s.line}: read as annex ${next}`);
    return { ...s, no: next };
  });
}

export function parseNoticeRows(printedRows: NoticeRow[], opts: ParseOptions = {}): ParsedNotice {
  // Web-page furniture, reposting sites' pinyin, a notice on one line: cleaned before any reading.
  const rows = cleanNoticeRows(printedRows);
  if (rows.length === 0) throw new NoticeParseError('EMPTY_TEXT', { line: 1 });
  assertRowsWithinLimit(rows);
  const printed = readDocumentFacts(rows, opts.fileName);
  const document = withDefaults(printed, opts.documentDefaults);
  let segments = splitAnnexes(rows, document.annexTitles);
  if (segments.length === 0) {
    // No annex: the tasks may be in the body itself (labelled or inline layouts).
    segments = [{ no: 1, title: document.title ?? '', kind: 'other', rows, line: rows[0]?.line ?? 1 }];
  }
  const anomalies: string[] = [];
  segments = numberedOnce(segments, anomalies);
  const raw = segments.map(readSegment);

  const total = raw.reduce((s, a) => s + a.tasks.length, 0);
  if (total > 0) assertTasksWithinLimit(raw.flatMap((a) => a.tasks));
  if (total === 0) {
    const hasTabs = rows.filter((r) => r.cells.length >= 3);
    if (raw.some((a) => a.layout === 'table')) {
      throw new NoticeParseError('NO_TASKS', { line: segments[0]?.line ?? 1 });
    }
    if (hasTabs.length >= 3) {
      const first = hasTabs[0];
      throw new NoticeParseError('NO_TABLE_COLUMNS', { line: first?.line ?? 1, text: first?.cells.join(' | ') });
    }
    throw new NoticeParseError('NOT_A_NOTICE', { line: rows[0]?.line ?? 1 });
  }

  const allTasks = raw.flatMap((a) => a.tasks);
  const leaderDirectory = opts.leaderDirectory ?? buildLeaderDirectory(allTasks.map((t) => t.leadersRaw));
  const unitDirectory =
    opts.unitDirectory ?? buildUnitDirectory(allTasks.flatMap((t) => [t.leadUnitsRaw, t.coUnitsRaw]));

  const annexes: ParsedAnnex[] = raw.map((a) => {
    const annexAnomalies = [...a.anomalies];
    numberingAnomalies(a.tasks, a.segment.no, annexAnomalies);
    const names = new Map(a.categories.map((c) => [c.no, c.name]));
    const tasks: ParsedTask[] = a.tasks.map((t) => {
      const lead = resolveLeaders(t.leadersRaw, leaderDirectory, t.line);
      const units = resolveUnits(t.leadUnitsRaw, t.coUnitsRaw, unitDirectory, t.line);
      const repairs = [...t.repairs, ...lead.repairs, ...units.repairs];
      const taskAnomalies = [...t.anomalies];
      for (const w of duplicatedWords(`${t.upstreamItem ?? ''}\n${t.standard}`)) {
        taskAnomalies.push(`possible duplicated word "${w}" (kept as printed)`);
      }
      if (units.units.length === 0 && !taskAnomalies.some((x) => x.includes('no leader or unit'))) {
        taskAnomalies.push('no responsible unit printed');
      }
      if (lead.leaders.length === 0 && t.leadersRaw === '' && a.layout === 'table') {
        taskAnomalies.push('no leader printed');
      }
      const uncertain = t.uncertain || lead.uncertain || units.uncertain || repairs.some((r) => r.uncertain);
      return {
        seq: t.seq,
        seqNo: t.seqNo,
        category:
          t.categoryNo !== null ? { no: t.categoryNo, name: names.get(t.categoryNo) ?? t.categoryPrinted ?? '' } : null,
        section: t.section,
        upstreamNo: t.upstreamNo,
        upstreamItem: t.upstreamItem,
        standard: t.standard,
        deadline: t.deadline,
        ...taskDue(t.deadline, document.year, a.segment.kind),
        leaders: lead.leaders,
        leadersPrinted: t.leadersRaw,
        units: units.units,
        unitsPrinted: units.printed,
        unitRefs: units.refs,
        indicators: extractIndicators(t.standard),
        links: [],
        anomalies: taskAnomalies,
        repairs,
        uncertain,
        line: t.line,
        ...(t.endLine !== undefined && t.endLine > t.line ? { endLine: t.endLine } : {}),
        ...(t.milestones && t.milestones.length > 0
          ? { milestones: t.milestones.map((m) => ({ text: m, dueDate: dueDate(milestoneDate(m), document.year) })) }
          : {}),
        ...(t.notes && t.notes.length > 0 ? { notes: t.notes } : {}),
        ...(t.uncertainFields && t.uncertainFields.length > 0 ? { uncertainFields: t.uncertainFields } : {}),
      };
    });
    return {
      no: a.segment.no,
      title: a.segment.title,
      kind: a.segment.kind,
      layout: a.layout,
      readings: a.readings,
      categories: a.categories,
      tasks,
      anomalies: annexAnomalies,
      line: a.segment.line,
    };
  });

  // Annex numbers as printed/listed; report duplicates or gaps.
  annexes.forEach((a, i) => {
    if (a.no !== i + 1) anomalies.push(`annex ${i + 1} is numbered ${a.no}`);
  });
  if (document.annexTitles.length > 0 && document.annexTitles.length !== annexes.length) {
    anomalies.push(`the notice lists ${document.annexTitles.length} annexes but ${annexes.length} were found`);
  }
  if (document.docNumber === null) anomalies.push('no document number (文号) found');
  if (document.issuedDate === null) anomalies.push('no issue date found');

  proposeLinks(annexes);
  const recognisedTasks = markRecognisedTasks(rows, annexes);
  const tasks = annexes.flatMap((a) => a.tasks);
  return {
    document,
    annexes,
    directories: { leaders: leaderDirectory, units: unitDirectory },
    anomalies,
    unread: unreadText(raw, rows, printed),
    missingFacts: missingFacts(printed),
    stats: {
      tasks: tasks.length,
      repairs: tasks.reduce((s, t) => s + t.repairs.length, 0),
      uncertainTasks: tasks.filter((t) => t.uncertain).length,
      ...(recognisedTasks > 0 ? { recognisedTasks } : {}),
    },
  };
}
