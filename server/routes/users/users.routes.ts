import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { resetPasswordBody, userBody, userPatch, userSchema } from '../../../core/api/directory';
import { findUser, listUsers } from '../../directory/users.repository';
import { createUser, resetPassword, updateUser } from '../../directory/users.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentUser } from '../../presenters/directory';

export const userRoutes: Routes = (app, ctx) => {
  const presentOne = async (orgId: number, id: number) =>
    presentUser((await listUsers(ctx.db, orgId)).find((u) => u.id === id)!);

  const loadUser = async (request: { params: { id: number }; authorize: (a: 'users.manage', r: { orgId: number }) => void }) => {
    const user = await findUser(ctx.db, request.params.id);
    if (!user) throw new AppError('NOT_FOUND');
    request.authorize('users.manage', { orgId: user.org_id });
    return user;
  };

  app.get('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: "The organisation's accounts", response: { 200: z.object({ items: z.array(userSchema) }) } },
    handler: async (request) => ({ items: (await listUsers(ctx.db, actorOf(request).orgId)).map(presentUser) }),
  });

  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Create an account (the person must change the password at first sign-in)', body: userBody, response: { 200: z.object({ user: userSchema }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      const id = await createUser(ctx, actor, actor.orgId, request.body);
      return { user: await presentOne(actor.orgId, id) };
    },
  });

  app.patch('/api/users/:id', {
    config: { access: 'users.manage', recordScoped: true },
    schema: { tags: ['users'], summary: 'Change, disable or enable an account', params: idParam, body: userPatch, response: { 200: z.object({ user: userSchema }) } },
    handler: async (request) => {
      const user = await loadUser(request);
      await updateUser(ctx, actorOf(request), user, request.body);
      return { user: await presentOne(user.org_id, user.id) };
    },
  });

  app.post('/api/users/:id/reset-password', {
    config: { access: 'users.manage', recordScoped: true },
    schema: { tags: ['users'], summary: 'Reset a password (ends the person’s sessions)', params: idParam, body: resetPasswordBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      const user = await loadUser(request);
      await resetPassword(ctx, actorOf(request), user, request.body.password);
      return reply.code(204).send(null);
    },
  });
};
