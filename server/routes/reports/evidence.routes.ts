import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import { refuseNul } from '../../http/nul-guard';
import type { Routes } from '../../http/zod-app';
import { addEvidence, findEvidence, removeEvidence } from '../../reporting/evidence.service';
import { findReport } from '../../reporting/reports.repository';

const taskParams = z.object({ id: z.coerce.number().int().positive(), taskId: z.coerce.number().int().positive() });

export const evidenceRoutes: Routes = (app, ctx) => {
  app.post('/api/reports/:id/tasks/:taskId/evidence', {
    config: { access: 'report.edit', recordScoped: true },
    schema: { tags: ['reports'], summary: 'Attach an evidence file (image, PDF, Office; type checked by content)', params: taskParams, consumes: ['multipart/form-data'], response: { 200: z.object({ id: z.number() }) } },
    handler: async (request) => {
      const report = await findReport(ctx.db, request.params.id);
      if (!report) throw new AppError('NOT_FOUND');
      request.authorize('report.edit', { orgId: report.org_id, unitId: report.unit_id });
      const part = await request.file();
      if (!part) throw new AppError('VALIDATION_FAILED', { zh: '没有收到文件（字段 file）', en: 'no file received' });
      const content = await part.toBuffer();
      refuseNul(part.filename, 'filename');
      return { id: await addEvidence(ctx, actorOf(request), report, request.params.taskId, { fileName: part.filename, content }) };
    },
  });

  app.get('/api/evidence/:id', {
    config: { access: 'report.read', recordScoped: true },
    schema: { tags: ['reports'], summary: 'Download an evidence file (as an attachment, never rendered inline)', params: idParam },
    handler: async (request, reply) => {
      const e = await findEvidence(ctx.db, request.params.id);
      if (!e) throw new AppError('NOT_FOUND');
      request.authorize('report.read', { orgId: e.org_id, unitId: e.unit_id });
      return reply
        .header('content-type', e.content_type)
        .header('content-disposition', contentDisposition(e.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(e.content));
    },
  });

  app.delete('/api/evidence/:id', {
    config: { access: 'report.edit', recordScoped: true },
    schema: { tags: ['reports'], summary: 'Remove an evidence file while the report is still a draft', params: idParam, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const e = await findEvidence(ctx.db, request.params.id);
      if (!e) throw new AppError('NOT_FOUND');
      request.authorize('report.edit', { orgId: e.org_id, unitId: e.unit_id });
      await removeEvidence(ctx, actorOf(request), e);
      return reply.code(204).send(null);
    },
  });
};

