import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { adjustmentSchema, decideBody, proposeAdjustmentBody } from '../../../core/api/collaboration';
import { UNIT_ROLES, type Role } from '../../../core/roles';
import { decideAdjustment, findAdjustment, proposeAdjustment } from '../../collaboration/adjustments.service';
import { listAdjustments } from '../../collaboration/collaboration.repository';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { presentAdjustment } from '../../presenters/collaboration';

async function presentOne(ctx: AppContext, orgId: number, id: number) {
  const rows = await listAdjustments(ctx.db, orgId, {});
  return presentAdjustment(rows.find((r) => r.id === id)!);
}

export const adjustmentRoutes: Routes = (app, ctx) => {
  app.post('/api/tasks/:id/adjustments', {
    config: { access: 'adjustment.propose', recordScoped: true },
    schema: { tags: ['adjustments'], summary: 'Propose a new standard or indicator target, with a reason (目标调整)', params: idParam, body: proposeAdjustmentBody, response: { 200: adjustmentSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'adjustment.propose');
      const actor = actorOf(request);
      return presentOne(ctx, actor.orgId, await proposeAdjustment(ctx, actor, row.id, request.body));
    },
  });

  app.get('/api/adjustments', {
    config: { access: 'adjustment.read' },
    schema: {
      tags: ['adjustments'],
      summary: 'Target adjustments: all for the office, the unit’s own for a unit',
      querystring: z.object({ status: z.enum(['proposed', 'approved', 'rejected']).optional() }),
      response: { 200: z.object({ items: z.array(adjustmentSchema) }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const unitId = UNIT_ROLES.includes(actor.role as Role) ? (actor.unitId ?? -1) : undefined;
      return { items: (await listAdjustments(ctx.db, actor.orgId, { unitId, status: request.query.status })).map(presentAdjustment) };
    },
  });

  for (const [path, decision] of [
    ['approve', 'approved'],
    ['reject', 'rejected'],
  ] as const) {
    app.post(`/api/adjustments/:id/${path}`, {
      config: { access: 'adjustment.decide', recordScoped: true },
      schema: { tags: ['adjustments'], summary: decision === 'approved' ? 'Approve: the task changes and keeps its old version' : 'Reject, with a reason', params: idParam, body: decideBody, response: { 200: adjustmentSchema } },
      handler: async (request) => {
        const a = await findAdjustment(ctx.db, request.params.id);
        if (!a) throw new AppError('NOT_FOUND');
        request.authorize('adjustment.decide', { orgId: a.org_id });
        await decideAdjustment(ctx, actorOf(request), a, decision, request.body.note);
        return presentOne(ctx, a.org_id, a.id);
      },
    });
  }
};
