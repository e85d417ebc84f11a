import { idParam } from '../../../core/api/common';
import { qualityBody, qualityViewSchema } from '../../../core/api/assessment';
import { qualityView, rateReport } from '../../assessment/quality.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { RecordRequest, Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';
import { findReport } from '../../reporting/reports.repository';

/** 报告质量评价: the office rates a report that reached it (优/良/中/差), for the assessment. */
export const qualityRoutes: Routes = (app, ctx) => {
  const loadReport = async (request: RecordRequest, action: Action) => {
    const report = await findReport(ctx.db, request.params.id);
    if (!report) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: report.org_id, unitId: report.unit_id });
    return report;
  };

  app.get('/api/reports/:id/quality', {
    config: { access: 'assessment.read', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'The office’s quality rating of a report', params: idParam, response: { 200: qualityViewSchema } },
    handler: async (request) => qualityView(await loadReport(request, 'assessment.read')),
  });

  app.put('/api/reports/:id/quality', {
    config: { access: 'assessment.manage', recordScoped: true },
    schema: {
      tags: ['assessment'],
      summary: 'Rate a submitted or accepted report (null clears the rating; audited; refused if the rating is no longer the loadedRating sent)',
      params: idParam,
      body: qualityBody,
      response: { 200: qualityViewSchema },
    },
    handler: async (request) => rateReport(ctx, actorOf(request), await loadReport(request, 'assessment.manage'), request.body.rating, request.body.loadedRating),
  });
};
