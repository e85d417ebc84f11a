// Glyphs and text lines: how positioned characters become lines, and how two lines join (a wrap
// inside a paragraph or a cell, or a break). Part of the layout reader (../layout-lines.ts).

export type Glyph = { text: string; x: number; y: number; width: number; size: number };

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

export type Line = { glyphs: Glyph[]; y: number; size: number; x0: number; x1: number; no: number };

/** Groups glyphs into lines by baseline (tolerance a third of the font size), each ordered by x. */
export function toLines(glyphs: Glyph[]): Line[] {
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
export function lineCells(glyphs: Glyph[], tabGap = Infinity): string[] {
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
export function wrapped(prev: Line, next: Line, right: number): boolean {
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
export function joiner(a: string, b: string, forced: boolean, inCell = false): string {
  if (a === '' || b === '') return '';
  if (LATIN.test(a.slice(-1)) && LATIN.test(b[0]!)) return /[/-]$/u.test(a) ? '' : ' ';
  if (forced) return inCell && (unitBoundary(a, b) || personBoundary(a, b)) ? ' ' : '';
  return SENTENCE_END.test(a) ? '\n' : ' ';
}

// ---------------------------------------------------------------- rules and tables
