import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { notificationSchema, todoSchema } from '../../../core/api/collaboration';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { listNotifications, markRead } from '../../notifications/notify';
import { todosFor } from '../../notifications/todos';

/** Each person's to-do list and notifications: their own only, so no record beyond the session. */
export const inboxRoutes: Routes = (app, ctx) => {
  app.get('/api/todos', {
    config: { access: 'account.self' },
    schema: { tags: ['inbox'], summary: 'What is waiting for me', response: { 200: z.object({ items: z.array(todoSchema) }) } },
    handler: async (request) => ({ items: await todosFor(ctx, actorOf(request)) }),
  });

  app.get('/api/notifications', {
    config: { access: 'account.self' },
    schema: { tags: ['inbox'], summary: 'My notifications, newest first', response: { 200: z.object({ items: z.array(notificationSchema), unread: z.number() }) } },
    handler: async (request) => {
      const rows = await listNotifications(ctx.db, actorOf(request).userId!);
      return {
        items: rows.map((n) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, read: n.read_at !== null, createdAt: n.created_at })),
        unread: rows.filter((n) => n.read_at === null).length,
      };
    },
  });

  app.post('/api/notifications/:id/read', {
    config: { access: 'account.self' },
    schema: { tags: ['inbox'], summary: 'Mark one of my notifications read', params: idParam, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await markRead(ctx.db, ctx.clock, actorOf(request).userId!, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/notifications/read-all', {
    config: { access: 'account.self' },
    schema: { tags: ['inbox'], summary: 'Mark all my notifications read', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await markRead(ctx.db, ctx.clock, actorOf(request).userId!, 'all');
      return reply.code(204).send(null);
    },
  });
};
