import { EDITABLE_STATES, type ProgressStatus } from '../../core/reporting/states';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import type { Report } from './reports.repository';

export type ProgressInput = {
  /** The entry's version the clerk loaded: a save over someone else's newer save is refused. */
  version: number;
  status: ProgressStatus;
  narrative: string;
  problems: string;
  nextSteps: string;
  actuals: { indicatorId: number; value: number | null }[];
};

/**
 * Saves one task's entry of a draft report (autosave calls this too). Optimistic concurrency:
 * the update applies only to the version the clerk loaded; otherwise nothing is written and the
 * refusal carries the other person's entry so the page can show it.
 */
export async function saveProgress(ctx: AppContext, actor: Actor, report: Report, taskId: number, input: ProgressInput) {
  const refuseUnlessEditable = (state: Report['state']) => {
    if (!EDITABLE_STATES.includes(state)) {
      throw new AppError('REPORT_WRONG_STATE', { zh: `报告状态为“${state}”，不能修改`, en: `report is ${state}` });
    }
  };
  refuseUnlessEditable(report.state);
  return inTransaction(ctx, async (trx) => {
    // The state read before the transaction may be stale: a submit that committed meanwhile must
    // stop this save, or the head approves words the clerk changed after submitting. On PostgreSQL
    // the row lock orders the save and the submit's update of the same row; SQLite's transaction
    // already holds the write lock (inTransaction).
    const current = await trx
      .selectFrom('unit_reports')
      .select('state')
      .where('id', '=', report.id)
      .$if(ctx.engine === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    refuseUnlessEditable(current.state);
    const before = await trx
      .selectFrom('task_progress')
      .selectAll()
      .where('report_id', '=', report.id)
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    if (!before) throw new AppError('REPORT_NOT_RESPONSIBLE');
    const updated = await trx
      .updateTable('task_progress')
      .set((eb) => ({
        status: input.status,
        narrative: input.narrative,
        problems: input.problems,
        next_steps: input.nextSteps,
        version: eb('version', '+', 1),
        updated_by: actor.userId,
        updated_by_name: actor.name,
        // Business time, like the report's own dates: people compare it with the deadline.
        updated_at: ctx.clock.now().toISOString(),
      }))
      .where('id', '=', before.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      throw new AppError('EDIT_CONFLICT', {
        zh: `${before.updated_by_name ?? '他人'}于 ${before.updated_at} 修改了此事项`,
        en: `changed by ${before.updated_by_name ?? 'someone'} at ${before.updated_at}`,
        current: {
          version: before.version,
          status: before.status,
          narrative: before.narrative,
          problems: before.problems,
          nextSteps: before.next_steps,
          updatedByName: before.updated_by_name,
          updatedAt: before.updated_at,
        },
      });
    }
    const indicatorIds = new Set(
      (await trx.selectFrom('indicators').select('id').where('task_id', '=', taskId).execute()).map((r) => r.id),
    );
    for (const a of input.actuals) {
      if (!indicatorIds.has(a.indicatorId)) {
        throw new AppError('VALIDATION_FAILED', { zh: `指标 ${a.indicatorId} 不属于该事项`, en: `indicator ${a.indicatorId} is not of this task` });
      }
      await trx
        .insertInto('indicator_actuals')
        .values({ org_id: report.org_id, progress_id: before.id, indicator_id: a.indicatorId, value: a.value })
        .onConflict((oc) => oc.columns(['progress_id', 'indicator_id']).doUpdateSet({ value: a.value }))
        .execute();
    }
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: report.org_id,
      action: 'progress.save',
      entity: 'task_progress',
      entityId: before.id,
      before: { status: before.status, narrative: before.narrative, problems: before.problems, nextSteps: before.next_steps },
      after: { status: input.status, narrative: input.narrative, problems: input.problems, nextSteps: input.nextSteps, actuals: input.actuals },
    });
    return { version: before.version + 1 };
  });
}
