import type { z } from 'zod';
import type { bulkCoReportingBody, taskCoReportingBody } from '../../core/api/co-reporting';
import { CO_REPORTING_LABELS, type CoReporting } from '../../core/reporting/standing';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { snapshotTask } from './task-versions';

/**
 * The office chooses how a task's co-operating units report (issue 15, core/reporting/standing.ts
 * CoReporting): separately to the office, or their part to the lead unit (报牵头单位). Like any
 * office edit of a task, the task's version goes up with a version record saying why, and the
 * change is audited in the same transaction. The choice is the task's, read by every period —
 * earlier ones included (docs/REPORT_STANDING.md).
 */
export async function setCoReporting(ctx: AppContext, actor: Actor, taskId: number, orgId: number, body: z.infer<typeof taskCoReportingBody>) {
  return inTransaction(ctx, async (trx) => {
    const current = await trx.selectFrom('tasks').select(['version', 'co_reporting']).where('id', '=', taskId).where('org_id', '=', orgId).executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== body.version) {
      throw new AppError('EDIT_CONFLICT', {
        zh: '该事项已被他人修改，请刷新后重试',
        en: 'the task changed meanwhile',
        current: { version: current.version, coReporting: current.co_reporting },
      });
    }
    if (current.co_reporting === body.coReporting) return current.version;
    await change(ctx, trx, actor, orgId, taskId, current.co_reporting, body.coReporting, current.version);
    return current.version + 1;
  });
}

/**
 * The same for many tasks at once: the ledger's selection, or every task of one annex of a
 * notice. All or nothing, one transaction; tasks already in that mode are left as they are
 * (no new version); each changed task gets its version record and audit entry.
 */
export async function setCoReportingMany(ctx: AppContext, actor: Actor, orgId: number, body: z.infer<typeof bulkCoReportingBody>) {
  return inTransaction(ctx, async (trx) => {
    let q = trx.selectFrom('tasks').select(['tasks.id', 'tasks.version', 'tasks.co_reporting']).where('tasks.org_id', '=', orgId);
    if (body.taskIds) q = q.where('tasks.id', 'in', body.taskIds);
    if (body.annex) {
      q = q
        .innerJoin('annexes', 'annexes.id', 'tasks.annex_id')
        .where('tasks.notice_id', '=', body.annex.noticeId)
        .where('annexes.no', '=', body.annex.annexNo);
    }
    const tasks = await q.execute();
    if (body.taskIds) {
      const found = new Set(tasks.map((t) => t.id));
      const unknown = [...new Set(body.taskIds)].filter((id) => !found.has(id));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          zh: `所选事项中有 ${unknown.length} 项不在本机构台账中（编号 ${unknown.slice(0, 5).join('、')}），请刷新台账后重新选择`,
          en: `unknown tasks: ${unknown.join(', ')}`,
          fields: { taskIds: '包含不在本机构台账中的事项' },
        });
      }
    }
    if (body.annex && tasks.length === 0) {
      throw new AppError('VALIDATION_FAILED', {
        zh: `附件${body.annex.annexNo}中没有事项，请确认通知和附件序号`,
        en: 'the annex has no tasks',
        fields: { annex: '该附件中没有事项' },
      });
    }
    const toChange = tasks.filter((t) => t.co_reporting !== body.coReporting);
    for (const t of toChange) await change(ctx, trx, actor, orgId, t.id, t.co_reporting, body.coReporting, t.version);
    return { changed: toChange.length, unchanged: tasks.length - toChange.length };
  });
}

async function change(ctx: AppContext, trx: Db, actor: Actor, orgId: number, taskId: number, before: CoReporting, after: CoReporting, version: number) {
  const moved = await trx
    .updateTable('tasks')
    .set((eb) => ({ co_reporting: after, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
    .where('id', '=', taskId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) throw new AppError('EDIT_CONFLICT', { zh: '该事项已被他人修改，请刷新后重试', en: 'the task changed meanwhile' });
  await snapshotTask(trx, taskId, `督查室修改配合单位报送方式：${CO_REPORTING_LABELS[before]} → ${CO_REPORTING_LABELS[after]}`, actor.name);
  await appendAudit(trx, ctx.engine, { actor, orgId, action: 'task.co_reporting', entity: 'task', entityId: taskId, before: { coReporting: before }, after: { coReporting: after } });
}
