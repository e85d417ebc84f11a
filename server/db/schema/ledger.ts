import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt } from './columns';

// The ledger: notices, their annexes and tasks with leaders, units, indicators, versions and links between levels.

export interface NoticesTable {
  id: Id;
  org_id: number;
  doc_number: string | null;
  title: string;
  issuer: string | null;
  issued_date: string | null;
  year: number;
  report_to: string | null;
  reporting_deadlines_json: string;
  anomalies_json: string;
  imported_by: number | null;
  created_at: CreatedAt;
  updated_at: string;
}

export interface NoticeFilesTable {
  id: Id;
  org_id: number;
  notice_id: number;
  file_name: string;
  format: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: CreatedAt;
}

export interface AnnexesTable {
  id: Id;
  org_id: number;
  notice_id: number;
  no: number;
  title: string;
  kind: string;
}

export interface CategoriesTable {
  id: Id;
  org_id: number;
  annex_id: number;
  no: number;
  name: string;
}

export interface TasksTable {
  id: Id;
  org_id: number;
  notice_id: number;
  annex_id: number;
  category_id: number | null;
  /** Printed order within the annex (0-based). */
  position: number;
  seq: string;
  upstream_no: number | null;
  upstream_item: string | null;
  standard: string;
  deadline: string | null;
  due_date: string | null;
  /** Where due_date came from (core/notice/due-date.ts DueDateSource): printed, annual, office, open-ended; null = unknown. */
  due_date_source: string | null;
  leaders_printed: string;
  units_printed_json: string;
  repairs_json: string;
  anomalies_json: string;
  uncertain: number;
  /** 销号: the business day the office closed the task as completed and accepted (null while open). */
  closed_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** The position of the period whose accepted report closed it: later periods no longer ask for it. */
  closed_after_position: ColumnType<number | null, number | null | undefined, number | null>;
  closed_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  close_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** How its co-operating units report (core/reporting/standing.ts CoReporting): separately, or their part to the lead unit. */
  co_reporting: ColumnType<'separate' | 'via_lead', 'separate' | 'via_lead' | undefined, 'separate' | 'via_lead'>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: string;
}

export interface TaskLeadersTable {
  org_id: number;
  task_id: number;
  leader_id: number;
  position: number;
}

export interface TaskUnitsTable {
  org_id: number;
  task_id: number;
  unit_id: number;
  role: 'lead' | 'co';
  printed: string;
  note: string | null;
  position: number;
}

export interface IndicatorsTable {
  id: Id;
  org_id: number;
  task_id: number;
  position: number;
  name: string;
  target: number;
  unit: string;
  qualifier: string | null;
  text: string;
}

export interface TaskLinksTable {
  id: Id;
  org_id: number;
  task_id: number;
  linked_task_id: number;
  reason: string;
  similarity: number;
  status: Generated<'proposed' | 'confirmed' | 'rejected'>;
}

export interface TaskVersionsTable {
  id: Id;
  org_id: number;
  task_id: number;
  version: number;
  standard: string;
  indicators_json: string;
  reason: string;
  changed_by_name: string;
  created_at: CreatedAt;
}

/** An upper level's task carried to a lower organisation's task (issue 7). */
export interface HanddownsTable {
  id: Id;
  upper_org_id: number;
  upper_task_id: number;
  lower_org_id: number;
  lower_task_id: number;
  origin: 'handed_down' | 'imported';
  target_mode: 'set' | 'lower_sets';
  lower_set_at: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  arrived_on: string | null;
}

/**
 * A milestone (时间节点) the office sets on a task (migration 0019): by due_on, either a state
 * (started / completed) or an indicator's value is expected. Where a task has milestones, its light
 * compares progress with those due instead of the straight-line schedule (core/supervision/lights.ts).
 */
export interface MilestonesTable {
  id: Id;
  org_id: number;
  task_id: number;
  due_on: string;
  description: string;
  expect_kind: 'state' | 'indicator';
  expect_state: 'started' | 'completed' | null;
  /** Null for a state milestone, or when the indicator was removed since (the milestone then judges nothing). */
  indicator_id: number | null;
  expect_value: number | null;
  version: Generated<number>;
  created_by_name: string;
  updated_by_name: string;
  created_at: CreatedAt;
  updated_at: string;
}
