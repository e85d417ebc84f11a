// Tables flattened to one cell per line (copied from a web page or a PDF): the header cells each on
// their own line, then every row's cells one per line, a long cell wrapped over several lines and an
// empty cell printing nothing at all:
//
//   序号 / 工作任务 / 牵头单位 / 配合单位 / 完成时限 / 1 / 推进…建设， / 年底前完成… / 市发改委 / 市财政局 / 12月底前 / 2 / …
//
// The column count comes from the header; a new row starts at the next sequence number; within a
// row, lines are given to the columns in order by a small dynamic programme that scores how well
// each line fits its column (a unit name in a units column, a date in the deadline column, a
// sentence in the task column), so wrapped cells and missing cells find their place. The rebuilt
// rows are tab-table rows, read by ../table.ts like any other table.
//
// Linear: each line is looked at a bounded number of times (header runs ≤ MAX_COLUMNS lines; the
// programme costs O(lines × columns²) per row with columns ≤ MAX_COLUMNS).

import { columnRole, readHeader } from '../rows';
import type { ColumnRole } from '../rows';
import { parseTable } from '../table';
import { matchKey } from '../text';
import type { NoticeRow, TaskField } from '../types';
import type { LayoutStrategy } from './types';

const MAX_COLUMNS = 12;
const HEADER_CELL_MAX = 16;

