import type { ColumnType, Generated } from 'kysely';
import type { ProgressStatus, ReportState } from '../../../core/reporting/states';
import type { QualityRating } from '../../../core/assessment/scheme';
import type { Id, CreatedAt } from './columns';

// Quarterly reporting: periods, unit reports, progress entries, indicator actuals, evidence.

export type PeriodStatus = 'planned' | 'open' | 'closed';

export interface PeriodsTable {
  id: Id;
  org_id: number;
  notice_id: number;
  position: number;
  kind: string;
  label: string;
  deadline: string;
  extended_deadline: string | null;
  extension_reason: string | null;
  status: ColumnType<PeriodStatus, PeriodStatus | undefined, PeriodStatus>;
  past_at_import: number;
  /** 'office' once the office opened or closed the period by hand: the schedule leaves it alone then. */
  status_set_by: ColumnType<'auto' | 'office', 'auto' | 'office' | undefined, 'auto' | 'office'>;
  opened_at: string | null;
  closed_at: string | null;
  updated_at: string;
  /** Optimistic version (migration 0024): an edit names the one it loaded. */
  version: Generated<number>;
}

export interface UnitReportsTable {
  id: Id;
  org_id: number;
  period_id: number;
  unit_id: number;
  state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  version: Generated<number>;
  submitted_at: string | null;
  submitted_by: number | null;
  approved_at: string | null;
  approved_by: number | null;
  /** The business day the head first approved it to the office; kept through office returns (core/reporting/standing.ts). */
  first_reached_on: string | null;
  office_returns: Generated<number>;
  /** 1 when the office's last return ruled the report not a valid report: its arrival no longer counts. */
  invalid_return: Generated<number>;
  /** The date the office asked a returned report back by. */
  resubmit_by: string | null;
  /** What first_reached_on and invalid_return were before the head's last approval: a withdrawal (撤回) restores them. */
  reached_on_before_approval: string | null;
  invalid_before_approval: Generated<number>;
  return_reason: string | null;
  returned_by_role: 'unit_head' | 'office' | null;
  reviewed_at: string | null;
  reviewed_by: number | null;
  /** The office's rating of the report for the assessment (绩效考核); null until rated. */
  quality_rating: ColumnType<QualityRating | null, QualityRating | null | undefined, QualityRating | null>;
  created_at: CreatedAt;
  updated_at: string;
}

export interface TaskProgressTable {
  id: Id;
  org_id: number;
  report_id: number;
  task_id: number;
  unit_role: 'lead' | 'co';
  task_version: number;
  status: ColumnType<ProgressStatus, ProgressStatus | undefined, ProgressStatus>;
  narrative: Generated<string>;
  problems: Generated<string>;
  next_steps: Generated<string>;
  office_comment: string | null;
  version: Generated<number>;
  updated_by: number | null;
  updated_by_name: string | null;
  updated_at: string;
}

export interface IndicatorActualsTable {
  id: Id;
  org_id: number;
  progress_id: number;
  indicator_id: number;
  value: number | null;
  note: Generated<string>;
}

export interface EvidenceFilesTable {
  id: Id;
  org_id: number;
  progress_id: number;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: number | null;
  created_at: CreatedAt;
}
