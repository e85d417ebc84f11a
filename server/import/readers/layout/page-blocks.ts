// A page as blocks in reading order: ruled tables (rows of cell texts) and the lines outside them,
// where a borderless table is found from the white columns its lines share. Part of the layout
// reader (../layout-lines.ts).
import { joiner, lineCells, toLines, wrapped, type Glyph, type Line } from './glyph-lines';
import { findTables, type Cell, type Rule } from './ruled-tables';

/** A cell's text, its first and last lines and the right edge its text wraps at (to join a row a page broke). */
export type CellText = { text: string; first?: Line; last?: Line; right: number };
export type TableRow = { cells: CellText[]; line: number };
export type Block =
  | { kind: 'line'; top: number; line: Line; cells: string[] }
  | { kind: 'table'; top: number; bottom: number; xs: number[]; rows: TableRow[] };

/** A cell's text: its lines joined as the word processor wrapped them. */
function cellText(cell: Cell): CellText {
  const lines = toLines(cell.glyphs);
  if (lines.length === 0) return { text: '', right: cell.x1 };
  const pad = Math.max(0, Math.min(...lines.map((l) => l.x0)) - cell.x0);
  const right = cell.x1 - pad;
  let text = lineCells(lines[0]!.glyphs).join(' ');
  for (let k = 1; k < lines.length; k++) {
    const next = lineCells(lines[k]!.glyphs).join(' ');
    text += joiner(text, next, wrapped(lines[k - 1]!, lines[k]!, right), true) + next;
  }
  return { text, first: lines[0], last: lines[lines.length - 1], right };
}

export function pageBlocks(page: { glyphs: Glyph[]; rules: Rule[] }, lineNo: (g: Glyph) => number): Block[] {
  const tables = findTables(page.rules);
  const loose: Glyph[] = [];
  for (const g of page.glyphs) {
    const cx = g.x + g.width / 2;
    const cy = g.y - g.size * 0.35;
    const cell = tables.flatMap((t) => t.cells).find((c) => cx >= c.x0 && cx <= c.x1 && cy >= c.y0 && cy <= c.y1);
    if (cell) cell.glyphs.push(g);
    else loose.push(g);
  }
  const blocks: Block[] = [];
  for (const t of tables) {
    const rows: TableRow[] = [];
    for (let i = 0; i < t.bands; i++) {
      const starting = t.cells.filter((c) => c.row === i);
      const cells: CellText[] = Array.from({ length: t.xs.length - 1 }, () => ({ text: '', right: 0 }));
      const first = starting.flatMap((c) => c.glyphs).sort((a, b) => a.y - b.y)[0];
      for (const c of starting) cells[c.col] = cellText(c);
      if (cells.some((c) => c.text !== '')) rows.push({ cells, line: first ? lineNo(first) : 0 });
    }
    if (rows.length > 0) blocks.push({ kind: 'table', top: t.top, bottom: t.bottom, xs: t.xs, rows });
  }
  blocks.push(...borderless(toLines(loose), lineNo));
  return blocks.sort((a, b) => a.top - b.top);
}

type Gap = { from: number; to: number };

/** The stretches of x no glyph of the line covers, between `lo` and `hi`. */
function gapsOf(line: Line, lo: number, hi: number): Gap[] {
  const out: Gap[] = [];
  let at = lo;
  for (const g of [...line.glyphs].sort((a, b) => a.x - b.x)) {
    if (g.x > at) out.push({ from: at, to: g.x });
    at = Math.max(at, g.x + g.width);
  }
  if (hi > at) out.push({ from: at, to: hi });
  return out;
}

function intersect(a: Gap[], b: Gap[], min: number): Gap[] {
  const out: Gap[] = [];
  for (const x of a) for (const y of b) {
    const from = Math.max(x.from, y.from);
    const to = Math.min(x.to, y.to);
    if (to - from >= min) out.push({ from, to });
  }
  return out;
}

/**
 * Free lines, and tables drawn without rules. A run of lines sharing at least two vertical
 * stretches of white (column gutters) with text on both sides is a table of three or more columns;
 * each glyph goes to the column it stands in. A line continues the row above when it has nothing
 * in the first column and follows at the row's line pitch (rows are set apart by their cells'
 * padding); under a merged category a new row's first cells are simply empty.
 */
