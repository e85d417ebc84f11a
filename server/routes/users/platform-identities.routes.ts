import {
  accountRequestCreatedSchema,
  bindIdentityRequestBody,
  PLATFORM_LABELS,
  platformIdentityListSchema,
  unbindIdentityRequestBody,
  type PlatformKind,
} from '../../../core/api/account-requests';
import { idParam } from '../../../core/api/common';
import { identitiesOfUser } from '../../auth/sso/platform-identities.repository';
import { proposeIdentity } from '../../directory/account-requests.service';
import { findUser } from '../../directory/users.repository';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentAccountRequest } from './account-requests.routes';

/**
 * An account's platform identities (issue 18): listed for the system administrator; binding and
 * unbinding are requests the security administrator approves (账号变更申请).
 */
export const platformIdentityRoutes: Routes = (app, ctx) => {
  const loadUser = async (request: {
    params: { id: number };
    authorize: (a: 'users.manage', r: { orgId: number }) => void;
  }) => {
    const user = await findUser(ctx.db, request.params.id);
    if (!user) throw new AppError('NOT_FOUND');
    request.authorize('users.manage', { orgId: user.org_id });
    return user;
  };

  app.get('/api/users/:id/platform-identities', {
    config: { access: 'users.manage', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: "The account's bound platform identities (single sign-on)",
      params: idParam,
      response: { 200: platformIdentityListSchema },
    },
    handler: async (request) => {
      const user = await loadUser(request);
      const rows = await identitiesOfUser(ctx.db, user.id);
      return {
        items: rows.map((r) => ({
          platform: r.platform as PlatformKind,
          platformLabel: PLATFORM_LABELS[r.platform as PlatformKind],
          externalId: r.external_id,
          createdAt: r.created_at,
        })),
      };
    },
  });

  app.post('/api/users/:id/platform-identities', {
    config: { access: 'users.manage', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Ask to bind a platform identity to the account: applied when the security administrator approves',
      params: idParam,
      body: bindIdentityRequestBody,
      response: { 200: accountRequestCreatedSchema },
    },
    handler: async (request) => {
      const user = await loadUser(request);
      const { platform, externalId, reason } = request.body;
      const id = await proposeIdentity(
        ctx,
        actorOf(request),
        user,
        { kind: 'bind_identity', platform, externalId },
        reason,
      );
      return { request: await presentAccountRequest(ctx, user.org_id, id) };
    },
  });

  app.post('/api/users/:id/platform-identities/unbind', {
    config: { access: 'users.manage', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Ask to unbind the account from a platform: applied when the security administrator approves',
      params: idParam,
      body: unbindIdentityRequestBody,
      response: { 200: accountRequestCreatedSchema },
    },
    handler: async (request) => {
      const user = await loadUser(request);
      const id = await proposeIdentity(
        ctx,
        actorOf(request),
        user,
        { kind: 'unbind_identity', platform: request.body.platform },
        request.body.reason,
      );
      return { request: await presentAccountRequest(ctx, user.org_id, id) };
    },
  });
};
