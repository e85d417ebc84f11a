// Responsible units (责任单位): splitting cells into units and normalising names.
//
// Messiness handled here:
// - names wrap across lines inside a cell, and the extractor turns the wrap into a space
//   ("区住房和 城乡建设局"): a piece that does not end like a unit name is joined to the next;
// - a parenthesised note belongs to the unit before it ("区农业农村局 (乡村振兴局)",
//   "区政府办 (区政府督查室)"): kept as the unit's note, the printed form is kept whole;
// - one unit under several spellings (区文化和旅游局 / 区文化和旅游发展局, 区供销社 / 区供销联社,
//   市场监管局 / 区市场监管局): the directory maps aliases to one canonical name.
// The first unit listed is the lead unit (牵头); the others co-operate.

import { matchKey, squash } from './text';
import type { DirectoryEntry, Repair, UnitRef } from './types';

/** How unit names end (局, 办, 中心, 专班, 公司, 团区委, 海关总署, 工业发展科 …). */
const UNIT_END =
  /(局|办|室|中心|社|会|委|班|部|联|园|公司|队|院|所|站|组|处|厅|馆|行|团|司|署|科|区|镇|街道|政府|集团|协会|医院|学校)$/u;
/** How a unit name begins when it is a new unit rather than the tail of a wrapped one. */
const UNIT_START = /^(区|市|省|县|团|各|中共|共青团)/u;

export interface SplitUnit {
  name: string;
  printed: string;
  note: string | null;
  /** True when the name was re-joined across a wrap ("区住房和 城乡建设局"). */
  wrapped: boolean;
}

/** Splits a units cell into units, re-joining wrapped names and attaching parenthesised notes. */
export function splitUnitCell(cell: string): SplitUnit[] {
  // Separate parentheses from their neighbours so notes become their own tokens.
  const spaced = cell.replace(/\s*([(（])/gu, ' $1').replace(/([)）])\s*/gu, '$1 ');
  const tokens = spaced.split(/[\s、，,；;/]+/u).filter((t) => t !== '');
  const out: SplitUnit[] = [];
  let pendingWrap = '';
  for (let i = 0; i < tokens.length; i++) {
    let tok = tokens[i] ?? '';
    if (/^[(（]/u.test(tok)) {
      // A note: gather until the closing parenthesis (the note itself may contain spaces).
      while (!/[)）]$/u.test(tok) && i + 1 < tokens.length) tok += tokens[++i] ?? '';
      const last = out[out.length - 1];
      const note = tok.replace(/^[(（]|[)）]$/gu, '');
      if (last && last.note === null) {
        last.note = note;
        last.printed = `${last.printed} ${tok}`;
      } else {
        out.push({ name: note, printed: tok, note: null, wrapped: false });
      }
      continue;
    }
    const printed = pendingWrap ? `${pendingWrap} ${tok}` : tok;
    const wrapped = pendingWrap !== '';
    pendingWrap = '';
    const name = squash(printed);
    const next = tokens[i + 1];
    if (!UNIT_END.test(matchKey(name)) && next !== undefined && !UNIT_START.test(next) && !/^[(（]/u.test(next)) {
      pendingWrap = printed;
      continue;
    }
    out.push({ name, printed, note: null, wrapped });
  }
  if (pendingWrap) out.push({ name: squash(pendingWrap), printed: pendingWrap, note: null, wrapped: true });
  return out;
}

/** `a` can be read as `b` with characters left out ("区供销社" in "区供销联社"). */
function isAbbreviationOf(a: string, b: string): boolean {
  if (a.length >= b.length || a.length < 4 || b.length - a.length > 3) return false;
  if (a.slice(0, 2) !== b.slice(0, 2) || a[a.length - 1] !== b[b.length - 1]) return false;
  let j = 0;
  for (const ch of b) if (ch === a[j]) j++;
  return j === a.length;
}

/**
 * Reads a name as two or more names of a directory printed without a separator
 * (「区科经局区商务局」: a scan's narrow space lost, or a typist's), or null. Each part is a whole
 * known name of three characters or more that ends like a unit (局, 办 …), and every part after
 * the first begins like one (区, 市, 县 …): 「区农业农村局」 is never 区农业 + 农村局. The reading
 * with the fewest parts wins.
 */
function joinedNames(key: string, known: (key: string) => boolean): string[] | null {
  const chars = [...key];
  if (chars.length < 6) return null;
  // best[i]: the fewest known names that spell chars[0..i).
  const best: (string[] | null)[] = [[], ...chars.map(() => null)];
  for (let i = 3; i <= chars.length; i++) {
    for (let j = 0; j + 3 <= i; j++) {
      const before = best[j];
      if (!before) continue;
      const part = chars.slice(j, i).join('');
      if (!UNIT_END.test(part) || (j > 0 && !UNIT_START.test(part)) || !known(part)) continue;
      if (!best[i] || before.length + 1 < best[i]!.length) best[i] = [...before, part];
    }
  }
  const parts = best[chars.length];
  return parts && parts.length >= 2 ? parts : null;
}

/**
 * Builds the unit directory from the document's unit cells. Spellings are grouped when one is
 * the other without the district prefix ("市场监管局" → "区市场监管局", sure) or with a few
 * characters left out ("区文化和旅游局" / "区文化和旅游发展局", proposed: confirmed=false).
 * The canonical name is the most frequent spelling, then the longer one.
 */
export function buildUnitDirectory(cells: string[]): DirectoryEntry[] {
  // Counted by matching key (simplified, no spaces); named by the first printed form.
  const counts = new Map<string, number>();
  const printed = new Map<string, string>();
  for (const c of cells) {
    for (const u of splitUnitCell(c)) {
      const k = matchKey(u.name);
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (!printed.has(k)) printed.set(k, squash(u.name));
    }
  }
  // A spelling that is two other names run together is not a unit of its own: resolveUnits splits it.
  const keys = [...counts.keys()].filter((k) => !joinedNames(k, (part) => part !== k && counts.has(part)));
  const parent = new Map<string, string>(keys.map((n) => [n, n]));
  const find = (n: string): string => {
    let p = n;
    while (parent.get(p) !== p) p = parent.get(p) ?? p;
    return p;
  };
  const proposed = new Set<string>();
  for (const a of keys) {
    for (const b of keys) {
      if (a === b) continue;
      const prefixOnly = `区${a}` === b || `县${a}` === b;
      if (!prefixOnly && !isAbbreviationOf(a, b)) continue;
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
      if (!prefixOnly) proposed.add(a).add(b);
    }
  }
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  }
  const entries: DirectoryEntry[] = [];
  for (const members of groups.values()) {
    const ranked = [...members].sort(
      (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || b.length - a.length || a.localeCompare(b),
    );
    const names = ranked.map((k) => printed.get(k) ?? k);
    entries.push({
      name: names[0] ?? '',
      aliases: names.slice(1),
      count: members.reduce((s, m) => s + (counts.get(m) ?? 0), 0),
      confirmed: !members.some((m) => proposed.has(m)),
    });
  }
  return entries.sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || a.name.localeCompare(b.name));
}

