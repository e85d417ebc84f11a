import { z } from 'zod';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { getSetting, putSetting, SETTINGS } from '../../settings/settings.service';

const thresholds = z.object({ yellowGap: z.number(), redGap: z.number() });

export const settingsRoutes: Routes = (app, ctx) => {
  app.get('/api/settings/light-thresholds', {
    config: { access: 'settings.read' },
    schema: { tags: ['settings'], summary: 'The gaps behind schedule that turn a task yellow and red', response: { 200: thresholds } },
    handler: async (request) => getSetting(ctx.db, actorOf(request).orgId, 'lightThresholds'),
  });

  app.put('/api/settings/light-thresholds', {
    config: { access: 'settings.write' },
    schema: { tags: ['settings'], summary: 'Change the light thresholds (audited)', body: SETTINGS.lightThresholds.schema, response: { 200: thresholds } },
    handler: async (request) => {
      const actor = actorOf(request);
      await putSetting(ctx, actor, actor.orgId, 'lightThresholds', request.body);
      return getSetting(ctx.db, actor.orgId, 'lightThresholds');
    },
  });
};
