import { periodWindows, scheduledStatus, type PeriodWindow } from '../../core/reporting/period-schedule';
import { systemActor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { calendarOf } from '../calendar/calendar.service';
import { inTransaction, type AppContext } from '../context';
import type { Db } from '../db/connection';
import { groupBy } from '../../core/group-by';
import { getSetting } from '../settings/settings.service';
import { effectiveDeadline, type Period } from './periods.repository';

/**
 * The server side of core/reporting/period-schedule.ts: reads an organisation's periods, its
 * calendar and schedule setting, and says (or applies) what the schedule wants today. Run at
 * start, by the scheduler with every reminder sweep, and before `duban remind`; a period the
 * office set by hand (status_set_by = 'office') is left alone.
 */
export const SCHEDULE_ACTOR = '系统（报送期自动开启/关闭）';

export type PeriodPlanRow = { period: Period; window: PeriodWindow & { autoOpens: boolean }; target: 'open' | 'closed' | null };

/** Each period of the organisation with its schedule window and the status the schedule wants on `today`. */
export async function periodPlan(db: Db, orgId: number, today: string): Promise<PeriodPlanRow[]> {
  const [periods, calendar, schedule] = await Promise.all([
    db.selectFrom('periods').selectAll().where('org_id', '=', orgId).orderBy('notice_id').orderBy('position').execute(),
    calendarOf(db, orgId),
    getSetting(db, orgId, 'periodSchedule'),
  ]);
  const out: PeriodPlanRow[] = [];
  for (const ofNotice of groupBy(periods, (p) => p.notice_id).values()) {
    const windows = periodWindows(
      ofNotice.map((p) => ({ position: p.position, effectiveDeadline: effectiveDeadline(p, calendar), pastAtImport: p.past_at_import === 1 })),
      schedule,
    );
    for (const p of ofNotice) {
      const window = windows.get(p.position)!;
      out.push({ period: p, window, target: p.status_set_by === 'auto' ? scheduledStatus(p.status, window, today, schedule) : null });
    }
  }
  return out;
}

/** The status every period of the organisation has on `today` once the schedule has run (for a dry run that writes nothing). */
export async function statusesOn(db: Db, orgId: number, today: string): Promise<Map<number, Period['status']>> {
  return new Map((await periodPlan(db, orgId, today)).map((r) => [r.period.id, r.target ?? r.period.status]));
}

/**
 * Opens and closes what the schedule says is due, each change audited as the system's, in one
 * transaction per organisation. Idempotent: a second run (or another instance) finds nothing to do.
 */
export async function advancePeriods(ctx: AppContext, opts: { orgId?: number } = {}): Promise<{ periodId: number; label: string; to: 'open' | 'closed' }[]> {
  const today = ctx.clock.today();
  let q = ctx.db.selectFrom('periods').select('org_id').distinct().where('status', '!=', 'closed').where('status_set_by', '=', 'auto');
  if (opts.orgId !== undefined) q = q.where('org_id', '=', opts.orgId);
  const orgs = (await q.execute()).map((r) => r.org_id);
  const changed: { periodId: number; label: string; to: 'open' | 'closed' }[] = [];
  for (const orgId of orgs) {
    const due = (await periodPlan(ctx.db, orgId, today)).filter((r) => r.target !== null);
    if (due.length === 0) continue;
    await inTransaction(ctx, async (trx) => {
      const now = new Date().toISOString();
      for (const { period, target } of due) {
        // Only if nobody changed it meanwhile (another instance, or the office by hand).
        const moved = await trx
          .updateTable('periods')
          .set({ status: target!, updated_at: now, ...(target === 'open' ? { opened_at: now, closed_at: null } : { closed_at: now, ...(period.status === 'planned' ? { opened_at: now } : {}) }) })
          .where('id', '=', period.id)
          .where('status', '=', period.status)
          .where('status_set_by', '=', 'auto')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) continue;
        await appendAudit(trx, ctx.engine, {
          actor: { ...systemActor(SCHEDULE_ACTOR), orgId },
          orgId,
          action: target === 'open' ? 'period.auto_open' : 'period.auto_close',
          entity: 'period',
          entityId: period.id,
          before: { status: period.status },
          after: { status: target, businessDate: today },
        });
        changed.push({ periodId: period.id, label: period.label, to: target! });
      }
    });
  }
  return changed;
}
