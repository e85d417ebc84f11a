import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OrganisationsTable, UnitsTable, UnitAliasesTable, LeadersTable } from './schema/directory';
import type {
  UsersTable,
  RateLimitsTable,
  PasswordHistoryTable,
  UserTotpTable,
  TotpRecoveryCodesTable,
  SessionsTable,
  AccountRequestsTable,
} from './schema/accounts';
import type { AuditLogTable, AuditHeadTable } from './schema/audit';
import type { CacheEpochsTable, OrgChangesTable } from './schema/change-sequences';
import type { UserPlatformIdentitiesTable } from './schema/platform-identities';
import type {
  NoticesTable,
  NoticeFilesTable,
  AnnexesTable,
  CategoriesTable,
  TasksTable,
  TaskLeadersTable,
  TaskUnitsTable,
  IndicatorsTable,
  TaskLinksTable,
  TaskVersionsTable,
  HanddownsTable,
  MilestonesTable,
} from './schema/ledger';
import type {
  PeriodsTable,
  UnitReportsTable,
  TaskProgressTable,
  IndicatorActualsTable,
  EvidenceFilesTable,
} from './schema/reporting';
import type {
  CoordinationRequestsTable,
  CoordinationCommentsTable,
  TargetAdjustmentsTable,
  InstructionsTable,
  NotificationsTable,
} from './schema/collaboration';
import type {
  SettingsTable,
  RemindersTable,
  UrgesTable,
  DeliveriesTable,
  DeliveryRecipientsTable,
} from './schema/supervision';
import type { BulletinsTable } from './schema/bulletins';
import type {
  AssessmentSchemesTable,
  AssessmentRunsTable,
  AssessmentScoresTable,
  AssessmentAdjustmentsTable,
  AssessmentVetoesTable,
} from './schema/assessment';

export type * from './schema/directory';
export type * from './schema/accounts';
export type * from './schema/audit';
export type * from './schema/platform-identities';
export type * from './schema/ledger';
export type * from './schema/reporting';
export type * from './schema/collaboration';
export type * from './schema/supervision';
export type * from './schema/bulletins';
export type * from './schema/assessment';

/**
 * The database as the query layer sees it, identical on SQLite and PostgreSQL.
 * Conventions that keep one query code for both engines:
 * - timestamps are ISO-8601 UTC strings (text on SQLite; timestamptz on PostgreSQL, parsed back
 *   to the same string form in db/connection.ts);
 * - flags are integers 0/1;
 * - structured values (audit before/after) are JSON text.
 * Every business table carries org_id: tenancy is built in from the first table.
 */
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
  account_requests: AccountRequestsTable;
  user_platform_identities: UserPlatformIdentitiesTable;
  totp_recovery_codes: TotpRecoveryCodesTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  org_changes: OrgChangesTable;
  cache_epochs: CacheEpochsTable;
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
  delivery_recipients: DeliveryRecipientsTable;
  bulletins: BulletinsTable;
  assessment_schemes: AssessmentSchemesTable;
  assessment_runs: AssessmentRunsTable;
  assessment_scores: AssessmentScoresTable;
  assessment_adjustments: AssessmentAdjustmentsTable;
  assessment_vetoes: AssessmentVetoesTable;
  handdowns: HanddownsTable;
  milestones: MilestonesTable;
}

export type Organisation = Selectable<OrganisationsTable>;
export type Unit = Selectable<UnitsTable>;
export type Leader = Selectable<LeadersTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
