import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { evidenceGetQuery } from '../../../core/api/evidence';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import { refuseNul } from '../../http/nul-guard';
import type { Routes } from '../../http/zod-app';
import { addEvidence, findEvidence, removeEvidence } from '../../reporting/evidence.service';
import { INLINE_TYPES } from '../../reporting/evidence-type';
import { findReport } from '../../reporting/reports.repository';

/**
 * What a browser may do with a file it shows in place. An image is its own document and needs nothing:
 * sandboxed, no scripts, no requests. A PDF runs in the browser's PDF viewer, which a sandboxed
 * document may not load (plugins are off in a sandbox), so it gets no sandbox but still no scripts,
 * styles or requests of its own; it may sit in a frame of the app only. nosniff keeps either from
 * ever being read as HTML.
 */
const INLINE_CSP = {
  image: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
  pdf: "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'",
};
/** A download is never rendered: no content of ours runs under this origin. */
const ATTACHMENT_CSP = "default-src 'none'; sandbox";

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
    schema: {
      tags: ['reports'],
      summary: 'An evidence file: ?inline=1 shows an image or a PDF in the browser; Office files are always downloaded',
      params: idParam,
      querystring: evidenceGetQuery,
    },
    handler: async (request, reply) => {
      const e = await findEvidence(ctx.db, request.params.id);
      if (!e) throw new AppError('NOT_FOUND');
      request.authorize('report.read', { orgId: e.org_id, unitId: e.unit_id });
      // The stored type was read from the content at upload (evidence-type.ts), never from the browser.
      const inline = request.query.inline === '1' && INLINE_TYPES.includes(e.content_type);
      return reply
        .header('content-type', e.content_type)
        .header('content-disposition', inline ? contentDisposition(e.file_name).replace(/^attachment/, 'inline') : contentDisposition(e.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', inline ? INLINE_CSP[e.content_type === 'application/pdf' ? 'pdf' : 'image'] : ATTACHMENT_CSP)
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

