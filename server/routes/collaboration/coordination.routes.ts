import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { assignBody, closeBody, commentBody, coordinationSchema, raiseCoordinationBody } from '../../../core/api/collaboration';
import { commentsOf, listCoordination } from '../../collaboration/collaboration.repository';
import { commentOnRequest, findRequest, handleRequest, isParticipant, raiseRequest } from '../../collaboration/coordination.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { RecordRequest, Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';
import { presentCoordination } from '../../presenters/collaboration';
import type { AppContext } from '../../context';

async function presentOne(ctx: AppContext, orgId: number, id: number) {
  const [row] = await listCoordination(ctx.db, orgId, { id });
  return presentCoordination(row!, await commentsOf(ctx.db, [id]));
}

export const coordinationRoutes: Routes = (app, ctx) => {
  const loadRequest = async (request: RecordRequest & Parameters<typeof actorOf>[0], action: Action) => {
    const r = await findRequest(ctx.db, request.params.id);
    if (!r) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: r.org_id });
    if (!isParticipant(actorOf(request), r)) throw new AppError('FORBIDDEN_NOT_ADDRESSEE');
    return r;
  };

  app.post('/api/tasks/:id/coordination', {
    config: { access: 'coordination.raise', recordScoped: true },
    schema: { tags: ['coordination'], summary: 'Raise a problem to the task’s leader in charge (提请协调)', params: idParam, body: raiseCoordinationBody, response: { 200: coordinationSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'coordination.raise');
      const actor = actorOf(request);
      return presentOne(ctx, actor.orgId, await raiseRequest(ctx, actor, row.id, request.body));
    },
  });

  app.get('/api/coordination', {
    config: { access: 'coordination.read' },
    schema: { tags: ['coordination'], summary: 'Coordination requests: all for the office, mine for a leader or a unit', response: { 200: z.object({ items: z.array(coordinationSchema) }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const scope = actor.role === 'leader' ? { leaderId: actor.leaderId ?? -1 } : actor.role === 'office' ? {} : { unitId: actor.unitId ?? -1 };
      const rows = await listCoordination(ctx.db, actor.orgId, scope);
      const comments = await commentsOf(ctx.db, rows.map((r) => r.id));
      return { items: rows.map((r) => presentCoordination(r, comments)) };
    },
  });

  app.get('/api/coordination/:id', {
    config: { access: 'coordination.read', recordScoped: true },
    schema: { tags: ['coordination'], summary: 'One coordination request with its comments', params: idParam, response: { 200: coordinationSchema } },
    handler: async (request) => {
      const r = await loadRequest(request, 'coordination.read');
      return presentOne(ctx, r.org_id, r.id);
    },
  });

  app.post('/api/coordination/:id/comments', {
    config: { access: 'coordination.comment', recordScoped: true },
    schema: { tags: ['coordination'], summary: 'Comment on a coordination request', params: idParam, body: commentBody, response: { 200: coordinationSchema } },
    handler: async (request) => {
      const r = await loadRequest(request, 'coordination.comment');
      await commentOnRequest(ctx, actorOf(request), r, request.body.body);
      return presentOne(ctx, r.org_id, r.id);
    },
  });

  app.post('/api/coordination/:id/assign', {
    config: { access: 'coordination.handle', recordScoped: true },
    schema: { tags: ['coordination'], summary: 'The leader assigns the request to a unit', params: idParam, body: assignBody, response: { 200: coordinationSchema } },
    handler: async (request) => {
      const r = await loadRequest(request, 'coordination.handle');
      await handleRequest(ctx, actorOf(request), r, { kind: 'assign', ...request.body });
      return presentOne(ctx, r.org_id, r.id);
    },
  });

  app.post('/api/coordination/:id/close', {
    config: { access: 'coordination.handle', recordScoped: true },
    schema: { tags: ['coordination'], summary: 'The leader closes the request with a resolution', params: idParam, body: closeBody, response: { 200: coordinationSchema } },
    handler: async (request) => {
      const r = await loadRequest(request, 'coordination.handle');
      await handleRequest(ctx, actorOf(request), r, { kind: 'close', resolution: request.body.resolution });
      return presentOne(ctx, r.org_id, r.id);
    },
  });
};
