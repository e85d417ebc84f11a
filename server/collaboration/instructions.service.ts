import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { notifyUnits } from '../notifications/notify';

/** 批示: a leader's instruction on a task or on a unit's report reaches the units concerned. Written at the business time. */
export async function writeInstruction(
  ctx: AppContext,
  actor: Actor & { orgId: number },
  target: { taskId: number; unitIds: number[] } | { reportId: number; unitIds: number[] },
  body: string,
) {
  const createdAt = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const { id } = await trx
      .insertInto('instructions')
      .values({
        org_id: actor.orgId,
        task_id: 'taskId' in target ? target.taskId : null,
        report_id: 'reportId' in target ? target.reportId : null,
        author_id: actor.userId!,
        author_name: actor.name,
        body,
        created_at: createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifyUnits(trx, actor.orgId, target.unitIds, {
      kind: 'instruction',
      title: `${actor.name}作出批示`,
      body: body.slice(0, 200),
      link: 'taskId' in target ? `/tasks/${target.taskId}` : `/reports/${target.reportId}`,
    });
    await appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'instruction.write', entity: 'instruction', entityId: id, after: { ...target, body } });
    return { id, createdAt };
  });
}
