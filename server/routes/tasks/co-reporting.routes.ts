import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { bulkCoReportingBody, coRemindBody, coRemindResult, bulkCoReportingResult, taskCoReportingBody } from '../../../core/api/co-reporting';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import { loadTask } from '../../http/load-task';
import type { Routes } from '../../http/zod-app';
import { setCoReporting, setCoReportingMany } from '../../ledger/co-reporting.service';
import { remindCoUnits } from '../../reporting/co-remind.service';
import { findReport } from '../../reporting/reports.repository';

const taskParams = z.object({ id: z.coerce.number().int().positive(), taskId: z.coerce.number().int().positive() });

/**
 * 报牵头单位 (issue 15): the office sets how a task's co-operating units report (one task, or an
 * annex / a selection at once; versioned and audited by ledger/co-reporting.service.ts), and the
 * lead unit reminds its co-units to write their part.
 */
export const coReportingRoutes: Routes = (app, ctx) => {
  app.put('/api/tasks/:id/co-reporting', {
    config: { access: 'task.write', recordScoped: true },
    schema: {
      tags: ['ledger'],
      summary: 'The office sets whether the task’s co-operating units report separately or feed their part to the lead unit (a new task version, audited)',
      params: idParam,
      body: taskCoReportingBody,
      response: { 200: z.object({ version: z.number(), coReporting: taskCoReportingBody.shape.coReporting }) },
    },
    handler: async (request) => {
      const { row } = await loadTask(ctx, request, 'task.write');
      const version = await setCoReporting(ctx, actorOf(request), row.id, row.org_id, request.body);
      return { version, coReporting: request.body.coReporting };
    },
  });

  app.post('/api/tasks/co-reporting', {
    config: { access: 'task.write' },
    schema: {
      tags: ['ledger'],
      summary: 'The office sets the co-operating units’ reporting of the selected tasks, or of every task of one annex (all or nothing, audited per task)',
      body: bulkCoReportingBody,
      response: { 200: bulkCoReportingResult },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      return setCoReportingMany(ctx, actor, actor.orgId, request.body);
    },
  });

  app.post('/api/reports/:id/tasks/:taskId/co-remind', {
    config: { access: 'report.coRemind', recordScoped: true },
    schema: {
      tags: ['reports'],
      summary: 'The lead unit reminds the task’s co-operating units (报牵头单位) to write their part this period (in-app notification, audited)',
      params: taskParams,
      body: coRemindBody,
      response: { 200: coRemindResult },
    },
    handler: async (request) => {
      const report = await findReport(ctx.db, request.params.id);
      if (!report) throw new AppError('NOT_FOUND');
      request.authorize('report.coRemind', { orgId: report.org_id, unitId: report.unit_id });
      return remindCoUnits(ctx, actorOf(request), report, request.params.taskId, request.body);
    },
  });
};