const SEQ_LINE = /^(\d{1,6})[.、．]?$/u;
const PAGE_LINE = /^(?:[-—－–]\s*\d{1,4}\s*[-—－–]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)$/u;
const END_LINE = /^(?:抄送|主送|附件\d*[:：]?$|（此件|\(此件)|印发$/u;
const DEADLINE_LIKE =
  /^(?:\d{4}年)?(?:\d{1,2}月(?:底|末|中旬|上旬|下旬)?(?:\d{1,2}日)?前?|年底前?|年内|全年|长期|持续推进|持续|常态化|上半年|下半年|[一二三四1-4]季度(?:末|底)?前?|第[一二三四]季度|\d{4}年(?:底前?|内)?|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)(?:前|完成|以前)?$/u;
const UNIT_LIKE =
  /(局|办|室|中心|社|会|委|班|部|联|园|公司|队|院|所|站|组|处|厅|馆|行|团|司|区|县|市|镇|乡|街道|政府|集团|协会|医院|学校|单位|部门|机关|管委会|办事处)(?:[(（][^()（）]{0,20}[)）])?[，,、；;。]?$/u;
const NUMBER_LIKE = /^[≥≤><＞＜]?\s*-?[\d.]+\s*[%％‰]?\s*(?:左右|以上|以内|以下|以上左右)?$/u;
const LEADER_LIKE = /^(?:\p{Script=Han}{2,4}(?:同志)?[、，,\s]*){1,4}$/u;

type Fit = 'text' | 'unit' | 'deadline' | 'number' | 'measure' | 'short';

function fitOf(line: string): Fit {
  return fitOfKey(matchKey(line));
}

/** A measure printed alone in an indicator table's 单位 column. */
const MEASURE_LIKE =
  /^(?:%|‰|个百分点|百分点|(?:万|亿|千)?(?:元|美元|人|人次|户|家|个|吨|亩|公里|千米|平方米|千瓦|千瓦时|辆|套|所|座|项|张|床|次))$/u;

function fitOfKey(key: string): Fit {
  if (NUMBER_LIKE.test(key)) return 'number';
  if (key.length <= 5 && MEASURE_LIKE.test(key)) return 'measure';
  if (key.length <= 24 && DEADLINE_LIKE.test(key)) return 'deadline';
  if (
    key.length <= 60 &&
    !/[。；;]/u.test(key.slice(0, -1)) &&
    key.split(/[、，,\s]/u).every((u) => u === '' || UNIT_LIKE.test(u))
  ) {
    return 'unit';
  }
  return key.length <= 8 ? 'short' : 'text';
}

/** How badly a line fits a column (0 = as expected); `prevFit`: the line above in the same cell. */
function cost(role: ColumnRole, fit: Fit, line: string, prevInCell: string | null, prevFit: Fit | null): number {
  switch (role) {
    case 'standard':
    case 'upstream': {
      let c = fit === 'text' ? 0 : fit === 'short' || fit === 'number' ? 1 : fit === 'measure' ? 3 : 4;
      // A task text that ended with 。 does not usually go on with a short fragment.
      if (prevInCell !== null && /[。；;]$/u.test(prevInCell) && fit !== 'text') c += 2;
      return c;
    }
    case 'category':
      return fit === 'short' ? 0 : fit === 'text' ? (line.length > 20 ? 3 : 1) : 3;
    case 'leadUnits':
    case 'units':
    case 'coUnits': {
      const c = fit === 'unit' ? 0 : fit === 'short' ? 2 : fit === 'text' ? (/[。；;]$/u.test(line) ? 6 : 3) : 5;
      // One unit usually leads: a second whole unit name under 牵头单位 more likely begins 配合单位.
      return role === 'leadUnits' && prevFit === 'unit' ? c + 1.5 : c;
    }
    case 'deadline':
      return fit === 'deadline' ? 0 : fit === 'text' && line.length <= 16 ? 2 : 5;
    case 'leaders':
      return line.length <= 24 && LEADER_LIKE.test(line) && fit !== 'unit' ? 0 : 4;
    case 'seq':
      return fit === 'number' ? 0 : 6;
    default:
      // A measure, an amount or a short note; such cells rarely wrap.
      return (fit === 'number' || fit === 'short' || fit === 'measure' ? 0 : 3) + (prevInCell !== null ? 1 : 0);
  }
}

const EMPTY_COLUMN = 0.6;
const TAIL_LINE = 2.5;

interface Placed {
  cells: string[][];
  /** Columns where a line fitted badly (a guess a person should confirm). */
  doubtful: ColumnRole[];
  /** Lines after the last column (only the table's last row may have them): not the task's. */
  tail: number;
}

/**
 * Gives the lines of one row (after its sequence number) to the columns in order, each column a
 * run of consecutive lines (possibly none), at the least total misfit. With `tail`, lines may be
 * left over after the last column (the text after the table).
 */
export function placeLines(lines: string[], roles: ColumnRole[], tail: boolean, knownFits?: Fit[]): Placed {
  const n = roles.length;
  const k = lines.length;
  if (k === 0 || n === 0) return { cells: roles.map(() => []), doubtful: [], tail: 0 };
  const fits = knownFits ?? lines.map(fitOf);
  // best[i*(n+1)+j]: least cost with line i placed in column j (j = n: the tail).
  const width = n + 1;
  const best: number[] = new Array<number>(k * width).fill(Infinity);
  const back: number[] = new Array<number>(k * width).fill(-1);
  // Each line's misfit in each column, opening the cell or going on with it: computed once.
  const width0 = n + 1;
  const opening: number[] = new Array<number>(k * width0);
  const going: number[] = new Array<number>(k * width0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      const role = roles[j] ?? 'other';
      const fit = fits[i] ?? 'text';
      opening[i * width0 + j] = cost(role, fit, lines[i] ?? '', null, null);
      going[i * width0 + j] =
        i > 0 ? cost(role, fit, lines[i] ?? '', lines[i - 1] ?? null, fits[i - 1] ?? null) : Infinity;
    }
    opening[i * width0 + n] = TAIL_LINE;
    going[i * width0 + n] = TAIL_LINE;
  }
  const costAt = (i: number, j: number, prevSame: boolean): number =>
    (prevSame ? going : opening)[i * width0 + j] ?? Infinity;
  const maxJ = tail ? n : n - 1;
  for (let j = 0; j <= maxJ; j++) best[j] = j * EMPTY_COLUMN + costAt(0, j, false);
  for (let i = 1; i < k; i++) {
    for (let j = 0; j <= maxJ; j++) {
      let b = Infinity;
      let from = -1;
      for (let p = 0; p <= j; p++) {
        const prev = best[(i - 1) * width + p] ?? Infinity;
        if (prev === Infinity) continue;
        const c = prev + (p === j ? 0 : (j - p - 1) * EMPTY_COLUMN) + costAt(i, j, p === j);
        if (c < b) [b, from] = [c, p];
      }
      best[i * width + j] = b;
      back[i * width + j] = from;
    }
  }
  let end = -1;
  let endCost = Infinity;
  for (let j = 0; j <= maxJ; j++) {
    const c = (best[(k - 1) * width + j] ?? Infinity) + (j === n ? 0 : (n - 1 - j) * EMPTY_COLUMN);
    if (c < endCost) [end, endCost] = [j, c];
  }
  const cells: string[][] = roles.map(() => []);
  const doubtful: ColumnRole[] = [];
  let tailCount = 0;
  for (let i = k - 1, j = end; i >= 0 && j >= 0; i--) {
    const prevJ = i > 0 ? (back[i * width + j] ?? -1) : -1;
    if (j === n) tailCount++;
    else {
      cells[j]?.unshift(lines[i] ?? '');
      const role = roles[j] ?? 'other';
      if (costAt(i, j, prevJ === j) >= 3 && !doubtful.includes(role)) doubtful.push(role);
    }
    j = prevJ;
  }
  // Several unit lines shared by a 牵头单位 and the next units column: where the lead ends is a guess.
  roles.forEach((role, j) => {
    const next = roles[j + 1];
    const unitLines = (cells[j]?.length ?? 0) + (cells[j + 1]?.length ?? 0);
    if (role === 'leadUnits' && (next === 'coUnits' || next === 'units') && unitLines > 2 && !doubtful.includes(role)) {
      doubtful.push(role);
    }
  });
  return { cells, doubtful, tail: tailCount };
}

