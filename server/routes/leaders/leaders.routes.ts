import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { leaderBody, leaderPatch, leaderSchema } from '../../../core/api/directory';
import { findLeader, listLeaders } from '../../directory/leaders.repository';
import { createLeader, updateLeader } from '../../directory/leaders.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';

const present = (l: { id: number; name: string; title: string; version: number }) => ({ id: l.id, name: l.name, title: l.title, version: l.version });

export const leaderRoutes: Routes = (app, ctx) => {
  app.get('/api/leaders', {
    config: { access: 'directory.read' },
    schema: { tags: ['directory'], summary: 'The leaders in charge (分管领导)', response: { 200: z.object({ items: z.array(leaderSchema) }) } },
    handler: async (request) => ({ items: (await listLeaders(ctx.db, actorOf(request).orgId)).map(present) }),
  });

  app.post('/api/leaders', {
    config: { access: 'directory.write' },
    schema: { tags: ['directory'], summary: 'Add a leader', body: leaderBody, response: { 200: z.object({ leader: leaderSchema }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return { leader: present(await createLeader(ctx, actor, actor.orgId, request.body)) };
    },
  });

  app.patch('/api/leaders/:id', {
    config: { access: 'directory.write', recordScoped: true },
    schema: { tags: ['directory'], summary: 'Change a leader', params: idParam, body: leaderPatch, response: { 200: z.object({ leader: leaderSchema }) } },
    handler: async (request) => {
      const leader = await findLeader(ctx.db, request.params.id);
      if (!leader) throw new AppError('NOT_FOUND');
      request.authorize('directory.write', { orgId: leader.org_id });
      return { leader: present(await updateLeader(ctx, actorOf(request), leader, request.body)) };
    },
  });
};
