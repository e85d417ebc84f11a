import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { extendPeriodBody, periodReportRowSchema, periodSchema, reportViewSchema } from '../../../core/api/reporting';
import type { WorkCalendar } from '../../../core/calendar/work-calendar';
import { calendarOf } from '../../calendar/calendar.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { RecordRequest, Routes } from '../../http/zod-app';
import type { Action } from '../../policies/policy';
import { effectiveDeadline, findPeriod, listPeriods, type Period } from '../../reporting/periods.repository';
import { periodStandings } from '../../reporting/standings';
import { periodPlan, type PeriodPlanRow } from '../../reporting/period-schedule.service';
import { extendPeriod, openOrClosePeriod } from '../../reporting/periods.service';
import { nothingToReport, openReport, tasksToReport } from '../../reporting/report-open.service';
import { findReportFor } from '../../reporting/reports.repository';
import { presentReport } from '../../reporting/report-view';

const STATUS_LABELS = { planned: '未开放', open: '填报中', closed: '已关闭' } as const;

function presentPeriod(p: Period & { doc_number?: string | null }, calendar: WorkCalendar, window: PeriodPlanRow['window']) {
  return {
    id: p.id,
    noticeId: p.notice_id,
    docNumber: p.doc_number ?? null,
    label: p.label,
    kind: p.kind,
    deadline: p.deadline,
    effectiveDeadline: effectiveDeadline(p, calendar),
    deadlineHoliday: calendar.isWorkingDay(p.extended_deadline ?? p.deadline) ? null : (calendar.dayName(p.extended_deadline ?? p.deadline) ?? '休息日'),
    statusSetBy: p.status_set_by,
    opensOn: window.opensOn,
    closesOn: window.closesOn,
    autoOpens: window.autoOpens,
    extensionReason: p.extension_reason,
    status: p.status,
    statusLabel: STATUS_LABELS[p.status],
    pastAtImport: p.past_at_import === 1,
    version: p.version,
  };
}

export const periodRoutes: Routes = (app, ctx) => {
  const present = async (period: Period) => {
    const [calendar, plan] = await Promise.all([calendarOf(ctx.db, period.org_id), periodPlan(ctx.db, period.org_id, ctx.clock.today())]);
    return presentPeriod(period, calendar, plan.find((r) => r.period.id === period.id)!.window);
  };

  app.get('/api/periods', {
    config: { access: 'period.read' },
    schema: { tags: ['periods'], summary: 'Reporting periods of the organisation’s notices', response: { 200: z.object({ items: z.array(periodSchema) }) } },
    handler: async (request) => {
      const orgId = actorOf(request).orgId;
      const [calendar, plan, periods] = await Promise.all([calendarOf(ctx.db, orgId), periodPlan(ctx.db, orgId, ctx.clock.today()), listPeriods(ctx.db, orgId)]);
      const windowOf = new Map(plan.map((r) => [r.period.id, r.window]));
      return { items: periods.map((p) => presentPeriod(p, calendar, windowOf.get(p.id)!)) };
    },
  });

  const loadPeriod = async (request: RecordRequest, action: Action) => {
    const period = await findPeriod(ctx.db, request.params.id);
    if (!period) throw new AppError('NOT_FOUND');
    request.authorize(action, { orgId: period.org_id });
    return period;
  };

  for (const action of ['open', 'close'] as const) {
    app.post(`/api/periods/:id/${action}`, {
      config: { access: 'period.manage', recordScoped: true },
      schema: { tags: ['periods'], summary: action === 'open' ? 'Open a period for reporting' : 'Close a period', params: idParam, response: { 200: periodSchema } },
      handler: async (request) => {
        const period = await openOrClosePeriod(ctx, actorOf(request), await loadPeriod(request, 'period.manage'), action);
        return present(period);
      },
    });
  }

  app.post('/api/periods/:id/extend', {
    config: { access: 'period.manage', recordScoped: true },
    schema: { tags: ['periods'], summary: 'Extend a period’s deadline, with a reason (refused if someone else changed the period since the version sent)', params: idParam, body: extendPeriodBody, response: { 200: periodSchema } },
    handler: async (request) => {
      const period = await extendPeriod(ctx, actorOf(request), await loadPeriod(request, 'period.manage'), request.body);
      return present(period);
    },
  });

  app.get('/api/periods/:id/reports', {
    config: { access: 'report.review', recordScoped: true },
    schema: { tags: ['periods'], summary: 'Every responsible unit’s report state for the period (missing ones too)', params: idParam, response: { 200: z.object({ items: z.array(periodReportRowSchema) }) } },
    handler: async (request) => {
      const period = await loadPeriod(request, 'period.read');
      request.authorize('report.review', { orgId: period.org_id });
      const rows = await periodStandings(ctx, period);
      return { items: rows.map((r) => ({ unit: { id: r.unitId, name: r.unitName }, reportId: r.reportId, approvedAt: r.approvedAt, standing: r.standing })) };
    },
  });

  app.get('/api/periods/:id/reports/mine', {
    config: { access: 'report.open', recordScoped: true },
    schema: { tags: ['reports'], summary: 'My unit’s report for the period, if it exists (reading never creates it)', params: idParam, response: { 200: reportViewSchema } },
    handler: async (request) => {
      const period = await loadPeriod(request, 'report.open');
      const actor = actorOf(request);
      const report = await findReportFor(ctx.db, period.id, actor.unitId!);
      if (!report) {
        const tasks = await tasksToReport(ctx.db, actor.unitId!, period);
        throw tasks.length ? new AppError('REPORT_NOT_STARTED') : await nothingToReport(ctx.db, actor.unitId!, period);
      }
      return presentReport(ctx, report);
    },
  });

  app.post('/api/periods/:id/reports/mine', {
    config: { access: 'report.open', recordScoped: true },
    schema: { tags: ['reports'], summary: 'My unit’s report for the period (created with one entry per task on first use)', params: idParam, response: { 200: reportViewSchema } },
    handler: async (request) => {
      const period = await loadPeriod(request, 'report.open');
      const actor = actorOf(request);
      return presentReport(ctx, await openReport(ctx, actor, period, actor.unitId!));
    },
  });
};
