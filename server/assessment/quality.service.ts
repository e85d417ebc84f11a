import { QUALITY_RATING_LABELS, type QualityRating } from '../../core/assessment/scheme';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
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
 */
export async function rateReport(ctx: AppContext, actor: Actor, report: Report, rating: QualityRating | null) {
  if (!RATEABLE.has(report.state)) {
    throw new AppError('REPORT_WRONG_STATE', { zh: '报告经单位负责人审定报送后才能评价质量', en: 'only a report that reached the office can be rated' });
  }
  return inTransaction(ctx, async (trx) => {
    await trx.updateTable('unit_reports').set({ quality_rating: rating }).where('id', '=', report.id).execute();
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: report.org_id,
      action: 'report.quality_rate',
      entity: 'unit_report',
      entityId: report.id,
      before: { qualityRating: report.quality_rating },
      after: { qualityRating: rating },
    });
    return qualityView({ ...report, quality_rating: rating });
  });
}
