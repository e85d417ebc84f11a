import { TRANSITIONS, type ReportTransition } from '../../core/reporting/states';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { beijingDate } from '../clock';
import { inTransaction, type AppContext } from '../context';
import type { Updateable } from 'kysely';
import type { UnitReportsTable } from '../db/schema';
import { AppError } from '../errors/app-error';
import { findPeriod } from './periods.repository';
import { refuseMissingEvidence } from './evidence-requirement';
import { completenessEntries, findReport, type Report } from './reports.repository';
import { describeMissing, reportCompleteness } from '../../core/reporting/completeness';
import { getSetting } from '../settings/settings.service';
import { notifyOffice, notifyUnitHeads, notifyUnits } from '../notifications/notify';
import type { Db } from '../db/connection';

/** Who hears of a move: the head when a draft awaits approval, the office when a report arrives, the unit otherwise. */
async function notifyTransition(trx: Db, report: Report, transition: ReportTransition, input: TransitionInput) {
  const period = (await findPeriod(trx, report.period_id))!;
  const unit = await trx.selectFrom('units').select('name').where('id', '=', report.unit_id).executeTakeFirstOrThrow();
  const link = `/unit/report/${report.period_id}`;
  switch (transition) {
    case 'submit':
      return notifyUnitHeads(trx, report.org_id, report.unit_id, { kind: 'report', title: `${period.label}报告待您审定`, link });
    case 'approve':
      return notifyOffice(trx, report.org_id, { kind: 'report', title: `${unit.name}报送了${period.label}报告`, link: `/office/reports/${report.id}` });
    case 'head_return':
      return notifyUnits(trx, report.org_id, [report.unit_id], { kind: 'report', title: `${period.label}报告被单位负责人退回`, body: input.reason ?? '', link });
    case 'office_return':
      return notifyUnits(trx, report.org_id, [report.unit_id], {
        kind: 'report',
        title: `${period.label}报告被督查室退回${input.invalid ? '（不作为有效报送）' : '修改'}`,
        body: [input.reason ?? '', input.resubmitBy ? `请于${input.resubmitBy}前修改后重新报送。` : ''].filter(Boolean).join('\n'),
        link,
      });
    case 'accept':
      return notifyUnits(trx, report.org_id, [report.unit_id], { kind: 'report', title: `${period.label}报告已通过督查室审核`, link });
    case 'withdraw':
      return notifyUnitHeads(trx, report.org_id, report.unit_id, { kind: 'report', title: `${period.label}报告已由经办人撤回修改`, link });
    case 'head_withdraw':
      return notifyOffice(trx, report.org_id, { kind: 'report', title: `${unit.name}撤回了${period.label}报告`, link: `/office/reports/${report.id}` });
  }
}

export type TransitionInput = {
  /** The report version the person acted on: acting on a report that moved meanwhile is refused. */
  version: number;
  reason?: string;
  /** office_return: the office's reason per task (an overall reason or at least one of these). */
  taskReasons?: { taskId: number; reason: string }[];
  /** office_return: the date the office asks for the report back by. */
  resubmitBy?: string | null;
  /**
   * office_return: the office rules the report not a valid report (a blank or wrong report): its
   * arrival no longer counts, and the unit has not reported until it comes back. Otherwise a return
   * keeps the report's first arrival and its lateness (core/reporting/standing.ts).
   */
  invalid?: boolean;
};

/** Submit is refused while an item the period asks about lacks its status or 进展情况 (core/reporting/completeness.ts). */
async function refuseIncomplete(ctx: AppContext, report: Report) {
  const [entries, policy] = await Promise.all([completenessEntries(ctx.db, report), getSetting(ctx.db, report.org_id, 'reportCompleteness')]);
  const { missing } = reportCompleteness(entries, policy);
  if (missing.length > 0) {
    throw new AppError('REPORT_INCOMPLETE', {
      zh: describeMissing(missing),
      en: `${missing.length} item(s) incomplete`,
      complete: true,
      current: { missing },
    });
  }
}

type Patch = Omit<Updateable<UnitReportsTable>, 'id' | 'version' | 'created_at'>;

/**
 * Moves a report along its life (core/reporting/states.ts): checks the state and the version,
 * records who and when, computes lateness when the head approves it to the office, and audits
 * the move, all in one transaction. Role and unit were checked by the policy layer.
 */
