import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import { selectIn } from '../db/select-in';
import { AppError } from '../errors/app-error';
import { notifyUnits } from '../notifications/notify';
import type { Period } from '../reporting/periods.repository';
import { periodStandings } from '../reporting/standings';
import { getSetting } from '../settings/settings.service';
import { resolveAudience } from './audience';
import { deliveriesFor, enqueueDeliveries, messageText } from './deliveries';
import { wakeSender } from './scheduler';
import { urgeRefusal, urgeTitle } from './urge.service';

export type BulkUrgeInput = {
  unitIds: readonly number[];
  message: string;
  /** Made by the page for one confirmation: the same request sent again urges nobody twice. */
  requestKey: string;
};

type UnitRef = { unitId: number; unitName: string };

/**
 * 批量催办: the office urges many units of a period with one confirmation — one urge per unit, each
 * as a single urge is (urge record, in-app notice to the unit's people, every configured channel,
 * an audit entry), all in one transaction.
 *
 * - A unit named twice is urged once; a unit already urged under the same request key (the same
 *   request sent twice, even at the same moment) is not urged again: the unique index on
 *   (org, request key, unit) lets only the first insert through and the second request reports it
 *   as already urged.
 * - A unit whose report reached the office or that is exempt (the per-urge rule, urgeRefusal) is
 *   skipped and counted in the answer, so one unit that reported meanwhile does not fail the batch.
 * - A unit that is not of the period's organisation, or not responsible for any task of its notice,
 *   fails the whole request: the page offered only the period's units, so the request is wrong.
 */
export async function urgeUnits(ctx: AppContext, actor: Actor & { orgId: number }, period: Period, input: BulkUrgeInput) {
  const unitIds = [...new Set(input.unitIds)].sort((a, b) => a - b);
  const units = await selectIn(unitIds, (ids) => ctx.db.selectFrom('units').select(['id', 'name', 'org_id']).where('id', 'in', ids).execute());
  const known = new Map(units.filter((u) => u.org_id === period.org_id).map((u) => [u.id, u.name]));
  const unknown = unitIds.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new AppError('NOT_FOUND', {
      zh: `没有编号为 ${unknown.join('、')} 的单位，请刷新页面后重新选择`,
      en: `no units ${unknown.join(', ')} in this organisation`,
    });
  }
  const settings = await getSetting(ctx.db, period.org_id, 'channels');
  const title = urgeTitle(period);
  const businessDate = ctx.clock.today();
  const createdAt = ctx.clock.now().toISOString();

  const result = await inTransaction(ctx, async (trx) => {
    // Where each unit stands, read inside the transaction: a unit that reported a moment ago is skipped.
    const standings = new Map((await periodStandings({ ...ctx, db: trx }, period)).map((s) => [s.unitId, s.standing]));
    const notResponsible = unitIds.filter((id) => !standings.has(id));
    if (notResponsible.length) {
      throw new AppError('REPORT_NOT_RESPONSIBLE', {
        zh: `${notResponsible.map((id) => known.get(id)).join('、')}不是${period.label}所属通知的责任单位，无需催办`,
        en: `units ${notResponsible.join(', ')} have no task in the period's notice`,
      });
    }
    const earlier = new Set(
      (
        await trx
          .selectFrom('urges')
          .select('unit_id')
          .where('org_id', '=', period.org_id)
          .where('request_key', '=', input.requestKey)
          .execute()
      ).map((u) => u.unit_id),
    );
    const urged: (UnitRef & { urgeId: number })[] = [];
    const alreadyUrged: UnitRef[] = [];
    const skipped: (UnitRef & { reason: string })[] = [];
    let notified = 0;
    let deliveries = 0;
    // In unit order: two requests racing on PostgreSQL meet at the same first unit, so neither
    // holds a row the other waits for while it waits itself.
    for (const unitId of unitIds) {
      const unitName = known.get(unitId)!;
      if (earlier.has(unitId)) {
        alreadyUrged.push({ unitId, unitName });
        continue;
      }
      const refusal = urgeRefusal(unitName, period, standings.get(unitId)!);
      if (refusal) {
        skipped.push({ unitId, unitName, reason: standings.get(unitId)!.text });
        continue;
      }
      const { people } = await resolveAudience(trx, period.org_id, { noticeId: period.notice_id, unitId, audience: 'unit' });
      const planned = deliveriesFor(settings, ctx.config.messaging, people);
      const row = await trx
        .insertInto('urges')
        .values({
          org_id: period.org_id,
          period_id: period.id,
          unit_id: unitId,
          reminder_id: null,
          mode: 'manual',
          message: input.message,
          channels_json: JSON.stringify(['in_app', ...planned.map((d) => d.channel)]),
          created_by: actor.userId,
          created_by_name: actor.name,
          business_date: businessDate,
          created_at: createdAt,
          request_key: input.requestKey,
        })
        .onConflict((oc) => oc.columns(['org_id', 'request_key', 'unit_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) {
        // The same request, sent again, committed this unit's urge while this one waited.
        alreadyUrged.push({ unitId, unitName });
        continue;
      }
      await notifyUnits(trx, period.org_id, [unitId], { kind: 'urge.manual', title, body: input.message, link: `/reports?period=${period.id}` });
      await enqueueDeliveries(trx, period.org_id, { urgeId: row.id }, planned, { subject: title, text: messageText(input.message, unitName, people) });
      await appendAudit(trx, ctx.engine, {
        actor,
        orgId: period.org_id,
        action: 'urge.create',
        entity: 'urge',
        entityId: row.id,
        after: { periodId: period.id, unitId, message: input.message, channels: planned.map((d) => d.channel), bulk: { requestKey: input.requestKey, units: unitIds.length } },
      });
      urged.push({ unitId, unitName, urgeId: row.id });
      notified += people.length;
      deliveries += planned.length;
    }
    return { urged, alreadyUrged, skipped, notified, deliveries };
  });
  if (result.deliveries > 0) wakeSender();
  return result;
}

/** How many times each unit was urged in a period (by hand and by the sweep) and on which business day last. */
export async function urgeTallies(ctx: AppContext, period: Pick<Period, 'id' | 'org_id'>) {
  const rows = await ctx.db
    .selectFrom('urges')
    .select(['unit_id', 'mode'])
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('business_date').as('last_on')])
    .where('org_id', '=', period.org_id)
    .where('period_id', '=', period.id)
    .groupBy(['unit_id', 'mode'])
    .execute();
  const out = new Map<number, { unitId: number; count: number; manual: number; auto: number; lastOn: string }>();
  for (const r of rows) {
    const t = out.get(r.unit_id) ?? { unitId: r.unit_id, count: 0, manual: 0, auto: 0, lastOn: '' };
    const n = Number(r.n);
    t.count += n;
    t[r.mode] += n;
    if (String(r.last_on) > t.lastOn) t.lastOn = String(r.last_on);
    out.set(r.unit_id, t);
  }
  return [...out.values()].sort((a, b) => a.unitId - b.unitId);
}
