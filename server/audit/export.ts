import { createHash } from 'node:crypto';
import type { Db } from '../db/connection';
import type { AuditEntry } from '../db/schema';
import { auditHash } from './hash';
import { inAuditScope, type AuditScope } from './scope';

export { auditScopeOf, type AuditScope } from './scope';

/**
 * The audit export (等级保护: 审计记录的保护与留存): an organisation's entries over a date range,
 * as JSON lines that carry every hashed field, so the file can be checked away from the system
 * (`npx duban verify-audit --file`): each entry's hash recomputes from its fields, consecutive
 * entries link by prev_hash, and a trailer holds the entry count and the SHA-256 of the lines
 * before it, so a removed, added or edited line is found.
 */
export const EXPORT_FORMAT = 'duban-audit-export';

export type ExportHeader = {
  format: typeof EXPORT_FORMAT;
  version: 1;
  organisation: string;
  from: string;
  to: string;
  exportedAt: string;
  exportedBy: string;
  /** The newest entry of the whole chain when the export was made: where the system stood. */
  chainHead: { seq: number; hash: string } | null;
};

const HASHED_FIELDS = ['seq', 'org_id', 'at', 'actor_user_id', 'actor_name', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'prev_hash', 'hash'] as const;
const BATCH = 2000;

/** Beijing calendar dates → the UTC instants the log's `at` is written in. */
export function dateRangeBounds(from: string, to: string): { fromAt: string; toAt: string } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { fromAt: start.toISOString(), toAt: end.toISOString() };
}

/** The scope's entries within [fromAt, toAt), oldest first, read in batches so memory stays flat. */
export async function* auditEntriesInRange(db: Db, scope: AuditScope, fromAt: string, toAt: string): AsyncGenerator<AuditEntry> {
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', afterSeq)
      .where('at', '>=', fromAt)
      .where('at', '<', toAt)
      .where((eb) => inAuditScope(eb, scope))
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    yield* rows;
    if (rows.length < BATCH) return;
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

/** The export as lines (header, entries, trailer), each ending with a newline. */
export async function* auditExportLines(header: ExportHeader, entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  const digest = createHash('sha256');
  let count = 0;
  const emit = (line: string) => {
    digest.update(line + '\n');
    return line + '\n';
  };
  yield emit(JSON.stringify(header));
  for await (const e of entries) {
    count += 1;
    yield emit(JSON.stringify(Object.fromEntries(HASHED_FIELDS.map((f) => [f, e[f]]))));
  }
  yield JSON.stringify({ trailer: true, entries: count, sha256: digest.digest('hex') }) + '\n';
}

export type ExportCheck = {
  ok: boolean;
  entries: number;
  /** Places where entries of other organisations (not in the export) sit between two exported ones. */
  gaps: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  header: ExportHeader | null;
};

/** Checks an export file's text; names the first broken entry. */
export function verifyAuditExport(text: string): ExportCheck {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const fail = (reason: string, seq: number | null = null, entries = 0, header: ExportHeader | null = null): ExportCheck => ({ ok: false, entries, gaps: 0, firstBrokenSeq: seq, reason, header });
  const parsed: unknown[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      parsed.push(JSON.parse(line));
    } catch {
      return fail(`line ${i + 1} is not JSON`);
    }
  }
  const header = parsed[0] as ExportHeader | undefined;
  if (header?.format !== EXPORT_FORMAT || header.version !== 1) return fail(`not a ${EXPORT_FORMAT} file (version 1)`);
  const trailer = parsed[parsed.length - 1] as { trailer?: boolean; entries?: number; sha256?: string } | undefined;
  if (parsed.length < 2 || trailer?.trailer !== true) return fail('the trailer is missing: the file was cut short', null, 0, header);
  const entries = parsed.slice(1, -1) as AuditEntry[];
  const digest = createHash('sha256');
  for (const line of lines.slice(0, -1)) digest.update(line + '\n');
  let gaps = 0;
  let previous: AuditEntry | null = null;
  for (const entry of entries) {
    if (auditHash(entry) !== entry.hash) return fail(`entry ${entry.seq} does not match its hash: it was altered`, entry.seq, entries.length, header);
    if (previous) {
      if (entry.seq <= previous.seq) return fail(`entry ${entry.seq} is out of order`, entry.seq, entries.length, header);
      if (entry.seq === previous.seq + 1 && entry.prev_hash !== previous.hash) return fail(`entry ${entry.seq} does not follow entry ${previous.seq}`, entry.seq, entries.length, header);
      if (entry.seq > previous.seq + 1) gaps += 1;
    }
    previous = entry;
  }
  if (trailer.entries !== entries.length) return fail(`the trailer counts ${trailer.entries} entries, the file holds ${entries.length}: lines were removed or added`, null, entries.length, header);
  if (trailer.sha256 !== digest.digest('hex')) return fail('the SHA-256 in the trailer does not match the lines: the file was changed', null, entries.length, header);
  return { ok: true, entries: entries.length, gaps, firstBrokenSeq: null, reason: null, header };
}

/** Compares an export's entries with the database's entries of the same numbers. */
export async function compareExportWithDatabase(db: Db, text: string): Promise<{ found: number; firstDifferentSeq: number | null }> {
  const entries = text
    .split('\n')
    .filter((l) => l.startsWith('{"seq"'))
    .map((l) => JSON.parse(l) as AuditEntry);
  let found = 0;
  for (let i = 0; i < entries.length; i += BATCH) {
    const chunk = entries.slice(i, i + BATCH);
    const rows = await db.selectFrom('audit_log').select(['seq', 'hash']).where('seq', 'in', chunk.map((e) => e.seq)).execute();
    const bySeq = new Map(rows.map((r) => [r.seq, r.hash]));
    for (const e of chunk) {
      const hash = bySeq.get(e.seq);
      if (hash === undefined) continue;
      if (hash !== e.hash) return { found, firstDifferentSeq: e.seq };
      found += 1;
    }
  }
  return { found, firstDifferentSeq: null };
}
