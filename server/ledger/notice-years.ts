import type { AppContext } from '../context';

/**
 * The years an organisation has notices for, newest first, and its current one: the business year,
 * or the latest before it (a new year's notice may not be imported yet). The dashboard and the
 * roll-up show the current year unless asked for another.
 */
export async function noticeYears(ctx: AppContext, orgId: number): Promise<{ years: number[]; current: number | null }> {
  const rows = await ctx.db.selectFrom('notices').select('year').distinct().where('org_id', '=', orgId).orderBy('year', 'desc').execute();
  const years = rows.map((r) => r.year);
  const thisYear = Number(ctx.clock.today().slice(0, 4));
  return { years, current: years.find((y) => y <= thisYear) ?? years[0] ?? null };
}
