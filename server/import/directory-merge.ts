import { matchKey, type DirectoryEntry } from '../../core/notice';

/**
 * The directory the parser resolves names against: what the organisation already has (the
 * office's edits win: its canonical names and aliases), plus what the document itself shows
 * that the organisation does not have yet. A document entry that shares a spelling with an
 * organisation entry is folded into it, so "区文化和旅游发展局" printed in a notice resolves to the
 * unit the office already calls "区文化和旅游局".
 */
export function mergeDirectories(known: DirectoryEntry[], fromDocument: DirectoryEntry[]): DirectoryEntry[] {
  const merged: DirectoryEntry[] = known.map((e) => ({ ...e, aliases: [...e.aliases], confirmed: true }));
  const byKey = new Map<string, DirectoryEntry>();
  for (const e of merged) for (const s of [e.name, ...e.aliases]) byKey.set(matchKey(s), e);
  for (const doc of fromDocument) {
    const spellings = [doc.name, ...doc.aliases];
    const target = spellings.map((s) => byKey.get(matchKey(s))).find((e) => e !== undefined);
    if (target) {
      for (const s of spellings) {
        if (s !== target.name && !target.aliases.includes(s)) target.aliases.push(s);
        byKey.set(matchKey(s), target);
      }
      target.count = (target.count ?? 0) + (doc.count ?? 0);
    } else {
      const entry = { ...doc, aliases: [...doc.aliases] };
      merged.push(entry);
      for (const s of spellings) byKey.set(matchKey(s), entry);
    }
  }
  return merged;
}
