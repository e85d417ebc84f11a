// The import preview's "not yet in the directory": the units and leaders a parsed notice names that
// the organisation does not have (by name or alias), so the office can accept each as new (新增) or
// map it to an existing one (对应到已有单位) before the import creates it. At import, the mappings are
// checked against the directory here and each mapped unit spelling is remembered as an alias of the
// unit it was mapped to, so the next notice that prints it resolves by itself.

import type { ImportOptions } from '../../core/api/notices';
import { groupBy } from '../../core/group-by';
import { matchKey, type DirectoryEntry, type ParsedNotice } from '../../core/notice';
import type { NameMaps } from '../../core/notice/name-map';
import { taskKeys } from '../../core/notice/task-key';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import type { Db, Engine } from '../db/connection';
import { listLeaders } from '../directory/leaders.repository';
import { listUnits, replaceUnitAliases } from '../directory/units.repository';
import { AppError } from '../errors/app-error';

export interface NewName {
  /** The name the tasks carry (what the import would create). */
  name: string;
  /** How the notice printed it, where that differs from the name. */
  printed: string[];
  /** Task keys ("annexNo/seq") that name it, in order. */
  tasks: string[];
  /** The existing entry it most resembles (a spelling variant?), to offer first; null when none does. */
  suggestion: string | null;
}

export interface PreviewDirectory {
  units: NewName[];
  leaders: NewName[];
}

/** Character-bigram overlap (Dice), on the match keys: "区数据局" vs "区数据管理局" ≈ 0.67. */
function resemblance(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1) + Math.max(1, b.length - 1);
  return (2 * shared) / total;
}

function closest(name: string, known: { name: string; spellings: string[] }[]): string | null {
  const key = matchKey(name);
  let best: { name: string; score: number } | null = null;
  for (const k of known) {
    for (const s of k.spellings) {
      const score = resemblance(key, matchKey(s));
      if (score >= 0.5 && (!best || score > best.score)) best = { name: k.name, score };
    }
  }
  return best?.name ?? null;
}

function collect(
  parsed: ParsedNotice,
  namesOf: (t: ParsedNotice['annexes'][number]['tasks'][number]) => { name: string; printed: string }[],
  known: { name: string; spellings: string[] }[],
): NewName[] {
  const knownKeys = new Set(known.flatMap((k) => k.spellings.map(matchKey)));
  const found = new Map<string, NewName>();
  for (const annex of parsed.annexes) {
    for (const [key, task] of taskKeys(annex.no, annex.tasks)) {
      for (const { name, printed } of namesOf(task)) {
        if (name === '' || knownKeys.has(matchKey(name))) continue;
        let entry = found.get(name);
        if (!entry) {
          entry = { name, printed: [], tasks: [], suggestion: closest(name, known) };
          found.set(name, entry);
        }
        if (printed && printed !== name && !entry.printed.includes(printed)) entry.printed.push(printed);
        if (!entry.tasks.includes(key)) entry.tasks.push(key);
      }
    }
  }
  return [...found.values()];
}

/** The units and leaders the parsed tasks name that the organisation's directory does not hold. */
export async function previewDirectory(db: Db, orgId: number, parsed: ParsedNotice): Promise<PreviewDirectory> {
  const [units, leaders] = await Promise.all([listUnits(db, orgId), listLeaders(db, orgId)]);
  return {
    units: collect(
      parsed,
      (t) => t.units.map((name) => ({ name, printed: t.unitRefs.find((r) => r.name === name)?.printed ?? name })),
      units.map((u) => ({ name: u.name, spellings: [u.name, ...u.aliases] })),
    ),
    leaders: collect(
      parsed,
      (t) => t.leaders.map((name) => ({ name, printed: name })),
      leaders.map((l) => ({ name: l.name, spellings: [l.name] })),
    ),
  };
}

/**
 * The office's mappings with each target checked against the directory (by name or alias, given
 * back as the canonical name). A target that is not an existing unit or leader is refused: the
 * preview only offers existing ones, so anything else is a stale page or a crafted request.
 */
export async function resolveNameMaps(
  db: Db,
  orgId: number,
  opts: Pick<ImportOptions, 'unitMap' | 'leaderMap'>,
): Promise<NameMaps> {
  if (!opts.unitMap?.length && !opts.leaderMap?.length) return {};
  const [units, leaders] = await Promise.all([listUnits(db, orgId), listLeaders(db, orgId)]);
  const unitByKey = new Map(units.flatMap((u) => [u.name, ...u.aliases].map((s) => [matchKey(s), u.name] as const)));
  const leaderByKey = new Map(leaders.map((l) => [matchKey(l.name), l.name] as const));
  const resolve = (list: { from: string; to: string }[] | undefined, byKey: Map<string, string>, what: string) =>
    (list ?? []).map((m) => {
      const to = byKey.get(matchKey(m.to));
      if (!to) {
        throw new AppError('VALIDATION_FAILED', {
          zh: `“${m.from}”要对应的${what}“${m.to}”不在本单位名录中，请在预览中重新选择`,
          en: `"${m.to}" (for "${m.from}") is not an existing ${what === '单位' ? 'unit' : 'leader'}`,
          fields: { [what === '单位' ? 'unitMap' : 'leaderMap']: m.to },
        });
      }
      return { from: m.from, to };
    });
  return { units: resolve(opts.unitMap, unitByKey, '单位'), leaders: resolve(opts.leaderMap, leaderByKey, '领导') };
}

/**
 * Remembers each mapped unit spelling as an alias of the unit it was mapped to (inside the import's
 * transaction, audited as the office's own directory edit would be), so the next notice printing
 * it needs no mapping: the name mapped and the other spellings the notice printed for it (its
 * entry in the parsed directory, `printed`). A spelling another unit already holds is left where it is.
 */
export async function rememberUnitAliases(
  trx: Db,
  engine: Engine,
  actor: Actor,
  orgId: number,
  maps: NameMaps,
  printed: DirectoryEntry[] = [],
): Promise<void> {
  if (!maps.units?.length) return;
  const units = await listUnits(trx, orgId);
  const taken = new Set(units.flatMap((u) => [u.name, ...u.aliases].map(matchKey)));
  const spellings = (from: string) => [from, ...(printed.find((e) => e.name === from)?.aliases ?? [])];
  for (const [to, froms] of groupBy(maps.units, (m) => m.to)) {
    const unit = units.find((u) => u.name === to);
    const fresh = [...new Set(froms.flatMap((m) => spellings(m.from)))].filter((s) => !taken.has(matchKey(s)));
    if (!unit || fresh.length === 0) continue;
    const aliases = [...unit.aliases, ...fresh];
    await replaceUnitAliases(trx, orgId, unit.id, aliases);
    fresh.forEach((s) => taken.add(matchKey(s)));
    await appendAudit(trx, engine, {
      actor,
      orgId,
      action: 'unit.update',
      entity: 'unit',
      entityId: unit.id,
      before: { aliases: unit.aliases },
      after: { aliases, source: 'notice import: mapped in the preview' },
    });
  }
}
