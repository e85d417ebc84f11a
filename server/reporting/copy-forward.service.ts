import { entryBlank } from '../../core/reporting/completeness';
import { EDITABLE_STATES } from '../../core/reporting/states';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { completenessEntries, previousEntries, type Report } from './reports.repository';

/**
 * 沿用上期 (issue 15): fills entries of a draft with the unit's last written entry on the same task
 * (status, texts, indicator figures), so a quarter starts from the last one instead of blank. Only
 * blank entries are filled — nothing the clerk wrote is overwritten — and an entry of a task closed
 * (销号) meanwhile is left alone. One transaction, one audit entry naming the tasks.
 */
export async function copyForward(ctx: AppContext, actor: Actor, report: Report, taskIds?: number[]) {
  return inTransaction(ctx, async (trx) => {
    const current = await trx
      .selectFrom('unit_reports')
      .select('state')
      .where('id', '=', report.id)
      .$if(ctx.engine === 'postgres', (q) => q.forUpdate())
      .executeTakeFirstOrThrow();
    if (!EDITABLE_STATES.includes(current.state)) {
      throw new AppError('REPORT_WRONG_STATE', { zh: '报告已提交，不能再沿用上期内容', en: 'the report is not editable' });
    }
    const [previous, entries, rows] = await Promise.all([
      previousEntries(trx, report),
      completenessEntries(trx, report),
      trx.selectFrom('task_progress').select(['id', 'task_id', 'narrative', 'problems', 'next_steps']).where('report_id', '=', report.id).execute(),
    ]);
    const closed = new Set(entries.filter((e) => e.closed).map((e) => e.taskId));
    const wanted = taskIds ? new Set(taskIds) : null;
    const copied: number[] = [];
    for (const row of rows) {
      const prev = previous.get(row.task_id);
      if (!prev || closed.has(row.task_id) || (wanted && !wanted.has(row.task_id))) continue;
      if (!entryBlank({ narrative: row.narrative, problems: row.problems, nextSteps: row.next_steps })) continue;
      await trx
        .updateTable('task_progress')
        .set((eb) => ({
          status: prev.status,
          narrative: prev.narrative,
          problems: prev.problems,
          next_steps: prev.nextSteps,
          version: eb('version', '+', 1),
          updated_by: actor.userId,
          updated_by_name: actor.name,
          updated_at: ctx.clock.now().toISOString(),
        }))
        .where('id', '=', row.id)
        .execute();
      for (const a of prev.actuals) {
        // A figure already entered this period stays; only empty ones take last period's.
        await trx
          .insertInto('indicator_actuals')
          .values({ org_id: report.org_id, progress_id: row.id, indicator_id: a.indicatorId, value: a.value })
          .onConflict((oc) => oc.columns(['progress_id', 'indicator_id']).doUpdateSet({ value: a.value }).where('indicator_actuals.value', 'is', null))
          .execute();
      }
      copied.push(row.task_id);
    }
    if (copied.length > 0) {
      await appendAudit(trx, ctx.engine, {
        actor,
        orgId: report.org_id,
        action: 'report.copy_forward',
        entity: 'unit_report',
        entityId: report.id,
        after: { taskIds: copied },
      });
    }
    return { copied: copied.length };
  });
}
