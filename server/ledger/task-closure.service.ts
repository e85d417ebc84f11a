import type { z } from 'zod';
import type { taskCloseBody, taskReopenBody } from '../../core/api/tasks';
import { reportStanding } from '../../core/reporting/standing';
import { PROGRESS_STATUS_LABELS } from '../../core/reporting/states';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { calendarOf } from '../calendar/calendar.service';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { AppError } from '../errors/app-error';
import { notifyUnits } from '../notifications/notify';
import { tasksToReport } from '../reporting/report-open.service';
import { historyOf, periodDates } from '../reporting/standings';
import {
  entriesOfUnit,
  findClosureRow,
  laterEditableReports,
  laterUnsentEntries,
  leadUnitOf,
  removeEntries,
  type ClosureRow,
} from './task-closure.repository';

/**
 * 销号: the office closes a task its lead unit reported completed (已完成) in a report the office
 * accepted. The task keeps its place in the ledger and all its history; periods after the one of
 * that report no longer ask for it (core/reporting/standing.ts periodAsksAbout), its light stays
 * blue, and bulletins and the assessment count it completed by the entry that closed it.
 * 撤销销号 undoes it, with a reason. Both are audited in their own transaction.
 *
 * Reports of later periods opened before the closure: an entry on the task that nobody has written
 * in, in a report the office has never seen (a draft with the unit), is taken out, so the clerk is
 * not asked for it; a draft left with no entry at all is removed, so the unit is exempt from that
 * period as the rule says. What someone already wrote, or anything in a report that went to the
 * head or the office, stays as it is — history is not rewritten; the report view marks such an
 * entry 已销号 and the assessment and bulletins read the closing entry instead.
 */

type Today = { today: string };

/** Whether a task may be closed now, and on which period's accepted report. */
export type Closability =
  | { ok: true; period: { position: number; label: string }; reportId: number; progressId: number; leadUnit: string }
  | { ok: false; reason: string };

const HOW = '牵头单位报告该事项“已完成”并经督查室审核通过后，方可销号。';

/**
 * The one rule for 销号: the latest entry of the task's lead unit in a report whose standing
 * (core/reporting/standing.ts) is accepted says completed. Reads on `db` (a transaction's or not).
 */
export async function closability(
  db: Db,
  task: Pick<ClosureRow, 'id' | 'org_id' | 'closed_on'>,
  at: Today,
): Promise<Closability> {
  if (task.closed_on !== null) return { ok: false, reason: '该事项已销号' };
  const lead = await leadUnitOf(db, task.id);
  if (!lead) return { ok: false, reason: '该事项没有牵头单位，无法确认完成情况，不能销号' };
  const [entries, calendar] = await Promise.all([entriesOfUnit(db, task.id, lead.id), calendarOf(db, task.org_id)]);
  const accepted = entries.filter(
    (e) => reportStanding(historyOf(e), periodDates(e), { today: at.today, calendar }).kind === 'accepted',
  );
  const latest = accepted.at(-1); // in period order
  const refused = '该事项尚无经督查室审核通过的“已完成”报告，不能销号';
  if (!latest) return { ok: false, reason: `${refused}：牵头单位（${lead.name}）还没有经督查室审核通过的报告。${HOW}` };
  if (latest.status !== 'completed') {
    return {
      ok: false,
      reason: `${refused}：牵头单位（${lead.name}）最近一次经审核通过的报告（${latest.label}）填报为“${PROGRESS_STATUS_LABELS[latest.status]}”。${HOW}`,
    };
  }
  return {
    ok: true,
    period: { position: latest.position, label: latest.label },
    reportId: latest.report_id,
    progressId: latest.progress_id,
    leadUnit: lead.name,
  };
}

/** What the task page says about closing: may the office close it, and if not, why (null when closed already). */
export async function closeOption(ctx: AppContext, task: Pick<ClosureRow, 'id' | 'org_id' | 'closed_on'>) {
  if (task.closed_on !== null) return { canClose: false, closeBlockedReason: null };
  const c = await closability(ctx.db, task, { today: ctx.clock.today() });
  return { canClose: c.ok, closeBlockedReason: c.ok ? null : c.reason };
}

async function unitIdsOf(trx: Db, taskId: number) {
  return (await trx.selectFrom('task_units').select('unit_id').where('task_id', '=', taskId).execute()).map(
    (u) => u.unit_id,
  );
}

