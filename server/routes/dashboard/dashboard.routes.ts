import { dashboardSchema } from '../../../core/api/dashboard';
import { UNIT_ROLES, type Role } from '../../../core/roles';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { buildDashboard } from '../../supervision/dashboard.service';

export const dashboardRoutes: Routes = (app, ctx) => {
  app.get('/api/dashboard', {
    config: { access: 'dashboard.read' },
    schema: {
      tags: ['supervision'],
      summary: 'Who is behind and why: lights by annex, category, leader, unit; the current period; indicators; trend; most behind. A leader sees the portfolio, a unit its own tasks.',
      response: { 200: dashboardSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const scope = {
        orgId: actor.orgId,
        ...(actor.role === 'leader' ? { leaderId: actor.leaderId ?? -1 } : {}),
        ...(UNIT_ROLES.includes(actor.role as Role) ? { unitId: actor.unitId ?? -1 } : {}),
      };
      return buildDashboard(ctx, scope);
    },
  });
};
