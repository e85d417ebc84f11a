import {
  accountRequestApprovedSchema,
  accountRequestListQuery,
  accountRequestListSchema,
  accountRequestSchema,
  rejectAccountRequestBody,
} from '../../../core/api/account-requests';
import { idParam } from '../../../core/api/common';
import { z } from 'zod';
import { accountRequestWithNames, findAccountRequest, listAccountRequests } from '../../directory/account-requests.repository';
import { approveAccountRequest, rejectAccountRequest } from '../../directory/account-requests.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentAccountRequests } from '../../presenters/accounts';
import type { AppContext } from '../../context';

/** One request as the list shows it. */
export async function presentAccountRequest(ctx: AppContext, orgId: number, id: number) {
  return (await presentAccountRequests(ctx.db, orgId, await accountRequestWithNames(ctx.db, id)))[0]!;
}

/**
 * 账号变更申请 (issue 17, finding 4): the system administrator's proposals (made by the users
 * routes) wait here; the security administrator approves — and receives the initial password, once,
 * to hand to the person — or rejects with a reason.
 */
export const accountRequestRoutes: Routes = (app, ctx) => {
  const load = async (request: { params: { id: number }; authorize: (a: 'account_requests.decide', r: { orgId: number }) => void }) => {
    const found = await findAccountRequest(ctx.db, request.params.id);
    if (!found) throw new AppError('NOT_FOUND');
    request.authorize('account_requests.decide', { orgId: found.org_id });
    return found;
  };

  app.get('/api/account-requests', {
    config: { access: 'account_requests.read' },
    schema: {
      tags: ['users'],
      summary: "The organisation's account requests: pending ones (oldest first) or the last 50 decided",
      querystring: accountRequestListQuery,
      response: { 200: accountRequestListSchema },
    },
    handler: async (request) => {
      const orgId = actorOf(request).orgId;
      return { items: await presentAccountRequests(ctx.db, orgId, await listAccountRequests(ctx.db, orgId, request.query.status)) };
    },
  });

  app.post('/api/account-requests/:id/approve', {
    config: { access: 'account_requests.decide', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Approve a request (not one of one’s own) and apply it; answers any initial passwords, once',
      params: idParam,
      response: { 200: accountRequestApprovedSchema },
    },
    handler: async (request, reply) => {
      const found = await load(request);
      const delivery = await approveAccountRequest(ctx, actorOf(request), found.id);
      // Initial passwords are in this answer only: no cache may keep it.
      reply.header('cache-control', 'no-store');
      return { request: await presentAccountRequest(ctx, found.org_id, found.id), delivery };
    },
  });

  app.post('/api/account-requests/:id/reject', {
    config: { access: 'account_requests.decide', recordScoped: true },
    schema: {
      tags: ['users'],
      summary: 'Reject a request with a reason; nothing of it is applied',
      params: idParam,
      body: rejectAccountRequestBody,
      response: { 200: z.object({ request: accountRequestSchema }) },
    },
    handler: async (request) => {
      const found = await load(request);
      await rejectAccountRequest(ctx, actorOf(request), found.id, request.body.note);
      return { request: await presentAccountRequest(ctx, found.org_id, found.id) };
    },
  });
};
