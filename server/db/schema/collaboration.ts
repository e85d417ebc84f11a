import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt } from './columns';

// Working together on tasks: coordination, target adjustments, leader instructions, notifications.

export interface CoordinationRequestsTable {
  id: Id;
  org_id: number;
  task_id: number;
  unit_id: number;
  leader_id: number;
  raised_by: number;
  raised_by_name: string;
  problem: string;
  departments: string;
  status: ColumnType<
    'open' | 'assigned' | 'closed',
    'open' | 'assigned' | 'closed' | undefined,
    'open' | 'assigned' | 'closed'
  >;
  assigned_unit_id: number | null;
  resolution: string | null;
  closed_at: string | null;
  created_at: CreatedAt;
  updated_at: string;
}

export interface CoordinationCommentsTable {
  id: Id;
  org_id: number;
  request_id: number;
  author_id: number;
  author_name: string;
  body: string;
  created_at: CreatedAt;
}

export interface TargetAdjustmentsTable {
  id: Id;
  org_id: number;
  task_id: number;
  /** null for an adjustment proposed by the upper level (source 'upstream'). */
  unit_id: number | null;
  proposed_by: number | null;
  proposed_by_name: string;
  indicator_id: number | null;
  before_text: string | null;
  after_text: string | null;
  before_value: number | null;
  after_value: number | null;
  reason: string;
  status: ColumnType<'proposed' | 'approved' | 'rejected', 'proposed' | undefined, 'approved' | 'rejected'>;
  decided_by_name: string | null;
  decision_note: string | null;
  decided_at: string | null;
  resulting_version: number | null;
  /** 'unit': a responsible unit asked; 'upstream': the upper level changed the item it handed down. */
  source: ColumnType<'unit' | 'upstream', 'unit' | 'upstream' | undefined, 'unit' | 'upstream'>;
  handdown_id: number | null;
  created_at: CreatedAt;
}

export interface InstructionsTable {
  id: Id;
  org_id: number;
  task_id: number | null;
  report_id: number | null;
  author_id: number;
  author_name: string;
  body: string;
  created_at: CreatedAt;
}

export interface NotificationsTable {
  id: Id;
  org_id: number;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  link: string | null;
  read_at: string | null;
  created_at: CreatedAt;
}
