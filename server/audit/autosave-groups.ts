/**
 * The report form saves an item every few seconds while a clerk types, and the chain records every
 * write (one `progress.save` entry each). For a person reading the log, the writes of one item by
 * one person with no pause longer than AUTOSAVE_GAP_MS between them are one act: 「编辑进展」, shown
 * as one line with a count that opens to the individual writes. Nothing is dropped or merged in the
 * log itself; this only decides how entries read newest first are laid out in lines.
 */
export const AUTOSAVE_ACTIONS: ReadonlySet<string> = new Set(['progress.save']);
export const AUTOSAVE_GAP_MS = 10 * 60_000;

/** What grouping needs of an entry (the audit_log row's own columns). */
export type GroupableEntry = {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
};

/** One line: a single entry, or several autosaves of one item by one person (entries newest first). */
export type AuditLine<E extends GroupableEntry> = { entries: E[] };

const actorKey = (e: GroupableEntry) => (e.actor_user_id !== null ? `u${e.actor_user_id}` : `n${e.actor_name}`);
const groupKey = (e: GroupableEntry) => `${actorKey(e)}|${e.entity}|${e.entity_id}`;

/**
 * Lines built entry by entry, newest first. A save joins the line of the same person and item when
 * the oldest write already in that line is at most `gapMs` later than it; otherwise it starts a new
 * line. Entries of others in between do not break a group (the person kept editing the item while
 * others worked); the line sits where its newest write is.
 */
export function autosaveGrouper<E extends GroupableEntry>(gapMs = AUTOSAVE_GAP_MS) {
  const lines: AuditLine<E>[] = [];
  const open = new Map<string, { line: AuditLine<E>; oldestMs: number }>();
  return {
    lines,
    add(entry: E): void {
      if (!AUTOSAVE_ACTIONS.has(entry.action) || entry.entity_id === null) {
        lines.push({ entries: [entry] });
        return;
      }
      const key = groupKey(entry);
      const atMs = Date.parse(entry.at);
      const current = open.get(key);
      if (current && current.oldestMs - atMs <= gapMs) {
        current.line.entries.push(entry);
        current.oldestMs = atMs;
        return;
      }
      const line = { entries: [entry] };
      lines.push(line);
      open.set(key, { line, oldestMs: atMs });
    },
    /**
     * Whether this entry (older than every entry added so far) would join an existing line: a
     * full page still takes such entries, so the group it is reading is not cut in two.
     */
    wouldJoin(entry: E): boolean {
      if (!AUTOSAVE_ACTIONS.has(entry.action) || entry.entity_id === null) return false;
      const current = open.get(groupKey(entry));
      return current !== undefined && current.oldestMs - Date.parse(entry.at) <= gapMs;
    },
  };
}

/** The whole list at once (entries newest first). */
export function groupAutosaves<E extends GroupableEntry>(entries: readonly E[], gapMs = AUTOSAVE_GAP_MS): AuditLine<E>[] {
  const g = autosaveGrouper<E>(gapMs);
  for (const e of entries) g.add(e);
  return g.lines;
}