function borderless(lines: Line[], lineNo: (g: Glyph) => number): Block[] {
  const blocks: Block[] = [];
  const freeLine = (line: Line): Block => ({ kind: 'line', top: line.y - line.size, line, cells: lineCells(line.glyphs, 2) });
  if (lines.length === 0) return blocks;
  const LO = Math.min(...lines.map((l) => l.x0));
  const HI = Math.max(...lines.map((l) => l.x1));
  for (let i = 0; i < lines.length; ) {
    // Grow the run while the lines still share two gutters with text on both sides.
    let j = i + 1;
    let seps: Gap[] = [];
    let gaps = gapsOf(lines[i]!, LO, HI);
    let lo = lines[i]!.x0;
    let hi = lines[i]!.x1;
    while (j < lines.length && lines[j]!.y - lines[j - 1]!.y < 3 * lines[j]!.size) {
      const size = Math.max(lines[i]!.size, lines[j]!.size);
      const nextGaps = intersect(gaps, gapsOf(lines[j]!, LO, HI), 0.8 * size);
      const [nlo, nhi] = [Math.min(lo, lines[j]!.x0), Math.max(hi, lines[j]!.x1)];
      const next = nextGaps.filter((g) => g.from > nlo && g.to < nhi);
      if (next.length < 2) break;
      [gaps, lo, hi, seps] = [nextGaps, nlo, nhi, next];
      j++;
    }
    const run = lines.slice(i, j);
    const bounds = [Math.min(...run.map((l) => l.x0)), ...seps.map((g) => (g.from + g.to) / 2), Infinity];
    const colOf = (g: Glyph) => bounds.findIndex((b, k) => g.x + g.width / 2 >= b && g.x + g.width / 2 < bounds[k + 1]!);
    // A table starts with a row across it (its header): a title above it only leaves white on its right.
    if (j - i < 3 || seps.length < 2 || new Set(lines[i]!.glyphs.map(colOf)).size < 3) {
      blocks.push(freeLine(lines[i]!));
      i++;
      continue;
    }
    const split = (l: Line): Map<number, Line> => {
      const m = new Map<number, Line>();
      for (const g of l.glyphs) {
        const c = Math.max(0, colOf(g));
        const piece = m.get(c) ?? { glyphs: [], y: l.y, size: l.size, x0: g.x, x1: g.x + g.width, no: l.no };
        piece.glyphs.push(g);
        piece.x1 = Math.max(piece.x1, g.x + g.width);
        m.set(c, piece);
      }
      return m;
    };
    const cols = seps.length + 1;
    const parts = run.map(split);
    const rights = Array.from({ length: cols }, (_, c) => Math.max(...parts.flatMap((m) => (m.get(c) ? [m.get(c)!.x1] : [-Infinity]))));
    const pitches = run.slice(1).map((l, k) => l.y - run[k]!.y);
    // Rows set apart by padding show as a larger pitch; where every pitch is the same, wrapping decides.
    const pitch = Math.max(...pitches) - Math.min(...pitches) > 0.3 * run[0]!.size ? Math.min(...pitches) : -Infinity;
    const rows: TableRow[] = [];
    const lastLines: (Line | undefined)[] = [];
    parts.forEach((m, k) => {
      const row = rows[rows.length - 1];
      const runsOn = [...m].every(([c, p]) => lastLines[c] !== undefined && wrapped(lastLines[c]!, p, rights[c]!));
      if (row && !m.has(0) && k > 0 && (pitches[k - 1]! <= pitch + 0.15 * run[k]!.size || runsOn)) {
        for (const [c, p] of m) {
          const text = lineCells(p.glyphs).join(' ');
          const above = lastLines[c];
          const prev = row.cells[c]!;
          const glue = prev.text === '' ? '' : above ? joiner(prev.text, text, wrapped(above, p, rights[c]!), true) : ' ';
          row.cells[c] = { text: prev.text + glue + text, first: prev.first ?? p, last: p, right: rights[c]! };
          lastLines[c] = p;
        }
        return;
      }
      const cells: CellText[] = Array.from({ length: cols }, (_, c) => ({ text: '', right: rights[c]! }));
      lastLines.length = 0;
      for (const [c, p] of m) {
        cells[c] = { text: lineCells(p.glyphs).join(' '), first: p, last: p, right: rights[c]! };
        lastLines[c] = p;
      }
      rows.push({ cells, line: lineNo(run[k]!.glyphs[0]!) });
    });
    const top = run[0]!.y - run[0]!.size;
    blocks.push({ kind: 'table', top, bottom: run[run.length - 1]!.y, xs: bounds.slice(0, -1).concat(Math.max(...rights)), rows });
    i = j;
  }
  return blocks;
}

// ---------------------------------------------------------------- running headers, footers, page numbers
