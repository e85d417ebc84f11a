import { runParams } from '../../../core/api/assessment';
import { findRun, noticesOfYear } from '../../assessment/assessment.repository';
import { presentRun, type RunView } from '../../assessment/run-view';
import { officeSignature } from '../../documents/issuer';
import { AppError } from '../../errors/app-error';
import { renderAssessmentDocx } from '../../exports/assessment-docx';
import { renderAssessmentWorkbook } from '../../exports/assessment-xlsx';
import { contentDisposition } from '../../http/content-disposition';
import type { RecordRequest, Routes } from '../../http/zod-app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The ranking in the formats the office sends it: Excel (排名 + 明细) and an official Word document. */
export const assessmentExportRoutes: Routes = (app, ctx) => {
  const load = async (request: RecordRequest): Promise<{ view: RunView; orgId: number; org: { name: string; level: 'province' | 'city' | 'district' } }> => {
    const run = await findRun(ctx.db, request.params.id);
    if (!run) throw new AppError('NOT_FOUND');
    request.authorize('assessment.read', { orgId: run.org_id });
    const org = await ctx.db.selectFrom('organisations').select(['name', 'level']).where('id', '=', run.org_id).executeTakeFirstOrThrow();
    return { view: await presentRun(ctx.db, run), orgId: run.org_id, org };
  };
  const fileName = (orgName: string, view: RunView, ext: string) => `${orgName}${view.run.scopeLabel}绩效考核结果.${ext}`;

  app.get('/api/assessment/runs/:id/ranking.xlsx', {
    config: { access: 'assessment.read', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'The run’s ranking and every breakdown line as an Excel workbook', params: runParams },
    handler: async (request, reply) => {
      const { view, org } = await load(request);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(fileName(org.name, view, 'xlsx')))
        .send(await renderAssessmentWorkbook(view, org.name));
    },
  });

  app.get('/api/assessment/runs/:id/ranking.docx', {
    config: { access: 'assessment.read', recordScoped: true },
    schema: { tags: ['assessment'], summary: 'The run’s ranking as an official document (公文, GB/T 9704)', params: runParams },
    handler: async (request, reply) => {
      const { view, org, orgId } = await load(request);
      const notices = await noticesOfYear(ctx.db, orgId, view.run.year);
      const doc = await renderAssessmentDocx(view, {
        orgName: org.name,
        orgLevel: org.level,
        signature: await officeSignature(ctx.db, orgId),
        notices: notices.map((n) => ({ title: n.title, docNumber: n.doc_number })),
        date: ctx.clock.today(),
      });
      return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(fileName(org.name, view, 'docx'))).send(doc);
    },
  });
};
