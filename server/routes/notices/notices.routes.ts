import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { importOptionsSchema, importResultSchema, noticeSummarySchema } from '../../../core/api/notices';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { refuseNul } from '../../http/nul-guard';
import type { Routes } from '../../http/zod-app';
import { importNotice, previewNotice, type UploadedNotice } from '../../import/notice-import.service';
import { listNoticesWithCounts } from '../../ledger/ledger.repository';

/**
 * Reads the multipart upload: exactly one file (field `file`) and, optionally, a JSON field
 * `options`. The multipart plugin enforces the size limit while streaming (413 beyond it).
 */
async function readUpload(request: FastifyRequest): Promise<{ upload: UploadedNotice; options: unknown }> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', { zh: '请以 multipart/form-data 上传文件（字段 file）', en: 'send multipart/form-data with a file field' });
  }
  let upload: UploadedNotice | undefined;
  let options: unknown = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || upload) {
        throw new AppError('VALIDATION_FAILED', { zh: '一次只能上传一个文件（字段 file）', en: 'one file, in field "file"' });
      }
      refuseNul(part.filename, 'filename');
      upload = { fileName: part.filename || 'notice', content: await part.toBuffer() };
    } else if (part.fieldname === 'options') {
      try {
        options = JSON.parse(String(part.value));
      } catch {
        throw new AppError('VALIDATION_FAILED', { zh: 'options 不是合法的 JSON', en: 'options is not valid JSON' });
      }
      refuseNul(options, 'options');
    }
  }
  if (!upload) throw new AppError('VALIDATION_FAILED', { zh: '没有收到文件（字段 file）', en: 'no file received (field "file")' });
  return { upload, options };
}

export const noticeRoutes: Routes = (app, ctx) => {
  app.get('/api/notices', {
    config: { access: 'notice.read' },
    schema: { tags: ['notices'], summary: 'Notices imported into this organisation', response: { 200: z.object({ items: z.array(noticeSummarySchema) }) } },
    handler: async (request) => ({ items: await listNoticesWithCounts(ctx.db, actorOf(request).orgId) }),
  });

  app.post('/api/notices/preview', {
    config: { access: 'notice.import' },
    schema: {
      tags: ['notices'],
      summary: 'Parse an uploaded notice (multipart field `file`) and show the ledger, its repairs and, for a notice already imported, the differences. Writes nothing.',
      consumes: ['multipart/form-data'],
    },
    handler: async (request) => {
      const { upload } = await readUpload(request);
      return previewNotice(ctx, actorOf(request).orgId, upload);
    },
  });

  app.post('/api/notices/import', {
    config: { access: 'notice.import' },
    schema: {
      tags: ['notices'],
      summary: 'Import an uploaded notice (multipart: `file`, and `options` JSON with corrections, update, accepted differences), in one transaction',
      consumes: ['multipart/form-data'],
      response: { 200: importResultSchema },
    },
    handler: async (request) => {
      const { upload, options } = await readUpload(request);
      const parsedOptions = importOptionsSchema.safeParse(options);
      if (!parsedOptions.success) {
        const summary = parsedOptions.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
        throw new AppError('VALIDATION_FAILED', { zh: summary, en: summary });
      }
      const actor = actorOf(request);
      return importNotice(ctx, actor, actor.orgId, upload, parsedOptions.data);
    },
  });
};
