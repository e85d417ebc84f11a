import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { ProgressStatus, ReportState } from '../../core/reporting/states';
import type { Grade, QualityRating } from '../../core/assessment/scheme';

/**
 * The database as the query layer sees it, identical on SQLite and PostgreSQL.
 * Conventions that keep one query code for both engines:
 * - timestamps are ISO-8601 UTC strings (text on SQLite; timestamptz on PostgreSQL, parsed back
 *   to the same string form in db/connection.ts);
 * - flags are integers 0/1;
 * - structured values (audit before/after) are JSON text.
 * Every business table carries org_id: tenancy is built in from the first table.
 */
type Id = Generated<number>;
type CreatedAt = ColumnType<string, string | undefined, never>;

export interface OrganisationsTable {
  id: Id;
  parent_id: number | null;
  name: string;
  level: 'province' | 'city' | 'district';
  code: string;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Id;
  org_id: number;
  name: string;
  created_at: CreatedAt;
  updated_at: string;
}

export interface UnitAliasesTable {
  id: Id;
  org_id: number;
  unit_id: number;
  alias: string;
}

export interface LeadersTable {
  id: Id;
  org_id: number;
  name: string;
  title: string;
  created_at: CreatedAt;
  updated_at: string;
}

export interface UsersTable {
  id: Id;
  org_id: number;
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  leader_id: number | null;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  /** Consecutive failed sign-ins; reset by a successful one. */
  failed_sign_ins: Generated<number>;
  /** Sign-in is refused until this instant (ISO) after too many failures; null when not locked. */
  locked_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** For the e-mail reminder channel; optional. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: string;
}

export interface RateLimitsTable {
  bucket: string;
  client: string;
  window_no: number;
  hits: number;
}

export interface PasswordHistoryTable {
  id: Id;
  user_id: number;
  password_hash: string;
  created_at: CreatedAt;
}

/** A person's TOTP second factor: pending (enabled 0) from setup until confirmed with a code. */
export interface UserTotpTable {
  user_id: number;
  /** Base32; the authenticator app holds the same. Never leaves the server after setup. */
  secret: string;
  enabled: number;
  /** The last time step whose code was accepted: a code (or an earlier one) is refused after it. */
  last_used_step: ColumnType<number | null, number | null | undefined, number | null>;
  enabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
}

/** One-time recovery codes, stored only as hashes; used_at set when spent. */
export interface TotpRecoveryCodesTable {
  id: Id;
  user_id: number;
  code_hash: string;
  used_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a stolen database does not yield live cookies. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Id;
  /** Position in the hash chain, gap-free: a deleted entry shows as a missing number. */
  seq: number;
  org_id: number | null;
  at: string;
  actor_user_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

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
  leaders_printed: string;
  units_printed_json: string;
  repairs_json: string;
  anomalies_json: string;
  uncertain: number;
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
  opened_at: string | null;
  closed_at: string | null;
  updated_at: string;
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
  late_days: number | null;
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
  status: ColumnType<'open' | 'assigned' | 'closed', 'open' | 'assigned' | 'closed' | undefined, 'open' | 'assigned' | 'closed'>;
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

export type BulletinStatus = 'draft' | 'published';

export interface BulletinsTable {
  id: Id;
  org_id: number;
  period_id: number;
  year: number;
  issue_no: number;
  status: ColumnType<BulletinStatus, BulletinStatus | undefined, BulletinStatus>;
  version: Generated<number>;
  issuer_mark: string;
  doc_number: string;
  title: string;
  addressee: string;
  body: string;
  signature: string;
  issue_date: string;
  figures_json: string;
  highlights_json: Generated<string>;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: string;
  published_at: string | null;
  published_by_name: string | null;
}

export interface AssessmentSchemesTable {
  id: Id;
  org_id: number;
  year: number;
  scheme_json: string;
  updated_by_name: string;
  updated_at: string;
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

export interface Database {
  organisations: OrganisationsTable;
  units: UnitsTable;
  unit_aliases: UnitAliasesTable;
  leaders: LeadersTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_history: PasswordHistoryTable;
  rate_limits: RateLimitsTable;
  user_totp: UserTotpTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  notices: NoticesTable;
  notice_files: NoticeFilesTable;
  annexes: AnnexesTable;
  categories: CategoriesTable;
  tasks: TasksTable;
  task_leaders: TaskLeadersTable;
  task_units: TaskUnitsTable;
  indicators: IndicatorsTable;
  task_links: TaskLinksTable;
  periods: PeriodsTable;
  unit_reports: UnitReportsTable;
  task_progress: TaskProgressTable;
  indicator_actuals: IndicatorActualsTable;
  evidence_files: EvidenceFilesTable;
  task_versions: TaskVersionsTable;
  coordination_requests: CoordinationRequestsTable;
  coordination_comments: CoordinationCommentsTable;
  target_adjustments: TargetAdjustmentsTable;
  instructions: InstructionsTable;
  notifications: NotificationsTable;
  settings: SettingsTable;
  reminders: RemindersTable;
  urges: UrgesTable;
  deliveries: DeliveriesTable;
  bulletins: BulletinsTable;
  assessment_schemes: AssessmentSchemesTable;
  assessment_runs: AssessmentRunsTable;
  assessment_scores: AssessmentScoresTable;
  assessment_adjustments: AssessmentAdjustmentsTable;
  assessment_vetoes: AssessmentVetoesTable;
  handdowns: HanddownsTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type Unit = Selectable<UnitsTable>;
export type Leader = Selectable<LeadersTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
