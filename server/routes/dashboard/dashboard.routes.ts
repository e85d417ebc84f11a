import { dashboardQuery, dashboardSchema } from '../../../core/api/dashboard';
import { UNIT_ROLES, type Role } from '../../../core/roles';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { buildDashboard } from '../../supervision/dashboard.service';
import { renderDashboardWorkbook } from '../../exports/dashboard-xlsx';
import { contentDisposition } from '../../http/content-disposition';

/** The office sees the organisation, a leader the portfolio, a unit its own tasks. */
function scopeOf(request: Parameters<typeof actorOf>[0] & { query: { year?: number } }) {
  const actor = actorOf(request);
  return {
    orgId: actor.orgId,
    year: request.query.year,
    ...(actor.role === 'leader' ? { leaderId: actor.leaderId ?? -1 } : {}),
    ...(UNIT_ROLES.includes(actor.role as Role) ? { unitId: actor.unitId ?? -1 } : {}),
  };
}

export const dashboardRoutes: Routes = (app, ctx) => {
  app.get('/api/dashboard', {
    config: { access: 'dashboard.read', answerCache: 'ignores-drafts' },
    schema: {
      tags: ['supervision'],
      summary: 'Who is behind and why, for one year (the current one unless ?year=): lights by annex, category, leader, unit; the current period; indicators; trend; most behind. A leader sees the portfolio, a unit its own tasks.',
      querystring: dashboardQuery,
      response: { 200: dashboardSchema },
    },
    handler: async (request) => buildDashboard(ctx, scopeOf(request)),
  });

  app.get('/api/dashboard/export.xlsx', {
    config: { access: 'dashboard.read' },
    schema: { tags: ['supervision'], summary: 'The dashboard’s tables as an Excel workbook', querystring: dashboardQuery },
    handler: async (request, reply) => {
      const workbook = await renderDashboardWorkbook(await buildDashboard(ctx, scopeOf(request)));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`督查情况-${ctx.clock.today()}.xlsx`))
        .send(workbook);
    },
  });
};