export async function transitionReport(ctx: AppContext, actor: Actor, report: Report, transition: ReportTransition, input: TransitionInput) {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(report.state)) {
    throw new AppError('REPORT_WRONG_STATE', {
      zh: `报告当前为“${report.state}”，不能“${rule.label}”`,
      en: `report is ${report.state}; ${transition} needs ${rule.from.join(' or ')}`,
    });
  }
  const now = ctx.clock.now();
  const patch: Patch = { state: rule.to, updated_at: new Date().toISOString() };
  switch (transition) {
    case 'submit':
      // Who returned it and why stay until the head approves: the head reads them, and a clerk who
      // withdraws the submission finds them again.
      await refuseIncomplete(ctx, report);
      await refuseMissingEvidence(ctx.db, report);
      Object.assign(patch, { submitted_at: now.toISOString(), submitted_by: actor.userId });
      break;
    case 'approve':
      // The first arrival is kept: a resubmission after a return does not move it. What the arrival
      // was before is kept too, for the head's withdrawal (head_withdraw) to put back.
      Object.assign(patch, {
        approved_at: now.toISOString(),
        approved_by: actor.userId,
        first_reached_on: report.first_reached_on ?? beijingDate(now),
        invalid_return: 0,
        reached_on_before_approval: report.first_reached_on,
        invalid_before_approval: report.invalid_return,
        return_reason: null,
        returned_by_role: null,
      });
      break;
    case 'withdraw':
      Object.assign(patch, { submitted_at: null, submitted_by: null });
      break;
    case 'head_withdraw':
      // The report stands as it did before the approval (core/reporting/standing.ts reads these).
      Object.assign(patch, {
        approved_at: null,
        approved_by: null,
        first_reached_on: report.reached_on_before_approval,
        invalid_return: report.invalid_before_approval,
      });
      break;
    case 'head_return':
      if (!input.reason?.trim()) throw new AppError('REASON_REQUIRED');
      Object.assign(patch, { return_reason: input.reason.trim(), returned_by_role: 'unit_head' });
      break;
    case 'accept':
      Object.assign(patch, { reviewed_at: now.toISOString(), reviewed_by: actor.userId });
      break;
    case 'office_return':
      if (!input.reason?.trim() && !input.taskReasons?.some((r) => r.reason.trim())) {
        throw new AppError('REASON_REQUIRED', { zh: '请填写退回理由（总体意见或至少一个事项的意见）', en: 'give an overall reason or a reason for at least one task' });
      }
      if (input.resubmitBy && input.resubmitBy < ctx.clock.today()) {
        throw new AppError('VALIDATION_FAILED', { zh: `重新报送日期不能早于今天（${ctx.clock.today()}）`, en: 'the resubmission date is in the past' });
      }
      Object.assign(patch, {
        reviewed_at: now.toISOString(),
        reviewed_by: actor.userId,
        return_reason: input.reason?.trim() || null,
        returned_by_role: 'office',
        office_returns: report.office_returns + 1,
        resubmit_by: input.resubmitBy ?? null,
        ...(input.invalid ? { invalid_return: 1, first_reached_on: null } : { invalid_return: 0 }),
      });
      break;
  }
  return inTransaction(ctx, async (trx) => {
    const moved = await trx
      .updateTable('unit_reports')
      .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
      .where('id', '=', report.id)
      .where('version', '=', input.version)
      .where('state', '=', report.state)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      const current = await findReport(trx, report.id);
      throw new AppError('EDIT_CONFLICT', {
        zh: '报告已被他人处理，请刷新后查看',
        en: 'the report changed meanwhile',
        current: current && { state: current.state, version: current.version },
      });
    }
    if (transition === 'office_return') {
      for (const r of input.taskReasons ?? []) {
        await trx
          .updateTable('task_progress')
          .set({ office_comment: r.reason.trim() || null })
          .where('report_id', '=', report.id)
          .where('task_id', '=', r.taskId)
          .execute();
      }
    }
    if (transition === 'approve') {
      // The office's per-task reasons stay visible until the unit's head sends the report back to it.
      await trx.updateTable('task_progress').set({ office_comment: null }).where('report_id', '=', report.id).execute();
    }
    const after = (await findReport(trx, report.id))!;
    await notifyTransition(trx, report, transition, input);
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: report.org_id,
      action: `report.${transition}`,
      entity: 'unit_report',
      entityId: report.id,
      before: { state: report.state, version: report.version },
      after: {
        state: after.state,
        version: after.version,
        firstReachedOn: after.first_reached_on,
        reason: input.reason,
        taskReasons: input.taskReasons,
        ...(transition === 'office_return' ? { resubmitBy: after.resubmit_by, invalid: input.invalid === true } : {}),
      },
    });
    return after;
  });
}
