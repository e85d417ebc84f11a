import { QUALITY_RATING_LABELS, type QualityRating } from '../../core/assessment/scheme';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { staleVersion } from '../errors/stale-version';
import type { Report } from '../reporting/reports.repository';

const RATEABLE = new Set(['submitted', 'accepted']);

export function qualityView(report: Pick<Report, 'id' | 'state' | 'quality_rating'>) {
  return {
    reportId: report.id,
    rating: report.quality_rating,
    ratingLabel: report.quality_rating ? QUALITY_RATING_LABELS[report.quality_rating] : null,
    rateable: RATEABLE.has(report.state),
  };
}

/**
 * The office's rating of a report's quality (报告质量评价: 优/良/中/差) for the assessment. Only a
 * report that reached the office is rated; null clears the rating. Audited with before and after.
 * The rating is written only if it is still the one the office saw (`loadedRating`): two people
 * rating the same report at once cannot silently overwrite each other (issue 17, finding 11).
 */
export async function rateReport(ctx: AppContext, actor: Actor, report: Report, rating: QualityRating | null, loadedRating: QualityRating | null) {
  if (!RATEABLE.has(report.state)) {
    throw new AppError('REPORT_WRONG_STATE', { zh: '报告经单位负责人审定报送后才能评价质量', en: 'only a report that reached the office can be rated' });
  }
  return inTransaction(ctx, async (trx) => {
    const saved = await trx
      .updateTable('unit_reports')
      .set({ quality_rating: rating })
      .where('id', '=', report.id)
      .where('quality_rating', loadedRating === null ? 'is' : '=', loadedRating)
      .executeTakeFirst();
    if (Number(saved.numUpdatedRows) === 0) throw staleVersion({ zh: '该报告的质量评价', en: `the quality rating of report ${report.id}` });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: report.org_id,
      action: 'report.quality_rate',
      entity: 'unit_report',
      entityId: report.id,
      before: { qualityRating: loadedRating },
      after: { qualityRating: rating },
    });
    return qualityView({ ...report, quality_rating: rating });
  });
}
