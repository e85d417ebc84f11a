import { idParam } from '../../../core/api/common';
import { renderOfficialDocx } from '../../documents/official-docx';
import { officeSignature } from '../../documents/issuer';
import { AppError } from '../../errors/app-error';
import { periodSummaryDocument, renderPeriodSummaryWorkbook } from '../../exports/period-summary';
import { contentDisposition } from '../../http/content-disposition';
import type { RecordRequest, Routes } from '../../http/zod-app';
import { buildPeriodSummary } from '../../reporting/period-summary';
import { findPeriod } from '../../reporting/periods.repository';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A period's compiled report of all units (汇总表), as Excel and as an official Word document. */
export const periodSummaryRoutes: Routes = (app, ctx) => {
  const load = async (request: RecordRequest) => {
    const period = await findPeriod(ctx.db, request.params.id);
    if (!period) throw new AppError('NOT_FOUND');
    request.authorize('period.summary', { orgId: period.org_id });
    return { period, summary: await buildPeriodSummary(ctx, period) };
  };

  app.get('/api/periods/:id/summary.xlsx', {
    config: { access: 'period.summary', recordScoped: true },
    schema: { tags: ['periods'], summary: 'The period’s compiled report of all units (汇总表) as .xlsx', params: idParam },
    handler: async (request, reply) => {
      const { summary } = await load(request);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`${summary.period.label}推进情况汇总表.xlsx`))
        .send(await renderPeriodSummaryWorkbook(summary));
    },
  });

  app.get('/api/periods/:id/summary.docx', {
    config: { access: 'period.summary', recordScoped: true },
    schema: { tags: ['periods'], summary: 'The period’s compiled report of all units (汇总表) as an official .docx', params: idParam },
    handler: async (request, reply) => {
      const { period, summary } = await load(request);
      const doc = await renderOfficialDocx(periodSummaryDocument(summary, await officeSignature(ctx.db, period.org_id)));
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(`${summary.period.label}推进情况汇总表.docx`))
        .send(doc);
    },
  });
};
