// Pipe tables: one table row per line, cells between | (or full-width ｜), as Markdown, wikis and
// some OA exports print them:
//
//   | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |
//   |------|----------|----------|----------|----------|
//   | 1 | 推进… | 市发改委 | 市财政局 | 6月底前 |
//
// Outer pipes are optional, separator lines (|---|:--:|) are dropped. Each line becomes a row with
// real cells, and the tab table's reading (../table.ts) does the rest: headers, categories, merged
// cells, continuation rows.

import { readHeader } from '../rows';
import { parseTable } from '../table';
import type { NoticeRow } from '../types';
import type { LayoutStrategy } from './types';

const PIPE = /[|｜]/u;
/** A separator line: pipes, dashes, colons and spaces only, with a pipe and two dashes in a row. */
function isSeparator(text: string): boolean {
  let pipe = false;
  let dashes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '|' || c === '｜') pipe = true;
    else if (c === '-' || c === '—' || c === '－') dashes ||= i > 0 && /[-—－]/u.test(text[i - 1] ?? '');
    else if (c !== ':' && c !== '：' && c !== '+' && c.trim() !== '') return false;
  }
  return pipe && dashes;
}

/**
 * The cells of a pipe row; null when the line is not one (fewer than two pipes). `outer`: the table
 * prints outer pipes (| a | b |), so the first and last pipes close the row; without them
 * (a | b), a line that starts with a pipe has an empty first cell (a continuation row).
 */
export function splitPipeRow(line: string, outer = true): string[] | null {
  let pipes = 0;
  for (let i = 0; i < line.length && pipes < 2; i++) if (line[i] === '|' || line[i] === '｜') pipes++;
  if (pipes < 2) return null;
  const cells = line.split(/[|｜]/u).map((c) => c.trim());
  const trimmed = line.trim();
  if (outer && PIPE.test(trimmed[0] ?? '')) cells.shift();
  if (outer && PIPE.test(trimmed[trimmed.length - 1] ?? '')) cells.pop();
  return cells;
}

/** Rows with their pipe lines split into cells; counts the pipe rows and drops separator lines. */
export function pipeRows(rows: NoticeRow[]): { rows: NoticeRow[]; pipeRows: number; separators: number[] } {
  // Most notices have no pipe at all: one native scan per row instead of splitting every line.
  if (!rows.some((r) => r.cells.length === 1 && PIPE.test(r.cells[0] ?? '')))
    return { rows, pipeRows: 0, separators: [] };
  const out: NoticeRow[] = [];
  const separators: number[] = [];
  let count = 0;
  // Whether the current run of pipe rows prints outer pipes: decided by its first row (the header).
  let outer: boolean | null = null;
  for (const row of rows) {
    // Only a row the reader left as one cell can be a pipe row (a real table's cells stay as they are).
    const text = row.cells.length === 1 ? (row.cells[0] ?? '') : null;
    if (text !== null && isSeparator(text)) {
      separators.push(row.line);
      continue;
    }
    if (text !== null && outer === null) outer = PIPE.test(text.trim()[0] ?? '');
    const cells = text === null ? null : splitPipeRow(text, outer ?? true);
    if (cells === null) {
      outer = null;
      out.push(row);
      continue;
    }
    count++;
    out.push({ ...row, cells });
  }
  return { rows: out, pipeRows: count, separators };
}

export const pipeTableStrategy: LayoutStrategy = (rows) => {
  const split = pipeRows(rows);
  if (split.pipeRows < 2) return null;
  if (!split.rows.some((r) => r.cells.length >= 3 && readHeader(r) !== null)) return null;
  const t = parseTable(split.rows);
  const last = t.tasks[t.tasks.length - 1];
  if (last) {
    // The table ends at its last pipe row: text after it (a signature, a note) is not the task's.
    let end = last.line;
    for (let i = split.rows.length - 1; i >= 0; i--) {
      const r = split.rows[i];
      if (r && r.cells.length >= 2) {
        end = Math.max(r.line, last.line);
        break;
      }
    }
    last.endLine = end;
  }
  return {
    layout: 'pipe-table',
    tasks: t.tasks,
    categories: t.categories,
    anomalies: t.anomalies,
    explainedLines: [...t.headerLines, ...split.separators],
    upstreamHeaders: t.upstreamHeaders,
  };
};
