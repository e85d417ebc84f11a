import { CHANNEL_LABELS, type Channel } from '../../core/api/reminders';
import { plannedReminders, type PlannedReminder } from '../../core/supervision/reminders';
import { inTransaction, type AppContext } from '../context';
import { notifyLeaders, notifyUnitHeads, notifyUnits } from '../notifications/notify';
import { calendarOf } from '../calendar/calendar.service';
import { effectiveDeadline } from '../reporting/periods.repository';
import { standingsOfPeriods } from '../reporting/standings';
import { advancePeriods, statusesOn } from '../reporting/period-schedule.service';
import { getSetting } from '../settings/settings.service';
import { resolveAudience, type Recipient } from './audience';
import { deliveriesFor, enqueueDeliveries, messageText, type PlannedDelivery } from './deliveries';

/**
 * The reminder sweep: today's plan (core/supervision/reminders.ts) for every organisation with
 * open periods, each reminder recorded under its stable key with INSERT … ON CONFLICT DO NOTHING.
 * Only the caller whose insert succeeded notifies and enqueues the channel deliveries, so a
 * reminder goes out once however many instances sweep, and however often.
 */
export const AUTO_URGE_BY = '系统自动催办';

export type ReminderPlanItem = PlannedReminder & {
  orgId: number;
  noticeId: number;
  periodLabel: string;
  unitName: string;
  people: Recipient[];
  leaderIds: number[];
  deliveries: PlannedDelivery[];
};

async function planForOrg(ctx: AppContext, orgId: number, today: string): Promise<ReminderPlanItem[]> {
  const db = ctx.db;
  // The periods open on `today` as the schedule has it (core/reporting/period-schedule.ts): a dry
  // run writes nothing, so it does not wait for the sweep to open them.
  const statuses = await statusesOn(db, orgId, today);
  const periods = (await db.selectFrom('periods').selectAll().where('org_id', '=', orgId).orderBy('id').execute())
    .map((p) => ({ ...p, status: statuses.get(p.id) ?? p.status }))
    .filter((p) => p.status === 'open');
  if (periods.length === 0) return [];
  // Where each unit's report stands (core/reporting/standing.ts): units whose report reached the
  // office are not reminded (a returned report reached it), exempt units are not asked.
  const calendar = await calendarOf(db, orgId);
  const standings = await standingsOfPeriods(ctx, periods, { today, calendars: new Map([[orgId, calendar]]) });
  const units = [...standings.values()]
    .flat()
    .filter((u) => u.standing.kind !== 'exempt')
    .map((u) => ({ periodId: u.periodId, unitId: u.unitId, unitName: u.unitName, reached: u.standing.reached }));
  const schedule = await getSetting(db, orgId, 'reminderSchedule');
  const channels = await getSetting(db, orgId, 'channels');
  const plan = plannedReminders(
    {
      today,
      calendar,
      periods: periods.map((p) => ({ id: p.id, label: p.label, deadline: effectiveDeadline(p, calendar), status: p.status })),
      units,
    },
    schedule,
  );
  const out: ReminderPlanItem[] = [];
  for (const r of plan) {
    const period = periods.find((p) => p.id === r.periodId)!;
    const { people, leaderIds } = await resolveAudience(db, orgId, {
      noticeId: period.notice_id,
      unitId: r.unitId,
      audience: r.audience,
    });
    out.push({
      ...r,
      orgId,
      noticeId: period.notice_id,
      periodLabel: period.label,
      unitName: units.find((u) => u.unitId === r.unitId && u.periodId === r.periodId)!.unitName,
      people,
      leaderIds,
      deliveries: deliveriesFor(channels, ctx.config.messaging, people),
    });
  }
  return out;
}

/** What today's sweep would send, for every organisation (or one); reads only. */
export async function planReminders(
  ctx: AppContext,
  opts: { orgId?: number; today?: string } = {},
): Promise<ReminderPlanItem[]> {
  const today = opts.today ?? ctx.clock.today();
  let q = ctx.db.selectFrom('periods').select('org_id').distinct().where('status', '!=', 'closed');
  if (opts.orgId !== undefined) q = q.where('org_id', '=', opts.orgId);
  const orgs = await q.orderBy('org_id').execute();
  const out: ReminderPlanItem[] = [];
  for (const { org_id } of orgs) out.push(...(await planForOrg(ctx, org_id, today)));
  return out;
}

