/**
 * Rebuilds a notice's rows from where its glyphs sit on the page — shared by the PDF and OFD
 * readers, which only know positioned text and drawn lines, never paragraphs or table cells.
 *
 * The aim is the rows the .docx reader gives for the same document: one row per paragraph (lines
 * wrapped at the right margin joined again), one row per table row with one cell per column (a
 * cell's wrapped lines joined, a vertically merged cell's text in its first row and '' below it,
 * a cell spanning columns followed by ''), a table row broken over a page joined again, the header
 * row the word processor repeats on each page dropped, and page numbers and running headers gone.
 *
 * Tables are found from their drawn rules (every official notice's tables have borders). Lines
 * outside ruled tables whose pieces stand far apart (a tab, or a borderless table) become cells.
 * Coordinates: points, origin top left, y down; a glyph's y is its baseline.
 */
import { explode, joiner, toLines, wrapped, type Glyph, type Line } from './layout/glyph-lines';
import { pageBlocks, type Block, type CellText } from './layout/page-blocks';
import type { Rule } from './layout/ruled-tables';

export { explode, type Glyph, type Rule };
export type LayoutPage = { width: number; height: number; glyphs: Glyph[]; rules: Rule[] };
/** One rebuilt row, and where it starts: page and text line on that page (both 1-based). */
export type LayoutRow = { cells: string[]; page: number; line: number };

