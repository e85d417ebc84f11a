import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import type { AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { insertAccountRequest, pendingRequestOfUser, type RequestPayload } from './account-requests.repository';

/**
 * Records a proposal (账号变更申请) inside the caller's transaction, audited as
 * `account_request.propose`. Nothing of the change itself is written: that waits for the security
 * administrator (account-requests.service.ts). One pending request per account at a time, so that
 * the approver never decides two conflicting changes of one person.
 */
export async function proposeInTransaction(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  p: { orgId: number; user: { id: number; version: number } | null; payload: RequestPayload; reason: string },
): Promise<number> {
  if (actor.userId === null) throw new AppError('FORBIDDEN', { zh: '账号变更申请须由系统管理员提出', en: 'a request needs a proposing person' });
  if (p.user && (await pendingRequestOfUser(trx, p.user.id))) throw new AppError('ACCOUNT_REQUEST_PENDING');
  const id = await insertAccountRequest(trx, {
    orgId: p.orgId,
    userId: p.user?.id ?? null,
    targetVersion: p.user?.version ?? null,
    payload: p.payload,
    reason: p.reason,
    proposedBy: actor.userId,
  });
  await appendAudit(trx, ctx.engine, {
    actor,
    orgId: p.orgId,
    action: 'account_request.propose',
    entity: 'account_request',
    entityId: id,
    after: { kind: p.payload.kind, userId: p.user?.id ?? null, payload: p.payload, reason: p.reason },
  });
  return id;
}
