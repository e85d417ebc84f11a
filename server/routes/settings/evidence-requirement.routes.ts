import { withEditVersion, withVersion } from '../../../core/api/common';
import { evidenceRequirementSchema } from '../../../core/api/evidence';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { getVersionedSetting, putSetting } from '../../settings/settings.service';
import { flat } from './settings.routes';

/**
 * 已完成事项须上传佐证材料: everyone who fills or reads reports may see whether the office requires
 * evidence for completed items (the clerk's form says so before submit refuses); the office changes it,
 * against the version it loaded (issue 17, finding 11).
 */
export const evidenceRequirementRoutes: Routes = (app, ctx) => {
  app.get('/api/settings/evidence-requirement', {
    config: { access: 'settings.read' },
    schema: { tags: ['settings'], summary: 'Whether a completed item needs an evidence file before the report is submitted', response: { 200: withVersion(evidenceRequirementSchema) } },
    handler: async (request) => flat(await getVersionedSetting(ctx.db, actorOf(request).orgId, 'evidenceRequirement')),
  });

  app.put('/api/settings/evidence-requirement', {
    config: { access: 'settings.write' },
    schema: {
      tags: ['settings'],
      summary: 'Require (or not) evidence for completed items (audited; refused if someone else saved since the version sent)',
      body: withEditVersion(evidenceRequirementSchema),
      response: { 200: withVersion(evidenceRequirementSchema) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { version, ...value } = request.body;
      await putSetting(ctx, actor, actor.orgId, 'evidenceRequirement', value, { loadedVersion: version });
      return flat(await getVersionedSetting(ctx.db, actor.orgId, 'evidenceRequirement'));
    },
  });
};
