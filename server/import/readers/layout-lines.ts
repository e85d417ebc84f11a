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

export type Glyph = { text: string; x: number; y: number; width: number; size: number };
/** A drawn line (or a thin filled rectangle) — horizontal or vertical; others are ignored. */
export type Rule = { x1: number; y1: number; x2: number; y2: number };
export type LayoutPage = { width: number; height: number; glyphs: Glyph[]; rules: Rule[] };
/** One rebuilt row, and where it starts: page and text line on that page (both 1-based). */
export type LayoutRow = { cells: string[]; page: number; line: number };

const EPS = 1.5;

/** Characters that may not start a line (they pull the character before them onto the next line). */
const NO_LINE_START = /^[，。、；：！？）》」』】〕”’%‰·…,.;:!?)\]]/u;
/** Characters that may not end a line. */
const NO_LINE_END = /[（《「『【〔“‘([]$/u;
const SENTENCE_END = /[。！？；]$/u;
const LATIN = /[\p{Script=Latin}\p{Nd}%.\-/]/u;

/** Splits positioned text items into one glyph per character, widths shared out by character class. */
export function explode(text: string, x: number, y: number, width: number, size: number): Glyph[] {
  const chars = [...text];
  const weight = (c: string) => (c.codePointAt(0)! <= 0x2ff ? 0.5 : 1);
  const total = chars.reduce((s, c) => s + weight(c), 0) || 1;
  const out: Glyph[] = [];
  let at = x;
  for (const c of chars) {
    const w = (width * weight(c)) / total;
    if (c.trim() !== '') out.push({ text: c, x: at, y, width: w, size });
    at += w;
  }
  return out;
}

// ---------------------------------------------------------------- lines

type Line = { glyphs: Glyph[]; y: number; size: number; x0: number; x1: number; no: number };

/** Groups glyphs into lines by baseline (tolerance a third of the font size), each ordered by x. */
function toLines(glyphs: Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  for (const g of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(g.y - last.y) <= Math.max(1, 0.35 * Math.min(g.size, last.size))) last.glyphs.push(g);
    else lines.push({ glyphs: [g], y: g.y, size: g.size, x0: 0, x1: 0, no: 0 });
  }
  for (const l of lines) {
    l.glyphs.sort((a, b) => a.x - b.x);
    l.size = Math.max(...l.glyphs.map((g) => g.size));
    l.x0 = l.glyphs[0]!.x;
    l.x1 = Math.max(...l.glyphs.map((g) => g.x + g.width));
  }
  return lines;
}

/** A line's text; pieces further apart than `tabGap` × font size become separate cells. */
function lineCells(glyphs: Glyph[], tabGap = Infinity): string[] {
  const cells: string[] = [''];
  let prev: Glyph | undefined;
  for (const g of glyphs) {
    if (prev) {
      const gap = g.x - (prev.x + prev.width);
      if (gap > tabGap * g.size) cells.push('');
      else if (gap > 0.18 * g.size) cells[cells.length - 1] += ' ';
    }
    cells[cells.length - 1] += g.text;
    prev = g;
  }
  return cells.map((c) => c.trim());
}

/** The width the next line's first breakable piece needs: a Latin word, or one character with the punctuation bound to it. */
function firstUnitWidth(line: Glyph[]): number {
  if (line.length === 0) return 0;
  let i = 0;
  while (i < line.length - 1 && NO_LINE_END.test(line[i]!.text)) i++;
  if (LATIN.test(line[i]!.text)) {
    while (i < line.length - 1 && LATIN.test(line[i + 1]!.text) && line[i + 1]!.x - (line[i]!.x + line[i]!.width) < 0.18 * line[i]!.size) i++;
  }
  while (i < line.length - 1 && NO_LINE_START.test(line[i + 1]!.text)) i++;
  return line[i]!.x + line[i]!.width - line[0]!.x;
}

/**
 * True when `prev` ended because the text reached `right` (a wrap inside one paragraph or cell):
 * the next line's first piece would not have fitted after it.
 */
function wrapped(prev: Line, next: Line, right: number): boolean {
  const space = LATIN.test(prev.glyphs[prev.glyphs.length - 1]!.text) ? 0.3 * prev.size : 0;
  // Within a character of the margin counts as full too: word processors keep a number with the
  // character after it (「1日、」 then 「7 月」 on the next line), so the measured piece is too short.
  return prev.x1 + space + firstUnitWidth(next.glyphs) > right - 0.25 * prev.size || prev.x1 > right - prev.size;
}

/** A name's last character (局, 办, 中心 …) — 区 alone is a name's start, not a name. */
const NAME_END = /[\p{Script=Han}]{2,}(局|办|室|中心|社|会|委|班|部|联|公司|队|院|所|站|组|处|厅|馆|行|团|司|镇|街道|政府|集团)$/u;
const NAME_START = /^(区|市|省|县|中共|共青团)/u;

/** The line ends a unit's name and the next begins one (区…局 | 区…). */
function unitBoundary(a: string, b: string): boolean {
  return NAME_END.test(a.split(/\s/u).pop()!) && (NAME_START.test(b) || NAME_END.test(b.split(/\s/u)[0]!));
}

/**
 * In a list of people's names (space-separated, each two or three characters) a wrap between two
 * whole names was a space: 「张晓茵」 then 「肖新锋」; 「肖新」 then 「锋」 is one name wrapped.
 */
function personBoundary(a: string, b: string): boolean {
  const before = a.split(/\s+/u).filter(Boolean);
  const after = b.split(/\s+/u).filter(Boolean);
  const name = /^\p{Script=Han}{2,3}$/u;
  return before.length + after.length >= 2 && [...before, ...after].every((t) => name.test(t)) && name.test(before[before.length - 1]!) && name.test(after[0]!);
}

/**
 * How two lines join. A paragraph wrapped in Chinese joins directly; Latin words keep their space
 * (unless the line broke after / or -). In a table cell a wrap may also have eaten the space
 * between two names ("区生态环境分局 区农业农村局" broken at the space leaves no trace in the
 * geometry): where the line ends a unit's name and the next begins one, the space is put back.
 */
function joiner(a: string, b: string, forced: boolean, inCell = false): string {
  if (a === '' || b === '') return '';
  if (LATIN.test(a.slice(-1)) && LATIN.test(b[0]!)) return /[/-]$/u.test(a) ? '' : ' ';
  if (forced) return inCell && (unitBoundary(a, b) || personBoundary(a, b)) ? ' ' : '';
  return SENTENCE_END.test(a) ? '\n' : ' ';
}

// ---------------------------------------------------------------- rules and tables

type Seg = { at: number; from: number; to: number };

function mergeSegs(segs: Seg[]): Seg[] {
  const sorted = [...segs].sort((a, b) => a.at - b.at || a.from - b.from);
  const out: Seg[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(s.at - last.at) <= EPS && s.from <= last.to + EPS) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out;
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > EPS * 2) out.push(v);
  return out;
}

