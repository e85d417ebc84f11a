import { planPeriods } from '../../core/reporting/periods';
import { periodWindows, scheduledStatus } from '../../core/reporting/period-schedule';
import { getSetting } from '../settings/settings.service';
import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import type { PeriodStatus } from '../db/schema';
import { AppError } from '../errors/app-error';
import { calendarOf } from '../calendar/calendar.service';
import { periodPlan } from './period-schedule.service';
import { effectiveDeadline, findPeriod, insertPeriods, type Period } from './periods.repository';
import { staleVersion } from '../errors/stale-version';

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
  // The schedule opens the first period at import (core/reporting/period-schedule.ts); later ones
  // open by themselves on their day.
  const [calendar, schedule] = await Promise.all([calendarOf(trx, orgId), getSetting(trx, orgId, 'periodSchedule')]);
  const windows = periodWindows(
    plans.map((p) => ({ position: p.position, effectiveDeadline: effectiveDeadline({ deadline: p.deadline, extended_deadline: null }, calendar), pastAtImport: p.pastAtImport })),
    schedule,
  );
  await insertPeriods(
    trx,
    orgId,
    noticeId,
    plans.map((p) => ({ ...p, status: scheduledStatus('planned', windows.get(p.position)!, today, schedule) ?? 'planned' })),
    ctx.clock.now().toISOString(),
  );
}

const NEXT: Record<'open' | 'close', { from: PeriodStatus[]; to: PeriodStatus }> = {
  open: { from: ['planned', 'closed'], to: 'open' },
  close: { from: ['open'], to: 'closed' },
};

/**
 * Every change by the office moves the period to its next version. An edit (the extension) names
 * the version it was made against and is refused when someone else changed the period since
 * (issue 17, finding 11); opening and closing are guarded by the status they start from instead.
 */
async function changePeriod(ctx: AppContext, actor: Actor, before: Period, action: string, patch: Partial<Period>, loadedVersion?: number) {
  return inTransaction(ctx, async (trx) => {
    const { version: _version, ...fields } = patch;
    const moved = await trx
      .updateTable('periods')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1), updated_at: new Date().toISOString() }))
      .where('id', '=', before.id)
      .where('version', '=', loadedVersion ?? before.version)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) {
      throw staleVersion({ zh: `报送期“${before.label}”`, en: `period ${before.id}` });
    }
    const after = (await findPeriod(trx, before.id))!;
    await appendAudit(trx, ctx.engine, { actor, orgId: before.org_id, action, entity: 'period', entityId: before.id, before, after });
    return after;
  });
}

export async function openOrClosePeriod(ctx: AppContext, actor: Actor, period: Period, action: 'open' | 'close') {
  const rule = NEXT[action];
  if (!rule.from.includes(period.status)) {
    throw new AppError('PERIOD_WRONG_STATE', { zh: `当前状态：${period.status}`, en: `status is ${period.status}` });
  }
  const now = new Date().toISOString();
  // By hand. Opening before its closing day keeps the period on the schedule (it still closes by
  // itself); closing it, or reopening it after its closing day, leaves it as the office set it.
  const window = (await periodPlan(ctx.db, period.org_id, ctx.clock.today())).find((r) => r.period.id === period.id)?.window;
  const staysOnSchedule = action === 'open' && window !== undefined && ctx.clock.today() <= window.closesOn;
  return changePeriod(ctx, actor, period, `period.${action}`, {
    status: rule.to,
    status_set_by: staysOnSchedule ? 'auto' : 'office',
    ...(action === 'open' ? { opened_at: now, closed_at: null } : { closed_at: now }),
  });
}

export async function extendPeriod(ctx: AppContext, actor: Actor, period: Period, input: { deadline: string; reason: string; version: number }) {
  if (input.version !== period.version) {
    throw staleVersion({ zh: `报送期“${period.label}”`, en: `period ${period.id}` });
  }
  if (period.status === 'closed') throw new AppError('PERIOD_WRONG_STATE', { zh: '报送期已关闭', en: 'the period is closed' });
  if (input.reason.trim() === '') throw new AppError('REASON_REQUIRED');
  const current = effectiveDeadline(period, await calendarOf(ctx.db, period.org_id));
  if (input.deadline <= current) {
    throw new AppError('PERIOD_EXTEND_INVALID', { zh: `当前截止日期为 ${current}，延期后的日期须晚于它`, en: `current deadline ${current}` });
  }
  return changePeriod(ctx, actor, period, 'period.extend', { extended_deadline: input.deadline, extension_reason: input.reason.trim() }, input.version);
}
