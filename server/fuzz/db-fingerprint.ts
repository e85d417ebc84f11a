import { sql } from 'kysely';
import type { AppContext } from '../context';

/**
 * What "no write" means for the fuzz runs: the row count of every table and the audit log's last
 * sequence number, read in one query. Two tables change on refused requests by design and are
 * left out: `sessions` (resuming an expired session deletes it) and `rate_limits` (a refused
 * upload or sign-in still counts against the address, or the limit could be dodged).
 */
const CHANGE_ON_REFUSAL_BY_DESIGN = new Set(['sessions', 'rate_limits']);

/**
 * Refusals that are audited on purpose (a security log records failed and throttled attempts):
 * a 4xx may append these audit entries and nothing else.
 */
export const AUDITED_REFUSALS = new Set([
  'auth.sign_in_failed',
  'auth.sign_in_disabled',
  'auth.sign_in_locked',
  'auth.locked',
  'auth.reauth_failed',
  'auth.totp_failed',
  'auth.totp_replayed',
  'security.rate_limited',
]);

export type Fingerprint = { counts: Record<string, number>; auditSeq: number };

const tablesCache = new WeakMap<AppContext['db'], string[]>();

async function tablesOf(ctx: AppContext): Promise<string[]> {
  const known = tablesCache.get(ctx.db);
  if (known) return known;
  const tables = (await ctx.db.introspection.getTables())
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_') && !CHANGE_ON_REFUSAL_BY_DESIGN.has(name))
    .sort();
  tablesCache.set(ctx.db, tables);
  return tables;
}

export async function fingerprint(ctx: AppContext): Promise<Fingerprint> {
  const tables = await tablesOf(ctx);
  const counts = sql.join(
    tables.map((t) => sql`select ${t} as t, count(*) as n from ${sql.table(t)}`),
    sql` union all `,
  );
  const rows = await sql<{
    t: string;
    n: number | string;
  }>`${counts} union all select 'audit_seq' as t, coalesce(max(seq), 0) as n from audit_log`.execute(ctx.db);
  const out: Fingerprint = { counts: {}, auditSeq: 0 };
  for (const r of rows.rows) {
    if (r.t === 'audit_seq') out.auditSeq = Number(r.n);
    else out.counts[r.t] = Number(r.n);
  }
  return out;
}

/** Tables whose counts differ, and the audit actions written since `before`, for a readable failure. */
export async function changesSince(ctx: AppContext, before: Fingerprint) {
  const after = await fingerprint(ctx);
  const tables = Object.keys(after.counts).filter((t) => after.counts[t] !== before.counts[t]);
  const audit = await ctx.db
    .selectFrom('audit_log')
    .select(['action'])
    .where('seq', '>', before.auditSeq)
    .orderBy('seq')
    .execute();
  return { tables, auditActions: audit.map((a) => a.action), after };
}

/** True when a refused request left nothing behind but the security log's record of the refusal. */
export function onlyAuditedRefusals(changes: Awaited<ReturnType<typeof changesSince>>): boolean {
  const tablesOk = changes.tables.every((t) => t === 'audit_log');
  return tablesOk && changes.auditActions.every((a) => AUDITED_REFUSALS.has(a));
}