interface Header {
  cells: string[];
  roles: ColumnRole[];
  lines: number[];
}

/** A header printed one cell per line, starting at rows[i] (a 序号 cell); null if not one. */
function headerAt(rows: NoticeRow[], i: number): Header | null {
  const first = rows[i];
  // 「序号」, even letter-spaced, is short: a long line is not looked up at all.
  if (!first || first.cells.length !== 1 || (first.cells[0] ?? '').length > 12) return null;
  if (columnRole(first.cells[0] ?? '') !== 'seq') return null;
  const cells: string[] = [];
  const lines: number[] = [];
  for (let j = i; j < rows.length && cells.length < MAX_COLUMNS; j++) {
    const row = rows[j];
    const text = row?.cells.length === 1 ? (row.cells[0] ?? '') : null;
    if (!row || text === null) break;
    const key = matchKey(text);
    if (key.length > HEADER_CELL_MAX || SEQ_LINE.test(key) || (j > i && columnRole(text) === 'seq')) break;
    cells.push(text);
    lines.push(row.line);
  }
  if (readHeader({ line: first.line, cells }) === null) return null;
  return { cells, roles: cells.map(columnRole), lines };
}

/** True when rows[i..] repeat the header (a page break): the rows are skipped. */
function repeatsHeader(rows: NoticeRow[], i: number, header: Header, key: string): boolean {
  if (columnRole(key) !== 'seq') return false;
  for (let c = 1; c < header.roles.length; c++) {
    const row = rows[i + c];
    if (!row || row.cells.length !== 1 || columnRole(row.cells[0] ?? '') !== header.roles[c]) return false;
  }
  return true;
}

/**
 * The flattened rows rebuilt as table rows (header first), with each rebuilt row's last line.
 * `accept` may refuse the header before any row is rebuilt (the indicator reader wants its own).
 */