// Cached per directory array: pass a new array after editing a directory (treat it as immutable).
const LOOKUPS = new WeakMap<DirectoryEntry[], Map<string, DirectoryEntry>>();

/** Key → entry for a directory, built once per directory array. */
function unitLookup(directory: DirectoryEntry[]): Map<string, DirectoryEntry> {
  let byKey = LOOKUPS.get(directory);
  if (!byKey) {
    byKey = new Map();
    for (const e of directory) {
      byKey.set(matchKey(e.name), e);
      for (const a of e.aliases) byKey.set(matchKey(a), e);
    }
    LOOKUPS.set(directory, byKey);
  }
  return byKey;
}

export interface UnitResolution {
  units: string[];
  printed: string[];
  refs: UnitRef[];
  repairs: Repair[];
  uncertain: boolean;
}

/** Resolves the lead and co-operating unit cells against a directory (editable by the office). */
export function resolveUnits(leadCell: string, coCell: string, directory: DirectoryEntry[], line = 0): UnitResolution {
  const byKey = unitLookup(directory);
  const refs: UnitRef[] = [];
  const repairs: Repair[] = [];
  let uncertain = false;
  // Names run together are taken apart against the directory before anything else (a person confirms).
  const apart = (units: SplitUnit[]): SplitUnit[] =>
    units.flatMap((u) => {
      const key = matchKey(u.name);
      // Tried even when the run-together spelling is itself in the directory: the document's own
      // spellings are merged into it (parse-worker.ts), so a notice that printed it once put it there.
      const parts = directory.length > 0 ? joinedNames(key, (part) => part !== key && byKey.has(part)) : null;
      if (!parts) return [u];
      const names = parts.map((part) => byKey.get(part)!.name);
      uncertain = true;
      repairs.push({ field: 'units', raw: u.printed, result: names, rule: `unit-joined: ${names.length} names of the directory printed without a separator`, uncertain: true, line });
      return names.map((name, k) => ({ name, printed: name, note: k === names.length - 1 ? u.note : null, wrapped: false }));
    });
  const lead = apart(splitUnitCell(leadCell));
  const co = apart(splitUnitCell(coCell));
  [...lead, ...co].forEach((u, i) => {
    const entry = byKey.get(matchKey(u.name));
    let name = entry?.name ?? squash(u.name);
    if (!entry && directory.length > 0) {
      uncertain = true;
      repairs.push({
        field: 'units',
        raw: u.printed,
        result: name,
        rule: 'unknown-unit: not in the directory',
        uncertain: true,
        line,
      });
    } else if (entry && matchKey(entry.name) !== matchKey(u.name)) {
      const sure = entry.confirmed !== false;
      uncertain ||= !sure;
      repairs.push({
        field: 'units',
        raw: u.printed,
        result: entry.name,
        rule: `unit-alias: "${squash(u.name)}" is a spelling of "${entry.name}"${sure ? '' : ' (proposed, please confirm)'}`,
        uncertain: !sure,
        line,
      });
    }
    if (u.wrapped) {
      repairs.push({
        field: 'units',
        raw: u.printed,
        result: name,
        rule: 'unit-wrapped: name re-joined across a line break',
        uncertain: false,
        line,
      });
    }
    name = name.trim();
    const role: UnitRef['role'] = i === 0 ? 'lead' : 'co';
    if (!refs.some((r) => r.name === name)) refs.push({ name, printed: u.printed, note: u.note, role });
  });
  // With a separate 牵头单位 column every unit in it leads.
  if (co.length > 0) refs.forEach((r, i) => (r.role = i < lead.length ? 'lead' : 'co'));
  return {
    units: refs.map((r) => r.name),
    printed: refs.map((r) => r.printed),
    refs,
    repairs,
    uncertain,
  };
}
