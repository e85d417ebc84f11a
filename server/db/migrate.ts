import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db, Engine } from './connection';
import { foundation } from './migrations/0001_foundation';
import { ledger } from './migrations/0002_ledger';
import { reporting } from './migrations/0003_reporting';
import { collaboration } from './migrations/0004_collaboration';
import { settings } from './migrations/0005_settings';
import { reminders } from './migrations/0006_reminders';
import { bulletins } from './migrations/0007_bulletins';
import { assessment } from './migrations/0008_assessment';
import { levels } from './migrations/0009_levels';
import { handdownArrival } from './migrations/0010_handdown_arrival';
import { scaleIndexes } from './migrations/0011_scale_indexes';
import { signInLockout } from './migrations/0012_sign_in_lockout';
import { passwordHistory } from './migrations/0013_password_history';
import { rateLimits } from './migrations/0015_rate_limits';
import { auditAppendOnly } from './migrations/0016_audit_append_only';
import { totp } from './migrations/0017_totp';
import { reportStanding } from './migrations/0018_report_standing';
import { milestones } from './migrations/0019_milestones';
import { reportWithdraw } from './migrations/0020_report_withdraw';
import { userPhone } from './migrations/0021_user_phone';
import { bulkUrge } from './migrations/0022_bulk_urge';
import { coReporting } from './migrations/0023_co_reporting';
import { editVersions } from './migrations/0024_edit_versions';
import { accountRequests } from './migrations/0025_account_requests';
import { platformIdentities } from './migrations/0026_platform_identities';
import { deliveryRecipients } from './migrations/0027_delivery_recipients';
import { sessionMethod } from './migrations/0028_session_method';
import { changeSequences } from './migrations/0030_change_sequences';
import { draftChanges } from './migrations/0031_draft_changes';

/**
 * Migrations are code, listed here in order, each a function of the engine so one definition
 * serves SQLite and PostgreSQL. Kysely's migrator takes a lock, so several app instances
 * starting at once on PostgreSQL apply each migration exactly once.
 */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_foundation': foundation(engine),
    '0002_ledger': ledger(engine),
    '0003_reporting': reporting(engine),
    '0004_collaboration': collaboration(engine),
    '0005_settings': settings(engine),
    '0006_reminders': reminders(engine),
    '0007_bulletins': bulletins(engine),
    '0008_assessment': assessment(engine),
    '0009_levels': levels(engine),
    '0010_handdown_arrival': handdownArrival(engine),
    '0011_scale_indexes': scaleIndexes(engine),
    '0012_sign_in_lockout': signInLockout(engine),
    '0013_password_history': passwordHistory(engine),
    '0015_rate_limits': rateLimits(engine),
    '0016_audit_append_only': auditAppendOnly(engine),
    '0017_totp': totp(engine),
    '0018_report_standing': reportStanding(engine),
    '0019_milestones': milestones(engine),
    '0020_report_withdraw': reportWithdraw(engine),
    '0021_user_phone': userPhone(engine),
    '0022_bulk_urge': bulkUrge(engine),
    '0023_co_reporting': coReporting(engine),
    '0024_edit_versions': editVersions(engine),
    '0025_account_requests': accountRequests(engine),
    '0026_platform_identities': platformIdentities(engine),
    '0027_delivery_recipients': deliveryRecipients(engine),
    '0028_session_method': sessionMethod(engine),
    '0030_change_sequences': changeSequences(engine),
    '0031_draft_changes': draftChanges(engine),
  };
}

export async function migrateToLatest(db: Db, engine: Engine): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(engine) },
    migrationTableName: 'duban_migrations',
    migrationLockTableName: 'duban_migrations_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}
