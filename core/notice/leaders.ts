// Leaders (分管区领导): building the directory from the document and resolving garbled cells.
//
// The extractor garbles narrow leader cells: names run together ("丁张波" = 丁力 + 张波), are cut
// and their pieces swap places ("邓辉莹 祝" = 邓辉 祝莹; "祝力波 丁张" = 祝莹 丁力 张波), or one
// character is misread ("张晓明", "张晓茜", "张晓菡" for 张晓茵). Each whitespace token of a cell
// is read as a sequence of pieces — whole names, leading or trailing fragments of names, or a
// name with one wrong character — choosing the cheapest reading; a one-character fragment only
// counts as sure when another piece of the same cell points to the same name.

import { matchKey } from './text';
import type { DirectoryEntry, Repair } from './types';

export interface LeaderResolution {
  leaders: string[];
  repairs: Repair[];
  uncertain: boolean;
  unknown: string[];
}

interface Piece {
  start: number;
  end: number;
  kind: 'name' | 'alias' | 'prefix' | 'suffix' | 'typo';
  candidates: string[];
  cost: number;
}

export function splitLeaderCell(cell: string): string[] {
  return cell.split(/[\s、，,；;/|]+/u).filter((t) => t !== '');
}

function oneCharOff(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 3) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

interface Lookup {
  names: string[];
  byKey: Map<string, string>;
}

// Cached per directory array: pass a new array after editing a directory (treat it as immutable).
const LOOKUPS = new WeakMap<DirectoryEntry[], Lookup>();

function makeLookup(directory: DirectoryEntry[]): Lookup {
  const cached = LOOKUPS.get(directory);
  if (cached) return cached;
  const lookup = buildLookup(directory);
  LOOKUPS.set(directory, lookup);
  return lookup;
}

function buildLookup(directory: DirectoryEntry[]): Lookup {
  const byKey = new Map<string, string>();
  for (const e of directory) {
    byKey.set(matchKey(e.name), e.name);
    for (const a of e.aliases) byKey.set(matchKey(a), e.name);
  }
  return { names: directory.map((e) => matchKey(e.name)), byKey };
}

/** All pieces that can start at position i of the token. */
function piecesAt(token: string, i: number, lk: Lookup): Piece[] {
  const out: Piece[] = [];
  const push = (len: number, kind: Piece['kind'], name: string, cost: number): void => {
    const same = out.find((p) => p.end === i + len && p.kind === kind);
    if (same) {
      if (!same.candidates.includes(name)) same.candidates.push(name);
    } else {
      out.push({ start: i, end: i + len, kind, candidates: [name], cost });
    }
  };
  for (const [key, name] of lk.byKey) {
    if (token.startsWith(key, i)) push(key.length, lk.names.includes(key) ? 'name' : 'alias', name, 0);
    if (oneCharOff(token.slice(i, i + key.length), key)) push(key.length, 'typo', name, 1.1);
  }
  for (const key of lk.names) {
    const name = lk.byKey.get(key) ?? key;
    for (let k = 1; k < key.length; k++) {
      const frag = token.slice(i, i + k);
      if (frag.length !== k) break;
      const extra = k === 1 ? 0.5 : 0;
      if (key.startsWith(frag)) push(k, 'prefix', name, 1 + extra);
      if (key.endsWith(frag)) push(k, 'suffix', name, 1 + extra);
    }
  }
  return out;
}

/** Cheapest segmentation of a token into pieces (dynamic programming over positions). */
function segment(token: string, lk: Lookup): Piece[] | null {
  const n = token.length;
  const best: ({ cost: number; count: number; path: Piece[] } | null)[] = Array.from({ length: n + 1 }, () => null);
  best[0] = { cost: 0, count: 0, path: [] };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (const p of piecesAt(token, i, lk)) {
      const cost = here.cost + p.cost;
      const count = here.count + 1;
      const cur = best[p.end];
      if (!cur || cost < cur.cost || (cost === cur.cost && count < cur.count)) {
        best[p.end] = { cost, count, path: [...here.path, p] };
      }
    }
  }
  return best[n]?.path ?? null;
}

/**
 * Resolves one leader cell against a directory (editable by the office: pass the edited list).
 * Returns names in printed order, without duplicates, with one repair per garbled token.
 */
