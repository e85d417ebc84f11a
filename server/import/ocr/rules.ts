/**
 * The table borders of a scanned page, found in its pixels: long thin runs of dark pixels. A scan
 * has no drawn lines to read (a PDF with text has them as paths), yet the table reader
 * (layout-lines.ts) rebuilds cells from borders, so a scan's borders are found here and handed over
 * as the same Rule shape. The longest borders also give the page's skew, which is undone first.
 */

/** A greyscale image, one byte per pixel, row by row. */
export type Gray = { data: Uint8Array; width: number; height: number };
/** A border in pixels: horizontal (y1 = y2) or vertical (x1 = x2). */
export type PixelRule = { x1: number; y1: number; x2: number; y2: number };

/** Dark pixels in a row (or column) closer than this are one run (scans break thin lines). */
const GAP = 3;
/** A run shorter than this is a stroke of a character, not a border (a 12 pt character is ~33 px at 200 dpi). */
const MIN_RUN = 30;

/**
 * The grey below which a pixel is ink: three quarters of the paper's (the commonest) grey. A worn
 * scan is grey paper with blurred lines that are grey too; a fixed level loses them.
 */
function darkBelow(img: Gray): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i += 7) histogram[img.data[i]!]!++;
  let paper = 255;
  for (let v = 0; v < 256; v++) if (histogram[v]! > histogram[paper]!) paper = v;
  return paper * 0.75;
}

type Segment = { at: number; from: number; to: number };
type Line = { from: number; to: number; slope: number; offset: number; thickness: number };

/** Runs of dark pixels along each row (`across` = false) or each column (`across` = true). */
function runs(img: Gray, columns: boolean): Segment[] {
  const [lines, length] = columns ? [img.width, img.height] : [img.height, img.width];
  const dark = darkBelow(img);
  const out: Segment[] = [];
  for (let at = 0; at < lines; at++) {
    let start = -1;
    let last = -1;
    for (let i = 0; i <= length; i++) {
      const isDark = i < length && img.data[columns ? i * img.width + at : at * img.width + i]! < dark;
      if (isDark) {
        if (start < 0 || i - last > GAP) {
          if (start >= 0 && last - start + 1 >= MIN_RUN) out.push({ at, from: start, to: last });
          start = i;
        }
        last = i;
      }
    }
    if (start >= 0 && last - start + 1 >= MIN_RUN) out.push({ at, from: start, to: last });
  }
  return out;
}

/**
 * Runs in neighbouring rows that overlap or continue one another are one line (a skewed border
 * steps from row to row); each line gets its extent, its slope and its mean thickness.
 */
function chain(segments: Segment[]): Line[] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Segments come row by row; compare each with those of the two rows before it.
  let windowStart = 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    while (segments[windowStart]!.at < s.at - 2) windowStart++;
    for (let j = windowStart; j < i; j++) {
      const t = segments[j]!;
      if (t.at === s.at) continue;
      if (t.from <= s.to + 8 && s.from <= t.to + 8) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(s);
    else groups.set(root, [s]);
  });
  const lines: Line[] = [];
  for (const g of groups.values()) {
    let [from, to, weight, sx, sy, sxx, sxy] = [Infinity, -Infinity, 0, 0, 0, 0, 0];
    for (const s of g) {
      const w = s.to - s.from + 1;
      const mid = (s.from + s.to) / 2;
      from = Math.min(from, s.from);
      to = Math.max(to, s.to);
      weight += w;
      sx += w * mid;
      sy += w * s.at;
      sxx += w * mid * mid;
      sxy += w * mid * s.at;
    }
    const span = to - from + 1;
    const denominator = weight * sxx - sx * sx;
    const slope = Math.abs(denominator) > 1e-9 ? (weight * sxy - sx * sy) / denominator : 0;
    lines.push({ from, to, slope, offset: (sy - slope * sx) / weight, thickness: weight / span });
  }
  return lines;
}

/** Lines long enough and thin enough to be borders (a block of bold text is neither). */
function borders(img: Gray, columns: boolean, minLength: number): Line[] {
  return chain(runs(img, columns)).filter((l) => l.to - l.from + 1 >= minLength && l.thickness <= 8);
}

/**
 * The page's skew in radians, from its long horizontal borders (a table's rows), or 0 when it has
 * none: text-only pages are read as they are (the recogniser copes with a small tilt).
 */
export function skewOf(img: Gray): number {
  const long = borders(img, false, img.width * 0.3).map((l) => l.slope);
  if (long.length === 0) return 0;
  long.sort((a, b) => a - b);
  return Math.atan(long[Math.floor(long.length / 2)]!);
}

/** The horizontal and vertical borders of a (deskewed) page, in pixels. */
export function rulesOf(img: Gray): PixelRule[] {
  const horizontal = borders(img, false, Math.max(120, img.width * 0.06)).map((l) => {
    const y = l.offset + (l.slope * (l.from + l.to)) / 2;
    return { x1: l.from, y1: y, x2: l.to, y2: y };
  });
  const vertical = borders(img, true, Math.max(60, img.height * 0.02)).map((l) => {
    const x = l.offset + (l.slope * (l.from + l.to)) / 2;
    return { x1: x, y1: l.from, x2: x, y2: l.to };
  });
  return [...horizontal, ...vertical];
}
