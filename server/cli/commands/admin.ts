import { isRole, ROLES } from '../../../core/roles';
import { systemActor } from '../../audit/actor';
import fs from 'node:fs';
import { verifyAuditChain } from '../../audit/audit.repository';
import { compareExportWithDatabase, verifyAuditExport } from '../../audit/export';
import type { Config } from '../../config/config';
import { openContext, type AppContext } from '../../context';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { listLeaders } from '../../directory/leaders.repository';
import { findOrganisationByCode } from '../../directory/organisations.repository';
import { findUnitByNameOrAlias } from '../../directory/units.repository';
import { createUser } from '../../directory/users.service';
import { AppError } from '../../errors/app-error';
import { CliError, output } from '../output';

/** Opens the database with the schema up to date, runs fn, and always closes. */
export async function withDatabase<T>(config: Config, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(config, { poolSize: 2 });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

export async function migrate(config: Config, json: boolean) {
  const handle = openDatabase(config.database, { poolSize: 2 });
  try {
    const result = await migrateToLatest(handle.db, handle.engine);
    const applied = (result.results ?? []).map((r) => r.migrationName);
    output(json, { engine: handle.engine, applied }, applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await handle.close();
  }
}

export type CreateUserOptions = {
  org?: string;
  username?: string;
  name?: string;
  role?: string;
  unit?: string;
  leader?: string;
  password?: string;
};

export async function createUserCommand(config: Config, json: boolean, opts: CreateUserOptions) {
  const missing = (['org', 'username', 'name', 'role', 'password'] as const).filter((k) => !opts[k]);
  if (missing.length) throw new CliError(`create-user: missing --${missing.join(', --')}`);
  const role = opts.role!;
  if (!isRole(role)) throw new CliError(`create-user: --role must be one of ${ROLES.join(', ')}`);
  await withDatabase(config, async (ctx) => {
    const org = await findOrganisationByCode(ctx.db, opts.org!);
    if (!org) throw new CliError(`create-user: no organisation with code ${opts.org}`);
    const unitId = opts.unit ? await findUnitByNameOrAlias(ctx.db, org.id, opts.unit) : null;
    if (opts.unit && !unitId) throw new CliError(`create-user: no unit named ${opts.unit} in ${org.name}`);
    const leaderId = opts.leader ? (await listLeaders(ctx.db, org.id)).find((l) => l.name === opts.leader)?.id : null;
    if (opts.leader && !leaderId) throw new CliError(`create-user: no leader named ${opts.leader} in ${org.name}`);
    try {
      const id = await createUser(ctx, systemActor('cli'), org.id, {
        username: opts.username!,
        displayName: opts.name!,
        role,
        unitId,
        leaderId,
        password: opts.password!,
      });
      output(json, { id, username: opts.username }, `created user ${opts.username} (id ${id}); they must change the password at first sign-in`);
    } catch (e) {
      if (e instanceof AppError) throw new CliError(`create-user: ${e.message}`);
      throw e;
    }
  });
}

export async function verifyAudit(config: Config, json: boolean, file?: string) {
  if (file) return verifyAuditExportFile(config, json, file);
  const r = await withDatabase(config, (ctx) => verifyAuditChain(ctx.db));
  output(
    json,
    r,
    r.ok
      ? `audit log intact: ${r.checked} entries verified`
      : `AUDIT LOG BROKEN at entry ${r.firstBrokenSeq}: ${r.reason} (${r.checked} entries before it verified)`,
  );
  if (!r.ok) process.exitCode = 2;
}

/**
 * An export checked on its own (hashes, links, trailer), then against this database: the file's
 * own hashes could have been recomputed by whoever edited it, the database's cannot.
 */
async function verifyAuditExportFile(config: Config, json: boolean, file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`verify-audit: cannot read ${file}: ${(e as Error).message}`);
  }
  const check = verifyAuditExport(text);
  const compared = check.ok ? await withDatabase(config, (ctx) => compareExportWithDatabase(ctx.db, text)) : null;
  const ok = check.ok && compared?.firstDifferentSeq === null;
  const message = !check.ok
    ? `AUDIT EXPORT BROKEN${check.firstBrokenSeq ? ` at entry ${check.firstBrokenSeq}` : ''}: ${check.reason}`
    : compared!.firstDifferentSeq !== null
      ? `AUDIT EXPORT DIFFERS from this database at entry ${compared!.firstDifferentSeq}`
      : `audit export intact: ${check.entries} entries (${check.header?.organisation} ${check.header?.from}–${check.header?.to}), ${compared!.found} of them identical in this database` +
        (compared!.found === 0 ? ' (this database does not hold them: the file was checked on its own)' : '');
  output(json, { ...check, ok, compared }, message);
  if (!ok) process.exitCode = 2;
}
