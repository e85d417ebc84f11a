import { currentOrgSchema } from '../../../core/api/directory';
import { countDirectory, organisationPath } from '../../directory/organisations.repository';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentOrgRef } from '../../presenters/organisation';

export const organisationRoutes: Routes = (app, ctx) => {
  app.get('/api/organisations/current', {
    config: { access: 'org.read' },
    schema: { tags: ['organisations'], summary: 'My organisation, its place in the tree and directory counts', response: { 200: currentOrgSchema } },
    handler: async (request) => {
      const { orgId } = actorOf(request);
      const [path, stats] = await Promise.all([organisationPath(ctx.db, orgId), countDirectory(ctx.db, orgId)]);
      const org = path[path.length - 1]!;
      return { org: { ...presentOrgRef(org), path: path.map(presentOrgRef) }, stats };
    },
  });
};
