import { idParam } from '../../../core/api/common';
import { instructionBody, instructionSchema } from '../../../core/api/collaboration';
import { writeInstruction } from '../../collaboration/instructions.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { findReport } from '../../reporting/reports.repository';

export const instructionRoutes: Routes = (app, ctx) => {
  app.post('/api/tasks/:id/instructions', {
    config: { access: 'instruction.write', recordScoped: true },
    schema: { tags: ['instructions'], summary: 'A leader’s instruction (批示) on a task; the task’s units are notified', params: idParam, body: instructionBody, response: { 200: instructionSchema } },
    handler: async (request) => {
      const { row, people } = await loadTask(ctx, request, 'instruction.write');
      const actor = actorOf(request);
      const { id, createdAt } = await writeInstruction(ctx, actor, { taskId: row.id, unitIds: people.units.map((u) => u.id) }, request.body.body);
      return { id, authorName: actor.name, body: request.body.body, createdAt };
    },
  });

  app.post('/api/reports/:id/instructions', {
    config: { access: 'instruction.write', recordScoped: true },
    schema: { tags: ['instructions'], summary: 'A leader’s instruction (批示) on a unit’s report; the unit is notified', params: idParam, body: instructionBody, response: { 200: instructionSchema } },
    handler: async (request) => {
      const report = await findReport(ctx.db, request.params.id);
      if (!report) throw new AppError('NOT_FOUND');
      request.authorize('instruction.write', { orgId: report.org_id });
      const actor = actorOf(request);
      const { id, createdAt } = await writeInstruction(ctx, actor, { reportId: report.id, unitIds: [report.unit_id] }, request.body.body);
      return { id, authorName: actor.name, body: request.body.body, createdAt };
    },
  });
};