export function resolveLeaders(cell: string, directory: DirectoryEntry[], line = 0): LeaderResolution {
  const lk = makeLookup(directory);
  const tokens = splitLeaderCell(cell);
  const readings = tokens.map((t) => ({ token: t, key: matchKey(t), pieces: segment(matchKey(t), lk) }));

  // Support: how many pieces of the whole cell point at each name (exact names count twice).
  const support = new Map<string, number>();
  for (const r of readings) {
    for (const p of r.pieces ?? []) {
      for (const c of p.candidates) {
        const w = p.kind === 'name' || p.kind === 'alias' ? 2 : 1;
        support.set(c, (support.get(c) ?? 0) + w);
      }
    }
  }

  const leaders: string[] = [];
  const repairs: Repair[] = [];
  const unknown: string[] = [];
  let uncertain = false;
  const add = (n: string): void => {
    if (!leaders.includes(n)) leaders.push(n);
  };

  for (const r of readings) {
    const pieces = r.pieces;
    if (pieces === null) {
      unknown.push(r.token);
      add(r.token);
      uncertain = true;
      repairs.push({
        field: 'leaders',
        raw: r.token,
        result: r.token,
        rule: 'unknown-leader: not in the directory',
        uncertain: true,
        line,
      });
      continue;
    }
    if (pieces.length === 1 && pieces[0]?.kind === 'name') {
      add(pieces[0].candidates[0] ?? r.token);
      continue;
    }
    const names: string[] = [];
    const rules: string[] = [];
    let tokenUncertain = false;
    for (const p of pieces) {
      // Ambiguous fragment ("张" of 张波 or 张晓茵): prefer the name other pieces support.
      const ranked = [...p.candidates].sort((a, b) => (support.get(b) ?? 0) - (support.get(a) ?? 0));
      const pick = ranked[0] ?? '';
      const frag = r.key.slice(p.start, p.end);
      const corroborated = (support.get(pick) ?? 0) >= 2;
      if (p.candidates.length > 1 && (support.get(ranked[1] ?? '') ?? 0) === (support.get(pick) ?? 0))
        tokenUncertain = true;
      // A fragment must be backed by another piece of the cell, unless it is a whole truncated
      // token of two or more characters ("肖新" alone reads safely as 肖新锋).
      const fragment = p.kind === 'prefix' || p.kind === 'suffix';
      if (fragment && !corroborated && (p.end - p.start === 1 || pieces.length > 1)) tokenUncertain = true;
      names.push(pick);
      rules.push(
        p.kind === 'name'
          ? pick
          : p.kind === 'alias'
            ? `${frag}=alias of ${pick}`
            : p.kind === 'typo'
              ? `${frag}≈${pick} (one character differs)`
              : `${frag}=${p.kind} of ${pick}`,
      );
    }
    // A wrong character that only repeats a name already in the cell ("祝光荣 谢光荣") is more
    // likely the fragments of another name: re-read the token without the typo reading.
    if (
      pieces.length === 1 &&
      pieces[0]?.kind === 'typo' &&
      tokens.some((t) => t !== r.token && matchKey(t) === matchKey(names[0] ?? ''))
    ) {
      const noTypo = segment(r.key, { names: lk.names, byKey: new Map() });
      if (noTypo) {
        names.length = 0;
        rules.length = 0;
        for (const p of noTypo) {
          const pick = [...p.candidates].sort((a, b) => (support.get(b) ?? 0) - (support.get(a) ?? 0))[0] ?? '';
          names.push(pick);
          rules.push(`${r.key.slice(p.start, p.end)}=${p.kind} of ${pick}`);
        }
        tokenUncertain = true;
      }
    }
    const onlyAlias = pieces.every((p) => p.kind === 'alias' || p.kind === 'name');
    names.forEach(add);
    uncertain ||= tokenUncertain;
    repairs.push({
      field: 'leaders',
      raw: r.token,
      result: [...new Set(names)],
      rule: `${onlyAlias ? 'leader-alias' : 'leader-garbled'}: ${rules.join(' + ')}`,
      uncertain: tokenUncertain,
      line,
    });
  }
  return { leaders, repairs, uncertain, unknown };
}

/**
 * Builds the leader directory from the document: names that occur cleanly and often. A token
 * is a name when it occurs at least `minCount` times and is not explained as a garble of more
 * frequent names (one character off, or pieces of them); rare tokens that nothing explains are
 * kept too (small notices), so nothing is silently dropped.
 */
export function buildLeaderDirectory(cells: string[], minCount = 3): DirectoryEntry[] {
  // Counted by matching key (simplified), named by the first printed form (traditional kept).
  const counts = new Map<string, number>();
  const printed = new Map<string, string>();
  for (const c of cells) {
    for (const t of splitLeaderCell(c)) {
      const k = matchKey(t);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!printed.has(k)) printed.set(k, t);
    }
  }
  const isNameLike = (t: string): boolean => /^\p{Script=Han}{2,4}$/u.test(t);
  const sorted = [...counts.entries()].filter(([t]) => isNameLike(t)).sort((a, b) => b[1] - a[1]);
  const entry = (k: string, count: number): DirectoryEntry => ({
    name: printed.get(k) ?? k,
    aliases: [],
    count,
    confirmed: true,
  });

  const accepted: DirectoryEntry[] = [];
  for (const [token, count] of sorted) {
    if (count < minCount) continue;
    const typoOf = accepted.find((e) => oneCharOff(token, matchKey(e.name)) && (e.count ?? 0) >= 3 * count);
    if (typoOf) continue;
    const pieces = segment(token, buildLookup(accepted));
    if (pieces && pieces.length > 1) continue;
    accepted.push(entry(token, count));
  }
  // Rare tokens: keep those the frequent names cannot explain at all (small notices).
  for (const [token, count] of sorted) {
    if (count >= minCount || accepted.some((e) => matchKey(e.name) === token)) continue;
    if (segment(token, buildLookup(accepted)) === null) accepted.push(entry(token, count));
  }
  return accepted;
}
