import type { ColumnType } from 'kysely';
import type { Id, CreatedAt } from './columns';

// Supervision: per-organisation settings and reminders (催办) with their deliveries.

export interface SettingsTable {
  org_id: number;
  key: string;
  value_json: string;
  updated_by_name: string;
  updated_at: string;
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
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

export interface DeliveriesTable {
  id: Id;
  org_id: number;
  reminder_id: number | null;
  urge_id: number | null;
  channel: 'email' | 'wecom' | 'dingtalk';
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
}
