import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { taskCloseBody, taskClosureSchema, taskReopenBody } from '../../../core/api/tasks';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { closeTask, reopenTask } from '../../ledger/task-closure.service';
import { findTaskRow } from '../../ledger/tasks.repository';
import { presentClosure } from '../../presenters/task';

/**
 * 销号 and 撤销销号: the office (policy action task.write) closes a task its lead unit reported
 * completed in a report the office accepted, or undoes it with a reason. The rule, the changes to
 * later reports and the audit entry are the service's (ledger/task-closure.service.ts).
 */
export const taskClosureRoutes: Routes = (app, ctx) => {
  app.post('/api/tasks/:id/close', {
    config: { access: 'task.write', recordScoped: true },
    schema: {
      tags: ['ledger'],
      summary:
        'The office closes (销号) a task whose lead unit’s latest accepted report says completed; later periods no longer ask for it (audited)',
      params: idParam,
      body: taskCloseBody,
      response: { 200: z.object({ closure: taskClosureSchema }) },
    },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      await closeTask(ctx, actorOf(request), row.id, request.body);
      return { closure: presentClosure((await findTaskRow(ctx.db, row.id))!)! };
    },
  });

  app.post('/api/tasks/:id/reopen', {
    config: { access: 'task.write', recordScoped: true },
    schema: {
      tags: ['ledger'],
      summary: 'The office undoes a task’s 销号 with a reason: it is asked for again from the next period on (audited)',
      params: idParam,
      body: taskReopenBody,
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      await reopenTask(ctx, actorOf(request), row.id, request.body);
      return { ok: true as const };
    },
  });
};