/** The office closes (销号) a task (policy action task.write; the route authorised the record). */
export async function closeTask(ctx: AppContext, actor: Actor, taskId: number, body: z.infer<typeof taskCloseBody>) {
  return inTransaction(ctx, async (trx) => {
    const task = await findClosureRow(trx, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    if (task.closed_on !== null)
      throw new AppError('TASK_ALREADY_CLOSED', {
        zh: `${task.closed_on}由${task.closed_by_name ?? '督查室'}销号`,
        en: `closed on ${task.closed_on}`,
      });
    const today = ctx.clock.today();
    const c = await closability(trx, task, { today });
    if (!c.ok)
      throw new AppError('TASK_NOT_CLOSABLE', {
        zh: c.reason,
        en: 'no accepted report of the lead unit says the task is completed',
        complete: true,
      });
    const note = body.note?.trim() || null;
    // Two offices closing at once: the second finds it closed (PostgreSQL waits on the row).
    const closed = await trx
      .updateTable('tasks')
      .set({
        closed_on: today,
        closed_after_position: c.period.position,
        closed_by_name: actor.name,
        closed_at: new Date().toISOString(),
        close_note: note,
      })
      .where('id', '=', taskId)
      .where('closed_on', 'is', null)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw new AppError('TASK_ALREADY_CLOSED');
    const later = (await laterUnsentEntries(trx, taskId, task.notice_id, c.period.position)).filter((e) => e.untouched);
    const removedReports = await removeEntries(trx, later);
    const unitIds = await unitIdsOf(trx, taskId);
    await notifyUnits(trx, task.org_id, unitIds, {
      kind: 'task',
      title: '事项已销号，今后各期无需再报送',
      body: `${c.period.label}报告已完成并经督查室审核通过，督查室于${today}销号。${note ? `说明：${note}` : ''}`,
      link: `/tasks/${taskId}`,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: task.org_id,
      action: 'task.close',
      entity: 'task',
      entityId: taskId,
      before: { closedOn: null },
      after: {
        closedOn: today,
        periodLabel: c.period.label,
        closedAfterPosition: c.period.position,
        closingReportId: c.reportId,
        leadUnit: c.leadUnit,
        note,
        removedEntries: later.map((e) => ({
          reportId: e.report_id,
          unitName: e.unit_name,
          periodLabel: e.period_label,
        })),
        removedReports,
      },
    });
    return { closedOn: today, periodLabel: c.period.label };
  });
}

/**
 * 撤销销号: the task is asked for again from the period after its closing one. Reports of those
 * periods the unit can still edit get their entry back; reports already with the head or the
 * office are left as they are.
 */
export async function reopenTask(ctx: AppContext, actor: Actor, taskId: number, body: z.infer<typeof taskReopenBody>) {
  return inTransaction(ctx, async (trx) => {
    const task = await findClosureRow(trx, taskId);
    if (!task) throw new AppError('NOT_FOUND');
    if (task.closed_on === null || task.closed_after_position === null) throw new AppError('TASK_NOT_CLOSED');
    const reason = body.reason.trim();
    if (!reason)
      throw new AppError('REASON_REQUIRED', { zh: '请填写撤销销号的理由', en: 'give the reason for reopening' });
    const reopened = await trx
      .updateTable('tasks')
      .set({ closed_on: null, closed_after_position: null, closed_by_name: null, closed_at: null, close_note: null })
      .where('id', '=', taskId)
      .where('closed_on', '=', task.closed_on)
      .executeTakeFirst();
    if (Number(reopened.numUpdatedRows) === 0) throw new AppError('TASK_NOT_CLOSED');
    const now = new Date().toISOString();
    const added: { reportId: number; unitId: number; periodLabel: string }[] = [];
    for (const r of await laterEditableReports(trx, taskId, task.notice_id, task.closed_after_position)) {
      const entry = (await tasksToReport(trx, r.unit_id, r)).find((t) => t.taskId === taskId);
      if (!entry) continue; // reported through a linked task, or not asked of that period
      await trx
        .insertInto('task_progress')
        .values({
          org_id: task.org_id,
          report_id: r.report_id,
          task_id: taskId,
          unit_role: entry.role,
          task_version: entry.version,
          updated_at: now,
        })
        .execute();
      added.push({ reportId: r.report_id, unitId: r.unit_id, periodLabel: r.label });
    }
    await notifyUnits(trx, task.org_id, await unitIdsOf(trx, taskId), {
      kind: 'task',
      title: '事项已撤销销号，请在今后各期继续报送',
      body: `撤销理由：${reason}`,
      link: `/tasks/${taskId}`,
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: task.org_id,
      action: 'task.reopen',
      entity: 'task',
      entityId: taskId,
      before: {
        closedOn: task.closed_on,
        closedAfterPosition: task.closed_after_position,
        closedByName: task.closed_by_name,
        closedAt: task.closed_at,
        note: task.close_note,
      },
      after: { closedOn: null, reason, addedEntries: added },
    });
  });
}