const PAGE_NUMBER = /^(?:[-—－–~〜\s]*\d{1,4}[-—－–~〜\s]*|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/iu;

/**
 * Drops page numbers (「— 3 —」, 第3页, 3/46) and lines repeated at the same height on several
 * pages (a running header or footer), when they are a page's first or last lines.
 */
function dropFurniture(pages: Block[][], heights: number[]): Block[][] {
  const key = (b: Block) => (b.kind === 'line' ? `${Math.round(b.top / 4)}|${b.cells.join('\t').replace(/\d+/g, '#')}` : '');
  const seen = new Map<string, number>();
  for (const blocks of pages) for (const k of new Set(blocks.map(key))) if (k) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (b: Block) => pages.length >= 3 && (seen.get(key(b)) ?? 0) >= Math.max(3, pages.length / 2);
  return pages.map((blocks, p) => {
    const out = [...blocks];
    // A running header or footer sits in the page's top or bottom tenth; a page number anywhere first or last.
    const margin = (b: Block) => b.top < 0.1 * heights[p]! || b.top > 0.9 * heights[p]!;
    const furniture = (b: Block | undefined) => b?.kind === 'line' && (PAGE_NUMBER.test(b.cells.join(' ').trim()) || (margin(b) && repeated(b)));
    while (furniture(out[out.length - 1])) out.pop();
    while (furniture(out[0])) out.shift();
    return out;
  });
}

// ---------------------------------------------------------------- the document

const norm = (s: string) => s.replace(/\s+/gu, '');

/** Rebuilds the rows of a whole document, pages in order. */
export function layoutRows(pages: LayoutPage[]): LayoutRow[] {
  // Line numbers per page, counted over all text lines as a reader sees them.
  const pageBlocksList = pages.map((page) => {
    const lines = toLines(page.glyphs);
    const numberOf = new Map<Glyph, number>();
    lines.forEach((l, i) => l.glyphs.forEach((g) => numberOf.set(g, i + 1)));
    const blocks = pageBlocks(page, (g) => numberOf.get(g) ?? 0);
    for (const b of blocks) if (b.kind === 'line') b.line.no = numberOf.get(b.line.glyphs[0]!) ?? 0;
    return blocks;
  });
  const cleaned = dropFurniture(pageBlocksList, pages.map((p) => p.height));

  // The text column's right edge: where the longest free lines end (paragraph wrap test).
  const ends = cleaned.flat().flatMap((b) => (b.kind === 'line' && b.cells.length === 1 ? [b.line.x1] : []));
  const right = ends.length ? Math.max(...ends) : Infinity;
  const starts = cleaned.flat().flatMap((b) => (b.kind === 'line' ? [b.line.x0] : []));
  const left = starts.length ? Math.min(...starts) : 0;

  const rows: LayoutRow[] = [];
  type OpenTable = { header: string; xs: number[]; last: LayoutRow & { ends: CellText[] } };
  let openTable: OpenTable | null = null;
  let prevLine: { row: LayoutRow; line: Line } | null = null;
  cleaned.forEach((blocks, p) => {
    const pageNo = p + 1;
    blocks.forEach((b, k) => {
      if (b.kind === 'line') {
        openTable = null;
        // A paragraph's next line: the previous one ran to the margin and this one starts where lines start.
        if (
          prevLine &&
          b.cells.length === 1 &&
          prevLine.row.cells.length === 1 &&
          Math.abs(b.line.size - prevLine.line.size) < 0.5 &&
          b.line.x0 < left + 0.5 * b.line.size &&
          b.line.y - prevLine.line.y < 2 * b.line.size + (prevLine.row.page === pageNo ? 0 : Infinity) &&
          wrapped(prevLine.line, b.line, right)
        ) {
          const cell = prevLine.row.cells[0]!;
          prevLine.row.cells[0] = cell + joiner(cell, b.cells[0]!, true) + b.cells[0]!;
          prevLine = { row: prevLine.row, line: b.line };
          return;
        }
        const row = { cells: b.cells, page: pageNo, line: b.line.no };
        rows.push(row);
        prevLine = { row, line: b.line };
        return;
      }
      prevLine = null;
      let tableRows = b.rows;
      const continues =
        openTable !== null && k === 0 && openTable.xs.length === b.xs.length && openTable.xs.every((x, i) => Math.abs(x - b.xs[i]!) <= 3);
      if (continues && openTable) {
        const open: OpenTable = openTable;
        // The header row the word processor repeats at the top of each page.
        if (tableRows[0] && norm(tableRows[0].cells.map((c) => c.text).join('|')) === open.header) tableRows = tableRows.slice(1);
        // A row broken by the page: no number of its own, and text only where the row above ran
        // to its cell's edge (the text there would not have fitted on the line before).
        const first = tableRows[0];
        const runsOn = (c: CellText, i: number) => {
          const above = open.last.ends[i];
          return c.first !== undefined && above?.last !== undefined && wrapped(above.last, c.first, above.right);
        };
        // Or the page broke between two paragraphs of a cell: the row then has text only in columns
        // the row above filled, and is empty to the right of its text where the row above was not
        // (a new row under merged cells is empty on the left — its category — not on the right).
        const filledAbove = (i: number) => (open.last.cells[i] ?? '') !== '';
        const textCols = first ? first.cells.flatMap((c, i) => (c.text === '' ? [] : [i])) : [];
        const rest =
          textCols.length > 0 &&
          textCols.every(filledAbove) &&
          first!.cells.some((c, i) => c.text === '' && filledAbove(i) && i > textCols[0]!);
        if (first && first.cells[0]!.text === '' && (first.cells.every((c, i) => c.text === '' || runsOn(c, i)) || rest)) {
          first.cells.forEach((c, i) => {
            if (c.text === '') return;
            const prev = open.last.cells[i]!;
            open.last.cells[i] = prev + (runsOn(c, i) ? joiner(prev, c.text, true, true) : '\n') + c.text;
            open.last.ends[i] = c;
          });
          tableRows = tableRows.slice(1);
        }
      } else {
        openTable = { header: norm(b.rows[0]!.cells.map((c) => c.text).join('|')), xs: b.xs, last: { cells: [], page: pageNo, line: 0, ends: [] } };
      }
      for (const r of tableRows) {
        const row = { cells: r.cells.map((c) => c.text), page: pageNo, line: r.line, ends: r.cells };
        rows.push(row);
        openTable!.last = row;
      }
      openTable!.xs = b.xs;
      // Only a table that ends its page can run on to the next.
      if (k !== blocks.length - 1) openTable = null;
    });
  });
  return rows.map(({ cells, page, line }) => ({ cells, page, line }));
}
