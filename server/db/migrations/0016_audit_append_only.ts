import { sql, type Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * The audit log refuses UPDATE and DELETE (and TRUNCATE) in the database itself, not only by the
 * absence of such code (等级保护: 审计记录的保护): a bug or an injected statement in the app cannot
 * rewrite history. Someone with the database owner's rights can still drop the guard; the hash
 * chain and `duban verify-audit` find what they then change.
 */
export const APPEND_ONLY_MESSAGE = 'audit_log is append-only';

export function auditAppendOnly(engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      if (engine === 'sqlite') {
        for (const op of ['update', 'delete']) {
          await sql
            .raw(`create trigger audit_log_no_${op} before ${op} on audit_log begin select raise(abort, '${APPEND_ONLY_MESSAGE}'); end`)
            .execute(db);
        }
        return;
      }
      await sql
        .raw(
          `create function audit_log_append_only() returns trigger language plpgsql as $$
           begin raise exception '${APPEND_ONLY_MESSAGE}'; end $$`,
        )
        .execute(db);
      await sql.raw(`create trigger audit_log_no_change before update or delete on audit_log for each row execute function audit_log_append_only()`).execute(db);
      await sql.raw(`create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()`).execute(db);
    },
  };
}

/** Drops the guard, as an attacker with the owner's rights could: for tests that prove tampering is found. */
export async function dropAuditAppendOnlyGuard(db: Kysely<unknown>, engine: Engine) {
  if (engine === 'sqlite') {
    await sql.raw('drop trigger if exists audit_log_no_update').execute(db);
    await sql.raw('drop trigger if exists audit_log_no_delete').execute(db);
    return;
  }
  await sql.raw('drop trigger if exists audit_log_no_change on audit_log').execute(db);
  await sql.raw('drop trigger if exists audit_log_no_truncate on audit_log').execute(db);
}
