import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { AppError } from '../errors/app-error';
import { notifyUnits } from '../notifications/notify';
import type { Standing } from '../../core/reporting/standing';
import type { Period } from '../reporting/periods.repository';
import { getSetting } from '../settings/settings.service';
import { periodStandings } from '../reporting/standings';
import { resolveAudience } from './audience';
import { deliveriesFor, enqueueDeliveries, messageText } from './deliveries';
import { wakeSender } from './scheduler';

/**
 * Urging is for a report the office is still waiting for (core/reporting/standing.ts): not for one
 * that reached the office (unless it was returned and is being corrected), nor an exempt unit.
 * The one rule for a single urge (refused) and a bulk urge (the unit skipped, the batch goes on).
 */
export function urgeRefusal(unitName: string, period: Pick<Period, 'label'>, standing: Standing): AppError | null {
  if (standing.kind !== 'exempt' && (!standing.reached || standing.kind === 'returned')) return null;
  return new AppError('URGE_NOT_NEEDED', {
    zh: `${unitName}${period.label}报告${standing.text}`,
    en: `the unit's report stands ${standing.kind}: nothing to urge`,
  });
}

/** The notice every urge carries, single or bulk. */
export const urgeTitle = (period: Pick<Period, 'label'>) => `【催办】${period.label}进展报送`;

/**
 * The office urges a unit by hand (人工催办): an urge record, the unit's people told in the app,
 * and a message on every configured channel (sent by the sender loop, with retries). Audited.
 */
export async function urgeUnit(
  ctx: AppContext,
  actor: Actor & { orgId: number },
  period: Period,
  unitId: number,
  message: string,
) {
  const unit = await ctx.db
    .selectFrom('units')
    .select(['id', 'name', 'org_id'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit || unit.org_id !== period.org_id) throw new AppError('NOT_FOUND');
  const responsible = await ctx.db
    .selectFrom('task_units')
    .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
    .select('task_units.unit_id')
    .where('tasks.notice_id', '=', period.notice_id)
    .where('task_units.unit_id', '=', unitId)
    .executeTakeFirst();
  if (!responsible) throw new AppError('REPORT_NOT_RESPONSIBLE');
  const standing = (await periodStandings(ctx, period)).find((u) => u.unitId === unitId)?.standing;
  const refusal = standing ? urgeRefusal(unit.name, period, standing) : null;
  if (refusal) throw refusal;

  const settings = await getSetting(ctx.db, period.org_id, 'channels');
  const { people } = await resolveAudience(ctx.db, period.org_id, {
    noticeId: period.notice_id,
    unitId,
    audience: 'unit',
  });
  const planned = deliveriesFor(settings, ctx.config.messaging, people);
  const title = urgeTitle(period);
  const result = await inTransaction(ctx, async (trx) => {
    const urge = await trx
      .insertInto('urges')
      .values({
        org_id: period.org_id,
        period_id: period.id,
        unit_id: unitId,
        reminder_id: null,
        mode: 'manual',
        message,
        channels_json: JSON.stringify(['in_app', ...planned.map((d) => d.channel)]),
        created_by: actor.userId,
        created_by_name: actor.name,
        business_date: ctx.clock.today(),
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await notifyUnits(trx, period.org_id, [unitId], {
      kind: 'urge.manual',
      title,
      body: message,
      link: `/reports?period=${period.id}`,
    });
    await enqueueDeliveries(trx, period.org_id, { urgeId: urge.id }, planned, {
      subject: title,
      text: messageText(message, unit.name, people),
    });
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId: period.org_id,
      action: 'urge.create',
      entity: 'urge',
      entityId: urge.id,
      after: { periodId: period.id, unitId, message, channels: planned.map((d) => d.channel) },
    });
    return { urgeId: urge.id, notified: people.length, deliveries: planned };
  });
  wakeSender();
  return result;
}
