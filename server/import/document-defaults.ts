// The office's own values for document facts a notice does not print (a notice with no letterhead):
// the import preview's 「补充通知信息」 form opens with them. THE place for these defaults; the web
// only shows and sends what the office keeps or types.

import type { DocumentFacts } from '../../core/notice/document-facts';
import type { AppContext } from '../context';

export type DocumentDefaults = Required<Pick<DocumentFacts, 'title' | 'issuer' | 'issuedDate' | 'year'>>;

/**
 * The organisation's general office as issuer (新洲区 → 新洲区人民政府办公室, as the district's own
 * breakdown notices are signed), the business year and today's business date (server/clock.ts),
 * and a title like 「2025年重点工作任务」.
 */
export async function documentDefaults(ctx: AppContext, orgId: number): Promise<DocumentDefaults> {
  const org = await ctx.db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const today = ctx.clock.today();
  const year = Number(today.slice(0, 4));
  return { title: `${year}年重点工作任务`, issuer: `${org.name}人民政府办公室`, issuedDate: today, year };
}
