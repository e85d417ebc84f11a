import { sql } from 'kysely';
import type { AppContext } from '../../context';

/** Tables a refused request may legitimately touch: its own session's last-seen time, rate-limit counters. */
const IGNORED = new Set(['sessions', 'rate_limits']);

/** Changes that keep the row counts: state, versions and edit times of the records the routes change. */
const CHANGE_MARKS = [
  'max(updated_at) from units',
  'max(updated_at) from leaders',
  'max(updated_at) from users',
  'max(updated_at) from periods',
  'sum(version) from tasks',
  'sum(version) from unit_reports',
  'sum(version) from task_progress',
  'sum(version) from bulletins',
  'max(updated_at) from coordination_requests',
  "count(*) from target_adjustments where status = 'proposed'",
  'count(*) from notifications where read_at is null',
  'max(updated_at) from settings',
  'max(updated_at) from assessment_schemes',
  'max(seq) from audit_log',
];

/**
 * One query that changes whenever a request wrote anything: the row count of every table and the
 * marks above (the audit log's newest entry among them). Compared before and after a refused call.
 */
export async function fingerprintQuery(ctx: AppContext) {
  const tables = (await ctx.db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !IGNORED.has(n) && !n.startsWith('kysely_'));
  const parts = [...tables.map((t) => `count(*) from ${t}`), ...CHANGE_MARKS];
  const select = parts.map((p, i) => `(select ${p}) as c${i}`).join(', ');
  return async (): Promise<string> => {
    const { rows } = await sql.raw<Record<string, unknown>>(`select ${select}`).execute(ctx.db);
    return parts.map((p, i) => `${p}=${String(rows[0]![`c${i}`])}`).join('; ');
  };
}

/**
 * Tables of a person's own sign-in state, not of an organisation's data: no answer kept in memory
 * shows them (server/cache/), so their changes need not move the change sequence.
 */
const PERSONAL_STATE = ['sessions', 'rate_limits', 'password_history', 'user_totp', 'totp_recovery_codes', 'audit_log', 'org_changes', 'cache_epochs'];

/** The differences (from difference()) that are changes of an organisation's data; '' when none. */
export function organisationData(differences: string): string {
  return differences
    .split('; ')
    .filter((d) => d && !PERSONAL_STATE.some((t) => d.includes(` from ${t}`)))
    .join('; ');
}

/** Every organisation's change sequence together (db/change-triggers.ts): it moves on any change. */
export async function changeSequences(ctx: AppContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('org_changes')
    .select((eb) => [eb.fn.sum<number | string>('seq').as('seq'), eb.fn.sum<number | string>('draft_seq').as('drafts')])
    .executeTakeFirst();
  return `${String(row?.seq ?? 0)}.${String(row?.drafts ?? 0)}`;
}

/** The entries of two fingerprints that differ, for the failure message. */
export function difference(before: string, after: string): string {
  const a = before.split('; ');
  const b = after.split('; ');
  return b.filter((x, i) => x !== a[i]).join('; ');
}
