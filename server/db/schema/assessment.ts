import type { ColumnType, Generated } from 'kysely';
import type { Grade } from '../../../core/assessment/scheme';
import type { Id, CreatedAt } from './columns';

// The year-end assessment (绩效考核): schemes, runs, scores, adjustments, vetoes.

export interface AssessmentSchemesTable {
  id: Id;
  org_id: number;
  year: number;
  scheme_json: string;
  updated_by_name: string;
  updated_at: string;
  /** Optimistic version (migration 0024): an edit names the one it loaded. */
  version: Generated<number>;
}

export interface AssessmentRunsTable {
  id: Id;
  org_id: number;
  year: number;
  /** null: the whole year; otherwise the one period assessed. */
  period_id: number | null;
  period_label: string | null;
  /** The scheme as it was when the run was made (a run is a snapshot). */
  scheme_json: string;
  as_of: string;
  run_by_name: string;
  created_at: CreatedAt;
}

export interface AssessmentScoresTable {
  id: Id;
  run_id: number;
  org_id: number;
  unit_id: number;
  unit_name: string;
  reporting: number;
  completion: number;
  quality: number;
  bonus: number;
  computed: number;
  breakdown_json: string;
  adjustment: ColumnType<number, number | undefined, number>;
  final: number;
  rank: number;
  grade: Grade;
  vetoed: ColumnType<number, number | undefined, number>;
  veto_reason: string | null;
}

export interface AssessmentAdjustmentsTable {
  id: Id;
  org_id: number;
  run_id: number;
  unit_id: number;
  delta: number;
  reason: string;
  by_name: string;
  created_at: CreatedAt;
}

export interface AssessmentVetoesTable {
  id: Id;
  org_id: number;
  year: number;
  unit_id: number;
  reason: string;
  by_name: string;
  created_at: CreatedAt;
}
