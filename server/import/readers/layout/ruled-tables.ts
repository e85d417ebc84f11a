// Tables from drawn rules: connected horizontal and vertical lines forming a grid, cut into cells
// (merged cells found from the rules they lack). Part of the layout reader (../layout-lines.ts).
import type { Glyph } from './glyph-lines';

/** A drawn line (or a thin filled rectangle) — horizontal or vertical; others are ignored. */
export type Rule = { x1: number; y1: number; x2: number; y2: number };

/** Rules closer than this (points) are one; a glyph this far outside a cell is still in it. */
export const EPS = 1.5;

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

export type Cell = { row: number; col: number; x0: number; x1: number; y0: number; y1: number; glyphs: Glyph[] };
export type Table = { xs: number[]; ys: number[]; top: number; bottom: number; cells: Cell[]; bands: number };

/** Tables from the page's rules: connected groups of horizontal and vertical lines forming a grid. */
export function findTables(rules: Rule[]): Table[] {
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