type Cell = { row: number; col: number; x0: number; x1: number; y0: number; y1: number; glyphs: Glyph[] };
type Table = { xs: number[]; ys: number[]; top: number; bottom: number; cells: Cell[]; bands: number };

/** Tables from the page's rules: connected groups of horizontal and vertical lines forming a grid. */
function findTables(rules: Rule[]): Table[] {
  const hs = mergeSegs(
    rules.filter((r) => Math.abs(r.y1 - r.y2) <= EPS && Math.abs(r.x2 - r.x1) > 3).map((r) => ({ at: (r.y1 + r.y2) / 2, from: Math.min(r.x1, r.x2), to: Math.max(r.x1, r.x2) })),
  );
  const vs = mergeSegs(
    rules.filter((r) => Math.abs(r.x1 - r.x2) <= EPS && Math.abs(r.y2 - r.y1) > 3).map((r) => ({ at: (r.x1 + r.x2) / 2, from: Math.min(r.y1, r.y2), to: Math.max(r.y1, r.y2) })),
  );
  // Connected components: a horizontal and a vertical touch when they cross or meet (within EPS).
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.at >= h.from - EPS && v.at <= h.to + EPS && h.at >= v.from - EPS && h.at <= v.to + EPS) parent[root(i)] = root(hs.length + j);
    }),
  );
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  for (let i = 0; i < n; i++) {
    const g = groups.get(root(i)) ?? { h: [], v: [] };
    if (i < hs.length) g.h.push(hs[i]!);
    else g.v.push(vs[i - hs.length]!);
    groups.set(root(i), g);
  }
  const tables: Table[] = [];
  for (const { h, v } of groups.values()) {
    const xs = cluster(v.map((s) => s.at));
    const ys = cluster(h.map((s) => s.at));
    if (xs.length < 2 || ys.length < 2) continue;
    const covers = (segs: Seg[], at: number, mid: number) => segs.some((s) => Math.abs(s.at - at) <= EPS * 2 && s.from - EPS <= mid && s.to + EPS >= mid);
    const cols = xs.length - 1;
    const bands = ys.length - 1;
    const cells: Cell[] = [];
    for (let i = 0; i < bands; i++) {
      const yMid = (ys[i]! + ys[i + 1]!) / 2;
      for (let j = 0; j < cols; j++) {
        const xMid = (xs[j]! + xs[j + 1]!) / 2;
        // A cell starts here when a rule closes it above (else it continues a merged cell above)
        // and one closes it on the left (else the cell on the left spans over this column).
        if (i > 0 && !covers(h, ys[i]!, xMid)) continue;
        if (j > 0 && !covers(v, xs[j]!, yMid)) continue;
        let j1 = j + 1;
        while (j1 < cols && !covers(v, xs[j1]!, yMid)) j1++;
        let i1 = i + 1;
        while (i1 < bands && !covers(h, ys[i1]!, xMid)) i1++;
        cells.push({ row: i, col: j, x0: xs[j]!, x1: xs[j1]!, y0: ys[i]!, y1: ys[i1]!, glyphs: [] });
      }
    }
    tables.push({ xs, ys, top: ys[0]!, bottom: ys[ys.length - 1]!, cells, bands });
  }
  return tables;
}

// ---------------------------------------------------------------- blocks of a page

/** A cell's text, its first and last lines and the right edge its text wraps at (to join a row a page broke). */
type CellText = { text: string; first?: Line; last?: Line; right: number };
type TableRow = { cells: CellText[]; line: number };
type Block =
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

function pageBlocks(page: LayoutPage, lineNo: (g: Glyph) => number): Block[] {
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
