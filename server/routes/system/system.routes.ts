import { z } from 'zod';
import type { Routes } from '../../http/zod-app';

export const systemRoutes: Routes = (app, ctx) => {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], summary: 'Liveness and database reachability', response: { 200: z.object({ ok: z.boolean(), database: z.string() }) } },
    handler: async () => {
      await ctx.db.selectFrom('organisations').select('id').limit(1).execute();
      return { ok: true, database: ctx.engine };
    },
  });

  app.get('/api/security/settings', {
    config: { access: 'security.read' },
    schema: {
      tags: ['system'],
      summary: 'The security settings in force',
      response: {
        200: z.object({
          settings: z.object({
            sessionIdleMinutes: z.number(),
            sessionMaxHours: z.number(),
            cookieSecure: z.boolean(),
            passwordPolicy: z.string(),
            demo: z.boolean(),
          }),
        }),
      },
    },
    handler: async () => ({
      settings: {
        sessionIdleMinutes: ctx.config.session.idleMinutes,
        sessionMaxHours: ctx.config.session.maxHours,
        cookieSecure: ctx.config.session.cookieSecure,
        passwordPolicy: '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类',
        demo: ctx.config.demo,
      },
    }),
  });
};
