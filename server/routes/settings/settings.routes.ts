import { z } from 'zod';
import { withEditVersion, withVersion } from '../../../core/api/common';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { getVersionedSetting, putSetting, SETTINGS } from '../../settings/settings.service';

const thresholds = withVersion(z.object({ yellowGap: z.number(), redGap: z.number() }));

/** Each setting is read with its version and saved against the version the office loaded (issue 17, finding 11). */
export const settingsRoutes: Routes = (app, ctx) => {
  app.get('/api/settings/light-thresholds', {
    config: { access: 'settings.read' },
    schema: { tags: ['settings'], summary: 'The gaps behind schedule that turn a task yellow and red', response: { 200: thresholds } },
    handler: async (request) => flat(await getVersionedSetting(ctx.db, actorOf(request).orgId, 'lightThresholds')),
  });

  app.put('/api/settings/light-thresholds', {
    config: { access: 'settings.write' },
    schema: {
      tags: ['settings'],
      summary: 'Change the light thresholds (audited; refused if someone else saved since the version sent)',
      body: withEditVersion(SETTINGS.lightThresholds.schema),
      response: { 200: thresholds },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...value } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'lightThresholds', value, { loadedVersion: version });
      return flat(await getVersionedSetting(ctx.db, actor.orgId, 'lightThresholds'));
    },
  });

  const completeness = SETTINGS.reportCompleteness.schema;
  app.get('/api/settings/report-completeness', {
    config: { access: 'settings.read' },
    schema: { tags: ['settings'], summary: 'What a report must hold before it goes to the head', response: { 200: withVersion(completeness) } },
    handler: async (request) => flat(await getVersionedSetting(ctx.db, actorOf(request).orgId, 'reportCompleteness')),
  });

  app.put('/api/settings/report-completeness', {
    config: { access: 'settings.write' },
    schema: {
      tags: ['settings'],
      summary: 'Let co-operating units leave their part blank, or not (audited; refused if someone else saved since the version sent)',
      body: withEditVersion(completeness),
      response: { 200: withVersion(completeness) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...value } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'reportCompleteness', value, { loadedVersion: version });
      return flat(await getVersionedSetting(ctx.db, actor.orgId, 'reportCompleteness'));
    },
  });
};

/** A setting's value with its version beside its fields, as the forms load and send it back. */
export function flat<T extends object>(setting: { value: T; version: number }): T & { version: number } {
  return { ...setting.value, version: setting.version };
}
