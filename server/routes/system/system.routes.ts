import { z } from 'zod';
import { PASSWORDS_KEPT } from '../../directory/users.service';
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
            passwordHistory: z.number(),
            mustChangeInitialPassword: z.boolean(),
            maxFailedLogins: z.number(),
            lockoutMinutes: z.number(),
            loginRateLimitPerWindow: z.number(),
            uploadRateLimitPerWindow: z.number(),
            rateLimitWindowSeconds: z.number(),
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
        // The current password and the ones kept before it cannot be chosen again.
        passwordHistory: PASSWORDS_KEPT + 1,
        // Enforced by the API on every route (server/http/policy-hooks.ts), not a setting.
        mustChangeInitialPassword: true,
        maxFailedLogins: ctx.config.lockout.attempts,
        lockoutMinutes: ctx.config.lockout.minutes,
        loginRateLimitPerWindow: ctx.config.rateLimits.signInPerWindow,
        uploadRateLimitPerWindow: ctx.config.rateLimits.uploadsPerWindow,
        rateLimitWindowSeconds: ctx.config.rateLimits.windowSeconds,
        demo: ctx.config.demo,
      },
    }),
  });
};
