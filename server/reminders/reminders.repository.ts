import {
  AUDIENCE_LABELS,
  CHANNEL_LABELS,
  DELIVERY_STATUS_LABELS,
  RECIPIENT_STATUS_LABELS,
  REMINDER_KIND_LABELS,
  type reminderItemSchema,
} from '../../core/api/reminders';
import type { z } from 'zod';
import type { Db } from '../db/connection';
import { selectIn } from '../db/select-in';
import type { Selectable } from 'kysely';
import type { DeliveryRecipientsTable } from '../db/schema';
import type { Delivery } from './deliveries';

type Item = z.infer<typeof reminderItemSchema>;

type RecipientRow = Selectable<DeliveryRecipientsTable>;

function presentDelivery(d: Delivery, recipients: RecipientRow[]) {
  return {
    id: d.id,
    channel: d.channel,
    channelLabel: CHANNEL_LABELS[d.channel],
    target: d.target,
    status: d.status,
    statusLabel: DELIVERY_STATUS_LABELS[d.status],
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
    sentAt: d.sent_at,
    recipients: recipients.map((r) => ({
      name: r.name,
      status: r.status,
      statusLabel: RECIPIENT_STATUS_LABELS[r.status],
      error: r.error,
      readAt: r.read_at,
    })),
  };
}

/**
 * The office's view: recent reminders (an overdue one with its urge) and hand-made urges, each
 * with its channels' delivery status; anything with a failed delivery first, then newest first.
 */
export async function listRecentReminders(db: Db, orgId: number, limit = 100): Promise<Item[]> {
  const reminders = await db
    .selectFrom('reminders')
    .innerJoin('periods', 'periods.id', 'reminders.period_id')
    .innerJoin('units', 'units.id', 'reminders.unit_id')
    .leftJoin('urges', 'urges.reminder_id', 'reminders.id')
    .selectAll('reminders')
    .select([
      'periods.label as period_label',
      'units.name as unit_name',
      'urges.id as urge_id',
      'urges.created_by_name as urge_by',
    ])
    .where('reminders.org_id', '=', orgId)
    .orderBy('reminders.id', 'desc')
    .limit(limit)
    .execute();
  const urges = await db
    .selectFrom('urges')
    .innerJoin('periods', 'periods.id', 'urges.period_id')
    .innerJoin('units', 'units.id', 'urges.unit_id')
    .selectAll('urges')
    .select(['periods.label as period_label', 'units.name as unit_name'])
    .where('urges.org_id', '=', orgId)
    .where('urges.mode', '=', 'manual')
    .orderBy('urges.id', 'desc')
    .limit(limit)
    .execute();
  const reminderIds = reminders.map((r) => r.id);
  const urgeIds = urges.map((u) => u.id);
  const deliveries = [
    ...(reminderIds.length
      ? await db.selectFrom('deliveries').selectAll().where('reminder_id', 'in', reminderIds).orderBy('id').execute()
      : []),
    ...(urgeIds.length
      ? await db
          .selectFrom('deliveries')
          .selectAll()
          .where('urge_id', 'in', urgeIds)
          .where('reminder_id', 'is', null)
          .orderBy('id')
          .execute()
      : []),
  ];
  // Messages to the person: each named person's state, shown under its delivery.
  const recipientRows = await selectIn(
    deliveries.map((d) => d.id),
    (chunk) => db.selectFrom('delivery_recipients').selectAll().where('delivery_id', 'in', chunk).orderBy('id').execute(),
  );
  const byDelivery = new Map<number, RecipientRow[]>();
  for (const r of recipientRows) byDelivery.set(r.delivery_id, [...(byDelivery.get(r.delivery_id) ?? []), r]);
  const present = (d: Delivery) => presentDelivery(d, byDelivery.get(d.id) ?? []);
  const items: Item[] = [
    ...reminders.map((r) => {
      const ds = deliveries.filter((d) => d.reminder_id === r.id).map(present);
      return {
        source: 'reminder' as const,
        id: r.id,
        kind: r.kind,
        kindLabel: REMINDER_KIND_LABELS[r.kind],
        key: r.key,
        period: { id: r.period_id, label: r.period_label },
        unit: { id: r.unit_id, name: r.unit_name },
        audience: r.audience,
        audienceLabel: AUDIENCE_LABELS[r.audience],
        title: r.title,
        body: r.body,
        recipients: JSON.parse(r.recipients_json) as string[],
        urge: r.urge_id ? { id: r.urge_id, mode: 'auto' as const, createdByName: r.urge_by ?? '' } : null,
        businessDate: r.business_date,
        createdAt: r.created_at,
        failed: ds.some((d) => d.status === 'failed'),
        deliveries: ds,
      };
    }),
    ...urges.map((u) => {
      const ds = deliveries.filter((d) => d.urge_id === u.id && d.reminder_id === null).map(present);
      return {
        source: 'urge' as const,
        id: u.id,
        kind: 'manual_urge' as const,
        kindLabel: '人工催办',
        key: null,
        period: { id: u.period_id, label: u.period_label },
        unit: { id: u.unit_id, name: u.unit_name },
        audience: 'unit',
        audienceLabel: AUDIENCE_LABELS.unit,
        title: `【催办】${u.period_label}进展报送`,
        body: u.message,
        recipients: [],
        urge: { id: u.id, mode: 'manual' as const, createdByName: u.created_by_name },
        businessDate: u.business_date,
        createdAt: u.created_at,
        failed: ds.some((d) => d.status === 'failed'),
        deliveries: ds,
      };
    }),
  ];
  items.sort((a, b) => Number(b.failed) - Number(a.failed) || b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return items.slice(0, limit);
}
