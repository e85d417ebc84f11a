import type { BulletinFigures } from '../../core/bulletins/figures';
import type { Db } from '../db/connection';

export function findBulletin(db: Db, id: number) {
  return db
    .selectFrom('bulletins')
    .innerJoin('periods', 'periods.id', 'bulletins.period_id')
    .selectAll('bulletins')
    .select('periods.label as period_label')
    .where('bulletins.id', '=', id)
    .executeTakeFirst();
}

export type BulletinRow = NonNullable<Awaited<ReturnType<typeof findBulletin>>>;

/** The office sees its drafts too; everyone else only what was published. */
export function listBulletins(db: Db, orgId: number, opts: { publishedOnly: boolean }) {
  let q = db
    .selectFrom('bulletins')
    .innerJoin('periods', 'periods.id', 'bulletins.period_id')
    .selectAll('bulletins')
    .select('periods.label as period_label')
    .where('bulletins.org_id', '=', orgId);
  if (opts.publishedOnly) q = q.where('bulletins.status', '=', 'published');
  return q.orderBy('bulletins.year', 'desc').orderBy('bulletins.issue_no', 'desc').execute();
}

export async function nextIssueNo(db: Db, orgId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('bulletins')
    .select((eb) => eb.fn.max('issue_no').as('max'))
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export const figuresOf = (row: Pick<BulletinRow, 'figures_json'>) => JSON.parse(row.figures_json) as BulletinFigures;
export const highlightsOf = (row: Pick<BulletinRow, 'highlights_json'>) => JSON.parse(row.highlights_json) as number[];