/**
 * Records one planned reminder; null when another sweep (this or another instance) already did.
 * The reminder, its urge and its in-app notices are stamped with the business clock (the 催办记录
 * and the bell read on the same calendar as the deadlines); the outbox's times stay technical.
 */
async function recordReminder(ctx: AppContext, item: ReminderPlanItem, today: string) {
  const createdAt = ctx.clock.now().toISOString();
  return inTransaction(ctx, async (trx) => {
    const inserted = await trx
      .insertInto('reminders')
      .values({
        org_id: item.orgId,
        key: item.key,
        kind: item.kind,
        period_id: item.periodId,
        unit_id: item.unitId,
        audience: item.audience,
        days_to_deadline: item.daysToDeadline,
        title: item.title,
        body: item.body,
        business_date: today,
        recipients_json: JSON.stringify(item.people.map((p) => p.name)),
        created_at: createdAt,
      })
      .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    const notice = {
      kind: `reminder.${item.kind}`,
      title: item.title,
      body: item.body,
      link: `/reports?period=${item.periodId}`,
    };
    if (item.audience === 'unit') await notifyUnits(trx, item.orgId, [item.unitId], notice);
    else if (item.audience === 'unit_head') await notifyUnitHeads(trx, item.orgId, item.unitId, notice);
    else {
      await notifyLeaders(trx, item.orgId, item.leaderIds, notice);
      await notifyUnits(trx, item.orgId, [item.unitId], notice);
    }
    let urgeId: number | null = null;
    if (item.kind === 'overdue_urge') {
      const urge = await trx
        .insertInto('urges')
        .values({
          org_id: item.orgId,
          period_id: item.periodId,
          unit_id: item.unitId,
          reminder_id: inserted.id,
          mode: 'auto',
          message: item.body,
          channels_json: JSON.stringify(['in_app', ...item.deliveries.map((d) => d.channel)]),
          created_by: null,
          created_by_name: AUTO_URGE_BY,
          business_date: today,
          created_at: createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      urgeId = urge.id;
    }
    await enqueueDeliveries(trx, item.orgId, { reminderId: inserted.id, urgeId }, item.deliveries, {
      subject: item.title,
      text: messageText(item.body, item.unitName, item.people),
    });
    return { reminderId: inserted.id, urgeId };
  });
}

export type SweepResult = {
  today: string;
  planned: number;
  recorded: (ReminderPlanItem & { reminderId: number; urgeId: number | null })[];
  alreadyDone: number;
};

export async function sweepReminders(ctx: AppContext, opts: { orgId?: number } = {}): Promise<SweepResult> {
  const today = ctx.clock.today();
  // Periods open and close by themselves first: a period due to open today is reminded today.
  await advancePeriods(ctx, opts);
  const plan = await planReminders(ctx, { ...opts, today });
  const recorded: SweepResult['recorded'] = [];
  for (const item of plan) {
    const r = await recordReminder(ctx, item, today);
    if (r) recorded.push({ ...item, ...r });
  }
  return { today, planned: plan.length, recorded, alreadyDone: plan.length - recorded.length };
}

/** A plan item as the CLI and logs show it. */
export function describePlanItem(item: ReminderPlanItem) {
  return {
    orgId: item.orgId,
    key: item.key,
    kind: item.kind,
    period: item.periodLabel,
    unit: item.unitName,
    audience: item.audience,
    title: item.title,
    people: item.people.map((p) => ({ name: p.name, role: p.role, email: p.email })),
    channels: ['in_app', ...item.deliveries.map((d) => d.channel)] as ('in_app' | Channel)[],
    channelLabels: ['站内通知', ...item.deliveries.map((d) => CHANNEL_LABELS[d.channel])],
  };
}
