import { z } from 'zod';
import { accountRequestCreatedSchema, resetPasswordRequestBody } from '../../../core/api/account-requests';
import { idParam } from '../../../core/api/common';
import { userBody, userPatch, userSchema } from '../../../core/api/directory';
import { proposeCreate, proposeReset } from '../../directory/account-requests.service';
import { findUser, listUsers } from '../../directory/users.repository';
import { editUser } from '../../directory/users.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentAccounts } from '../../presenters/accounts';
import { accountRequestRoutes, presentAccountRequest } from './account-requests.routes';
import { platformIdentityRoutes } from './platform-identities.routes';
import { userImportRoutes } from './users-import.routes';

/**
 * The system administrator's accounts. What lets someone sign in or grants a role — a new account,
 * a role or unit change, re-enabling, a password reset — is only proposed here and waits for the
 * security administrator (account-requests.routes.ts, issue 17 finding 4); the system administrator
 * never chooses or sees a password.
 */
export const userRoutes: Routes = (app, ctx) => {
  // 批量导入 (issue 15) and the requests live in their own files; they are part of the same resource.
  userImportRoutes(app, ctx);
  platformIdentityRoutes(app, ctx);
  accountRequestRoutes(app, ctx);

  const presentOne = async (orgId: number, id: number) =>
    (await presentAccounts(ctx.db, orgId, (await listUsers(ctx.db, orgId)).filter((u) => u.id === id)))[0]!;

  const loadUser = async (request: { params: { id: number }; authorize: (a: 'users.manage', r: { orgId: number }) => void }) => {
    const user = await findUser(ctx.db, request.params.id);
    if (!user) throw new AppError('NOT_FOUND');
    request.authorize('users.manage', { orgId: user.org_id });
    return user;
  };

  app.get('/api/users', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: "The organisation's accounts", response: { 200: z.object({ items: z.array(userSchema) }) } },
    handler: async (request) => {
      const orgId = actorOf(request).orgId;
      return { items: await presentAccounts(ctx.db, orgId, await listUsers(ctx.db, orgId)) };
    },
  });

  app.post('/api/users', {
    config: { access: 'users.manage' },
    schema: {
      tags: ['users'],
      summary: 'Ask for an account: created, with an initial password for the approver to hand over, when the security administrator approves',
      body: userBody,
      response: { 200: accountRequestCreatedSchema },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      const { reason, ...b } = request.body;
      const id = await proposeCreate(
        ctx,
        actor,
        actor.orgId,
        { username: b.username, displayName: b.displayName, role: b.role, unitId: b.unitId ?? null, leaderId: b.leaderId ?? null, email: b.email ?? null, phone: b.phone ?? null },
        reason,
      );
      return { request: await presentAccountRequest(ctx, actor.orgId, id) };
    },
  });

  app.patch('/api/users/:id', {
    config: { access: 'users.manage', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Change details or disable an account at once; a role/unit change or enabling is asked for (security administrator approves). Refused over a newer edit.',
      params: idParam,
      body: userPatch,
      response: { 200: z.object({ user: userSchema, request: accountRequestSchemaOrNull }) },
    },
    handler: async (request) => {
      const user = await loadUser(request);
      const { requestId } = await editUser(ctx, actorOf(request), user, request.body);
      return {
        user: await presentOne(user.org_id, user.id),
        request: requestId === null ? null : await presentAccountRequest(ctx, user.org_id, requestId),
      };
    },
  });

  app.post('/api/users/:id/reset-password', {
    config: { access: 'users.manage', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Ask for a password reset: applied (new password to the approver, sessions ended) when the security administrator approves',
      params: idParam,
      body: resetPasswordRequestBody,
      response: { 200: accountRequestCreatedSchema },
    },
    handler: async (request) => {
      const user = await loadUser(request);
      const id = await proposeReset(ctx, actorOf(request), user, request.body.reason);
      return { request: await presentAccountRequest(ctx, user.org_id, id) };
    },
  });
};

const accountRequestSchemaOrNull = accountRequestCreatedSchema.shape.request.nullable();
