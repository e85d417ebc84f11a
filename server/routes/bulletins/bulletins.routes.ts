import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParam as params } from '../../../core/api/common';
import {
  bulletinSchema,
  bulletinSummarySchema,
  createBulletinBody,
  publishBulletinBody,
  regenerateBulletinBody,
  updateBulletinBody,
} from '../../../core/api/bulletins';
import { bulletinDocument } from '../../bulletins/bulletin-document';
import { bulletinSummary, bulletinView } from '../../bulletins/bulletin-view';
import { findBulletin, listBulletins } from '../../bulletins/bulletins.repository';
import { deleteDraftBulletin, generateBulletin, publishBulletin, regenerateBulletin, updateBulletin } from '../../bulletins/bulletins.service';
import { renderOfficialDocx } from '../../documents/official-docx';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import type { Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Bulletins (通报). Drafts are the office's working papers: to anyone else a draft does not
 * exist (404), so nothing unpublished leaks through an id.
 */
export const bulletinRoutes: Routes = (app, ctx) => {
  const load = async (request: FastifyRequest, action: Action, id: number) => {
    const row = await findBulletin(ctx.db, id);
    if (!row) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: row.org_id });
    if (row.status === 'draft' && actorOf(request).role !== 'office') throw new AppError('NOT_FOUND');
    return row;
  };

  app.get('/api/bulletins', {
    config: { access: 'bulletin.read' },
    schema: { tags: ['bulletins'], summary: 'Bulletins of the organisation (the office also sees its drafts)', response: { 200: z.object({ items: z.array(bulletinSummarySchema) }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const rows = await listBulletins(ctx.db, actor.orgId, { publishedOnly: actor.role !== 'office' });
      return { items: rows.map(bulletinSummary) };
    },
  });

  app.post('/api/bulletins', {
    config: { access: 'bulletin.write' },
    schema: { tags: ['bulletins'], summary: 'Generate a draft bulletin for a period from its reports', body: createBulletinBody, response: { 201: bulletinSchema } },
    handler: async (request, reply) => {
      const id = await generateBulletin(ctx, actorOf(request), request.body.periodId);
      const row = await findBulletin(ctx.db, id);
      return reply.code(201).send(bulletinView(row!, { forOffice: true }));
    },
  });

  app.get('/api/bulletins/:id', {
    config: { access: 'bulletin.read', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'One bulletin with the figures behind it', params, response: { 200: bulletinSchema } },
    handler: async (request) => bulletinView(await load(request, 'bulletin.read', request.params.id), { forOffice: actorOf(request).role === 'office' }),
  });

  app.put('/api/bulletins/:id', {
    config: { access: 'bulletin.write', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'Edit a draft bulletin (optimistic: the version read must still be current)', params, body: updateBulletinBody, response: { 200: bulletinSchema } },
    handler: async (request) => {
      await load(request, 'bulletin.write', request.params.id);
      await updateBulletin(ctx, actorOf(request), request.params.id, request.body);
      return bulletinView((await findBulletin(ctx.db, request.params.id))!, { forOffice: true });
    },
  });

  app.post('/api/bulletins/:id/regenerate', {
    config: { access: 'bulletin.write', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'Re-read the figures and rewrite the text with the chosen highlights', params, body: regenerateBulletinBody, response: { 200: bulletinSchema } },
    handler: async (request) => {
      await load(request, 'bulletin.write', request.params.id);
      await regenerateBulletin(ctx, actorOf(request), request.params.id, request.body.version, request.body.highlightProgressIds);
      return bulletinView((await findBulletin(ctx.db, request.params.id))!, { forOffice: true });
    },
  });

  app.post('/api/bulletins/:id/publish', {
    config: { access: 'bulletin.write', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'Publish a draft to the units and leaders (final)', params, body: publishBulletinBody, response: { 200: bulletinSchema } },
    handler: async (request) => {
      await load(request, 'bulletin.write', request.params.id);
      await publishBulletin(ctx, actorOf(request), request.params.id, request.body.version);
      return bulletinView((await findBulletin(ctx.db, request.params.id))!, { forOffice: true });
    },
  });

  app.delete('/api/bulletins/:id', {
    config: { access: 'bulletin.write', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'Delete a draft bulletin', params, querystring: z.object({ version: z.coerce.number().int().positive() }), response: { 204: z.null() } },
    handler: async (request, reply) => {
      await load(request, 'bulletin.write', request.params.id);
      await deleteDraftBulletin(ctx, actorOf(request), request.params.id, request.query.version);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/bulletins/:id/export.docx', {
    config: { access: 'bulletin.read', recordScoped: true },
    schema: { tags: ['bulletins'], summary: 'The bulletin as an official document (.docx, GB/T 9704-2012)', params },
    handler: async (request, reply) => {
      const row = await load(request, 'bulletin.read', request.params.id);
      const doc = await renderOfficialDocx(bulletinDocument(row));
      return reply.header('content-type', DOCX).header('content-disposition', contentDisposition(`${row.doc_number}${row.title}.docx`)).send(doc);
    },
  });
};
