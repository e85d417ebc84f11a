import { z } from 'zod';
import { copyForwardBody, progressBody, reportViewSchema, transitionBody } from '../../../core/api/reporting';
import { copyForward } from '../../reporting/copy-forward.service';
import { TRANSITIONS, type ReportTransition } from '../../../core/reporting/states';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { RecordRequest, Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';
import { saveProgress } from '../../reporting/progress.service';
import { presentReport } from '../../reporting/report-view';
import { findReport } from '../../reporting/reports.repository';
import { transitionReport } from '../../reporting/transitions.service';
import { beijingDate } from '../../clock';
import { renderReportDocx } from '../../exports/report-docx';
import { contentDisposition } from '../../http/content-disposition';

const reportParams = z.object({ id: z.coerce.number().int().positive() });
const taskParams = reportParams.extend({ taskId: z.coerce.number().int().positive() });

/** Which policy action each transition needs (its role is in core/reporting/states.ts too). */
const TRANSITION_ACTIONS: Record<ReportTransition, { path: string; action: Action }> = {
  submit: { path: 'submit', action: 'report.edit' },
  approve: { path: 'approve', action: 'report.approve' },
  head_return: { path: 'head-return', action: 'report.approve' },
  accept: { path: 'accept', action: 'report.review' },
  office_return: { path: 'office-return', action: 'report.review' },
  withdraw: { path: 'withdraw', action: 'report.edit' },
  head_withdraw: { path: 'head-withdraw', action: 'report.approve' },
};

export const reportRoutes: Routes = (app, ctx) => {
  const loadReport = async (request: RecordRequest, action: Action) => {
    const report = await findReport(ctx.db, request.params.id);
    if (!report) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: report.org_id, unitId: report.unit_id });
    return report;
  };

  app.get('/api/reports/:id', {
    config: { access: 'report.read', recordScoped: true },
    schema: { tags: ['reports'], summary: 'A unit’s report: every task entry, indicators, co-units’ parts', params: reportParams, response: { 200: reportViewSchema } },
    handler: async (request) => presentReport(ctx, await loadReport(request, 'report.read')),
  });

  app.put('/api/reports/:id/tasks/:taskId', {
    config: { access: 'report.edit', recordScoped: true },
    schema: {
      tags: ['reports'],
      summary: 'Save one task’s entry (autosave); refused with the other person’s change if someone saved it meanwhile',
      params: taskParams,
      body: progressBody,
      response: { 200: z.object({ version: z.number() }) },
    },
    handler: async (request) => {
      const report = await loadReport(request, 'report.edit');
      return saveProgress(ctx, actorOf(request), report, request.params.taskId, request.body);
    },
  });

  app.post('/api/reports/:id/copy-forward', {
    config: { access: 'report.edit', recordScoped: true },
    schema: {
      tags: ['reports'],
      summary: '沿用上期: fill blank entries with the unit’s last written entry on the same task',
      params: reportParams,
      body: copyForwardBody,
      response: { 200: z.object({ copied: z.number() }) },
    },
    handler: async (request) => {
      const report = await loadReport(request, 'report.edit');
      return copyForward(ctx, actorOf(request), report, request.body.taskIds);
    },
  });

  for (const [transition, { path, action }] of Object.entries(TRANSITION_ACTIONS) as [ReportTransition, (typeof TRANSITION_ACTIONS)[ReportTransition]][]) {
    app.post(`/api/reports/:id/${path}`, {
      config: { access: action, recordScoped: true },
      schema: { tags: ['reports'], summary: TRANSITIONS[transition].label, params: reportParams, body: transitionBody, response: { 200: reportViewSchema } },
      handler: async (request) => {
        const report = await loadReport(request, action);
        return presentReport(ctx, await transitionReport(ctx, actorOf(request), report, transition, request.body));
      },
    });
  }

  app.get('/api/reports/:id/export.docx', {
    config: { access: 'report.read', recordScoped: true },
    schema: { tags: ['reports'], summary: 'The approved report as a Word document (书面报告)', params: reportParams },
    handler: async (request, reply) => {
      const report = await loadReport(request, 'report.read');
      const view = await presentReport(ctx, report);
      if (!view.report.standing.inOffice) {
        throw new AppError('REPORT_WRONG_STATE', { zh: '报告经单位负责人审定后才能导出书面报告', en: 'only an approved report can be exported' });
      }
      const head = report.approved_by ? await ctx.db.selectFrom('users').select('display_name').where('id', '=', report.approved_by).executeTakeFirst() : undefined;
      const doc = await renderReportDocx({
        unitName: view.report.unit.name,
        periodLabel: view.report.periodLabel,
        deadline: view.report.deadline,
        approvedByName: head?.display_name ?? null,
        approvedAt: report.approved_at ? beijingDate(new Date(report.approved_at)) : null,
        standing: view.report.standing,
        items: view.items,
      });
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', contentDisposition(`${view.report.unit.name}${view.report.periodLabel}完成情况报告.docx`))
        .send(doc);
    },
  });
};
