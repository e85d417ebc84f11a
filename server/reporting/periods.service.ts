import { planPeriods } from '../../core/reporting/periods';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import { AppError } from '../errors/app-error';
import { effectiveDeadline, findPeriod, insertPeriods, type Period } from './periods.repository';

/**
 * Creates a notice's periods at import. A deadline that had already passed when the notice was
 * issued (the seed's Q1 deadline, 1 April, is the day before its 2 April issue date) or when it
 * is imported is flagged for the office rather than silently treated like the others.
 */
export async function createPeriodsForNotice(
  trx: Db,
  ctx: AppContext,
  orgId: number,
  noticeId: number,
  notice: { year: number; issuedDate: string | null; deadlines: string[] },
) {
  const today = ctx.clock.today();
  const plans = planPeriods(notice.year, notice.deadlines).map((p) => ({
    ...p,
    pastAtImport: p.deadline < today || (notice.issuedDate !== null && p.deadline < notice.issuedDate),
  }));
  await insertPeriods(trx, orgId, noticeId, plans);
}

const NEXT: Record<'open' | 'close', { from: PeriodStatus[]; to: PeriodStatus }> = {
  open: { from: ['planned', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

async function changePeriod(ctx: AppContext, actor: Actor, before: Period, action: string, patch: Partial<Period>) {
  return inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('periods')
      .set({ ...patch, updated_at: new Date().toISOString() })
      .where('id', '=', before.id)
      .execute();
    const after = (await findPeriod(trx, before.id))!;
    await appendAudit(trx, ctx.engine, { actor, orgId: before.org_id, action, entity: 'period', entityId: before.id, before, after });
    return after;
  });
}

export function openOrClosePeriod(ctx: AppContext, actor: Actor, period: Period, action: 'open' | 'close') {
  const rule = NEXT[action];
  if (!rule.from.includes(period.status)) {
    throw new AppError('PERIOD_WRONG_STATE', { zh: `当前状态：${period.status}`, en: `status is ${period.status}` });
  }
  const now = new Date().toISOString();
  return changePeriod(ctx, actor, period, `period.${action}`, {
    status: rule.to,
    ...(action === 'open' ? { opened_at: now, closed_at: null } : { closed_at: now }),
  });
}

export function extendPeriod(ctx: AppContext, actor: Actor, period: Period, input: { deadline: string; reason: string }) {
  if (period.status === 'closed') throw new AppError('PERIOD_WRONG_STATE', { zh: '报送期已关闭', en: 'the period is closed' });
  if (input.reason.trim() === '') throw new AppError('REASON_REQUIRED');
  if (input.deadline <= effectiveDeadline(period)) {
    throw new AppError('PERIOD_EXTEND_INVALID', { zh: `当前截止日期为 ${effectiveDeadline(period)}`, en: `current deadline ${effectiveDeadline(period)}` });
  }
  return changePeriod(ctx, actor, period, 'period.extend', { extended_deadline: input.deadline, extension_reason: input.reason.trim() });
}
