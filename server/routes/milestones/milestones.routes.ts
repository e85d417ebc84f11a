import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { milestoneBody, milestoneListSchema, milestoneParams, milestonePatch, milestoneSchema } from '../../../core/api/milestones';
import type { AppContext } from '../../context';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { listMilestones } from '../../ledger/milestones.repository';
import { createMilestone, editMilestone, removeMilestone } from '../../ledger/milestones.service';
import { presentMilestone } from '../../presenters/milestone';
import { computeOrgLights } from '../../supervision/lights.service';

/** A task's milestones as they stand: each with its verdict from the task's light. */
async function milestonesOf(ctx: AppContext, task: { id: number; org_id: number }) {
  const [rows, lights] = await Promise.all([listMilestones(ctx.db, task.org_id, task.id), computeOrgLights(ctx, task.org_id, { taskIds: [task.id] })]);
  const results = new Map((lights.get(task.id)?.milestones ?? []).map((m) => [m.id, m]));
  return rows.map((r) => presentMilestone(r, results.get(r.id)));
}

async function oneOf(ctx: AppContext, task: { id: number; org_id: number }, id: number) {
  const found = (await milestonesOf(ctx, task)).find((m) => m.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/**
 * 时间节点: whoever may read a task reads its milestones; the office adds, edits and deletes them
 * (policy action task.write). Each route loads the task first and decides on it (organisation,
 * and for unit roles their unit); a milestone is only ever found under its own task.
 */
export const milestoneRoutes: Routes = (app, ctx) => {
  app.get('/api/tasks/:id/milestones', {
    config: { access: 'task.read', recordScoped: true },
    schema: { tags: ['ledger'], summary: 'A task’s milestones (时间节点), in date order, each with how it stands', params: idParam, response: { 200: milestoneListSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.read');
      return { items: await milestonesOf(ctx, row) };
    },
  });

  app.post('/api/tasks/:id/milestones', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: 'The office adds a milestone: a date and a state or indicator value expected by then (audited)', params: idParam, body: milestoneBody, response: { 200: milestoneSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      const id = await createMilestone(ctx, actorOf(request), { id: row.id, orgId: row.org_id }, request.body);
      return oneOf(ctx, row, id);
    },
  });

  app.patch('/api/tasks/:id/milestones/:milestoneId', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: 'The office edits a milestone (audited; version goes up)', params: milestoneParams, body: milestonePatch, response: { 200: milestoneSchema } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      await editMilestone(ctx, actorOf(request), { id: row.id, orgId: row.org_id }, request.params.milestoneId, request.body);
      return oneOf(ctx, row, request.params.milestoneId);
    },
  });

  app.delete('/api/tasks/:id/milestones/:milestoneId', {
    config: { access: 'task.write', recordScoped: true },
    schema: { tags: ['ledger'], summary: 'The office deletes a milestone (audited)', params: milestoneParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      await removeMilestone(ctx, actorOf(request), { id: row.id, orgId: row.org_id }, request.params.milestoneId);
      return { ok: true as const };
    },
  });
};