export function rebuildCellTable(
  rows: NoticeRow[],
  accept: (headerCells: string[]) => boolean = () => true,
): {
  rows: NoticeRow[];
  explained: number[];
  spans: Map<number, { endLine: number; doubtful: ColumnRole[] }>;
} | null {
  let h: Header | null = null;
  let start = 0;
  for (let i = 0; i < rows.length && h === null; i++) {
    h = headerAt(rows, i);
    start = i + (h?.cells.length ?? 0);
  }
  if (h === null || !accept(h.cells)) return null;
  const header = h;
  const dataRoles = header.roles.slice(1);
  const out: NoticeRow[] = [{ line: header.lines[0] ?? 0, cells: header.cells }];
  const explained = [...header.lines];
  const spans = new Map<number, { endLine: number; doubtful: ColumnRole[] }>();

  interface Pending {
    seq: string;
    line: number;
    lines: string[];
    lineNos: number[];
    fits: Fit[];
  }
  // Each line's key and fit, computed once (a line is looked at as itself and as the next line).
  const keys: string[] = [];
  const fits: Fit[] = [];
  const keyAt = (i: number): string => {
    let key = keys[i];
    if (key === undefined) {
      const row = rows[i];
      key = row?.cells.length === 1 ? matchKey(row.cells[0] ?? '') : '';
      keys[i] = key;
    }
    return key;
  };
  const fitAt = (i: number): Fit => {
    let fit = fits[i];
    if (fit === undefined) {
      fit = fitOfKey(keyAt(i));
      fits[i] = fit;
    }
    return fit;
  };
  let current: Pending | null = null;
  let expected: number | null = null;
  const flush = (last: boolean): void => {
    if (current === null) return;
    const placed = placeLines(current.lines, dataRoles, last, current.fits);
    const kept = current.lineNos.length - placed.tail;
    out.push({ line: current.line, cells: [current.seq, ...placed.cells.map((c) => c.join(' '))] });
    spans.set(current.line, { endLine: current.lineNos[kept - 1] ?? current.line, doubtful: placed.doubtful });
    current = null;
  };

  for (let i = start; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    if (row.cells.length !== 1) break; // a real table row: not a flattened table any more
    const text = row.cells[0] ?? '';
    const key = keyAt(i);
    if (PAGE_LINE.test(key)) {
      explained.push(row.line);
      continue;
    }
    if (END_LINE.test(key)) break;
    if (repeatsHeader(rows, i, header, key)) {
      explained.push(...rows.slice(i, i + header.roles.length).map((r) => r.line));
      i += header.roles.length - 1;
      continue;
    }
    const seq = SEQ_LINE.exec(key);
    const no = seq?.[1] !== undefined ? Number(seq[1]) : null;
    const startsRow =
      no !== null &&
      (expected === null ? current === null : no >= expected && no <= expected + 2) &&
      (current === null || current.lines.length > 0) &&
      keyAt(i + 1) !== '' &&
      (fitAt(i + 1) === 'text' || fitAt(i + 1) === 'short');
    if (startsRow) {
      flush(false);
      current = { seq: String(no), line: row.line, lines: [], lineNos: [], fits: [] };
      expected = (no ?? 0) + 1;
      continue;
    }
    if (current === null) continue; // text between the header and the first row
    current.lines.push(text);
    current.lineNos.push(row.line);
    current.fits.push(fitAt(i));
  }
  flush(true);
  return out.length > 1 ? { rows: out, explained, spans } : null;
}

const FIELD_OF: Partial<Record<ColumnRole, TaskField>> = {
  standard: 'standard',
  upstream: 'standard',
  category: 'category',
  leaders: 'leaders',
  leadUnits: 'units',
  units: 'units',
  coUnits: 'units',
  deadline: 'deadline',
};

export const cellTableStrategy: LayoutStrategy = (rows) => {
  const rebuilt = rebuildCellTable(rows);
  if (rebuilt === null) return null;
  const t = parseTable(rebuilt.rows);
  for (const task of t.tasks) {
    const span = rebuilt.spans.get(task.line);
    if (!span) continue;
    task.endLine = span.endLine;
    const fields = [...new Set(span.doubtful.map((r) => FIELD_OF[r]).filter((f): f is TaskField => f !== undefined))];
    if (fields.length > 0) {
      task.uncertain = true;
      task.uncertainFields = [...new Set([...(task.uncertainFields ?? []), ...fields])];
    }
  }
  return {
    layout: 'cell-table',
    tasks: t.tasks,
    categories: t.categories,
    anomalies: t.anomalies,
    explainedLines: rebuilt.explained,
    upstreamHeaders: t.upstreamHeaders,
  };
};
