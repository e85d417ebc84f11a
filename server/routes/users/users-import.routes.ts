import type { FastifyRequest } from 'fastify';
import { accountRequestCreatedSchema } from '../../../core/api/account-requests';
import { userImportPreviewSchema, USER_IMPORT_LIMITS } from '../../../core/api/users-import';
import { accountTemplate, previewAccountImport, proposeAccountImport, type UploadedSheet } from '../../directory/users-import.service';
import { tooLarge } from '../../directory/users-import-sheet';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import { refuseNul } from '../../http/nul-guard';
import type { Routes } from '../../http/zod-app';
import { presentAccountRequest } from './account-requests.routes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Reads the one file of the upload (field `file`), with the account sheet's own size limit (far
 * below the notice importer's): the multipart plugin stops reading past it.
 */
async function readSheetUpload(request: FastifyRequest): Promise<UploadedSheet> {
  if (!request.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', { zh: '请以 multipart/form-data 上传文件（字段 file）', en: 'send multipart/form-data with a file field' });
  }
  let upload: UploadedSheet | undefined;
  for await (const part of request.parts({ limits: { fileSize: USER_IMPORT_LIMITS.maxFileBytes, files: 1 } })) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'file' || upload) {
      throw new AppError('VALIDATION_FAILED', { zh: '一次只能上传一个文件（字段 file）', en: 'one file, in field "file"' });
    }
    refuseNul(part.filename, 'filename');
    const fileName = part.filename || '账号表.xlsx';
    try {
      upload = { fileName, content: await part.toBuffer() };
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(fileName);
      throw e;
    }
  }
  if (!upload) throw new AppError('VALIDATION_FAILED', { zh: '没有收到文件（字段 file）', en: 'no file received (field "file")' });
  return upload;
}

export const userImportRoutes: Routes = (app, ctx) => {
  app.get('/api/users/import/template.xlsx', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: "The account sheet to fill in (.xlsx), with the organisation's roles, units and leaders" },
    handler: async (request, reply) =>
      reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition('账号批量导入模板.xlsx'))
        .send(await accountTemplate(ctx, actorOf(request).orgId)),
  });

  app.post('/api/users/import/preview', {
    config: { access: 'users.manage' },
    schema: {
      tags: ['users'],
      summary: 'Read a filled account sheet (multipart field `file`) and check every row. Writes nothing.',
      consumes: ['multipart/form-data'],
      response: { 200: userImportPreviewSchema },
    },
    handler: async (request) => previewAccountImport(ctx, actorOf(request).orgId, await readSheetUpload(request)),
  });

  app.post('/api/users/import', {
    config: { access: 'users.manage' },
    schema: {
      tags: ['users'],
      summary:
        'Ask for every account of the sheet (multipart field `file`) as one request, or none when a row has an error; created, with initial passwords for the approver, when the security administrator approves',
      consumes: ['multipart/form-data'],
      response: { 200: accountRequestCreatedSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const id = await proposeAccountImport(ctx, actor, actor.orgId, await readSheetUpload(request));
      return { request: await presentAccountRequest(ctx, actor.orgId, id) };
    },
  });
};
