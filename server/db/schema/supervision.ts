import type { ColumnType, Generated } from 'kysely';
import type { Channel } from '../../../core/api/reminders';
import type { Id, CreatedAt } from './columns';

// Supervision: per-organisation settings and reminders (催办) with their deliveries.

export interface SettingsTable {
  org_id: number;
  key: string;
  value_json: string;
  updated_by_name: string;
  updated_at: string;
  /** Optimistic version (migration 0024): an edit names the one it loaded. */
  version: Generated<number>;
}

export interface RemindersTable {
  id: Id;
  org_id: number;
  key: string;
  kind: 'before_deadline' | 'deadline_day' | 'overdue_urge';
  period_id: number;
  unit_id: number;
  audience: 'unit' | 'unit_head' | 'leaders';
  days_to_deadline: number;
  title: string;
  body: string;
  business_date: string;
  recipients_json: string;
  created_at: CreatedAt;
}

export interface UrgesTable {
  id: Id;
  org_id: number;
  period_id: number;
  unit_id: number;
  reminder_id: number | null;
  mode: 'auto' | 'manual';
  message: string;
  channels_json: string;
  created_by: number | null;
  created_by_name: string;
  business_date: string;
  created_at: CreatedAt;
  /** The bulk urge's confirmation key (migration 0022): one urge per unit and key. */
  request_key: string | null;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface DeliveriesTable {
  id: Id;
  org_id: number;
  reminder_id: number | null;
  urge_id: number | null;
  channel: Channel;
  target: string;
  subject: string;
  body: string;
  status: ColumnType<DeliveryStatus, DeliveryStatus | undefined, DeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: string;
  sent_at: string | null;
  created_at: CreatedAt;
  updated_at: string;
  /** The platform's id of the message (WeCom msgid, DingTalk task_id), migration 0027. */
  remote_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the SMS for its unread recipients was queued (once), migration 0027. */
  escalated_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type RecipientStatus = 'pending' | 'sent' | 'read' | 'failed';

/** One named person of a message to the person (WeCom 应用消息, DingTalk 工作通知, SMS), migration 0027. */
export interface DeliveryRecipientsTable {
  id: Id;
  org_id: number;
  delivery_id: number;
  user_id: number;
  name: string;
  external_id: string | null;
  status: ColumnType<RecipientStatus, RecipientStatus | undefined, RecipientStatus>;
  error: string | null;
  read_at: string | null;
  updated_at: string;
}
