import type { Actor } from '../audit/actor';
import { appendAudit } from '../audit/audit.repository';
import { inTransaction, type AppContext } from '../context';
import type { AccountSpec } from './accounts';
import { IdAllocator, insertRows, syncSequences } from './bulk';

/**
 * An organisation's units, leaders and accounts in one transaction, as multi-row inserts with one
 * audit entry for the whole directory (the directory services append one per record, which for
 * 13,000 accounts is most of a minute of audit-chain appends). Accounts need not change the
 * password at first sign-in, like the demo's.
 */
export type DirectorySpec = {
  units: string[];
  leaders: { name: string; title: string }[];
  accounts: AccountSpec[];
};

export type Person = { id: number; name: string };
export type WrittenDirectory = { units: Map<string, number>; leaders: Map<string, number>; users: Map<string, Person> };

export async function writeDirectory(
  ctx: AppContext,
  actor: Actor,
  orgId: number,
  spec: DirectorySpec,
  passwordHash: string,
  at: string,
): Promise<WrittenDirectory> {
  const written = await inTransaction(ctx, async (trx) => {
    const ids = await IdAllocator.load(trx, ['units', 'leaders', 'users']);
    const units = new Map(spec.units.map((name) => [name, ids.take('units')]));
    const leaders = new Map(spec.leaders.map((l) => [l.name, ids.take('leaders')]));
    const users = new Map(spec.accounts.map((a) => [a.username, { id: ids.take('users'), name: a.displayName }]));
    await insertRows(
      trx,
      ctx.engine,
      'units',
      ['id', 'org_id', 'name', 'created_at', 'updated_at'],
      [...units].map(([name, id]) => [id, orgId, name, at, at]),
    );
    await insertRows(
      trx,
      ctx.engine,
      'leaders',
      ['id', 'org_id', 'name', 'title', 'created_at', 'updated_at'],
      spec.leaders.map((l) => [leaders.get(l.name), orgId, l.name, l.title, at, at]),
    );
    await insertRows(
      trx,
      ctx.engine,
      'users',
      [
        'id',
        'org_id',
        'username',
        'display_name',
        'role',
        'unit_id',
        'leader_id',
        'password_hash',
        'must_change_password',
        'disabled',
        'email',
        'created_at',
        'updated_at',
      ],
      spec.accounts.map((a) => {
        const unitId = a.unit ? units.get(a.unit) : null;
        const leaderId = a.leader ? leaders.get(a.leader) : null;
        if (unitId === undefined || leaderId === undefined)
          throw new Error(`generator: ${a.username} names an unknown unit or leader`);
        return [
          users.get(a.username)!.id,
          orgId,
          a.username,
          a.displayName,
          a.role,
          unitId,
          leaderId,
          passwordHash,
          0,
          0,
          null,
          at,
          at,
        ];
      }),
    );
    await appendAudit(trx, ctx.engine, {
      actor,
      orgId,
      action: 'generate.directory',
      entity: 'organisation',
      entityId: orgId,
      after: { synthetic: true, units: units.size, leaders: leaders.size, users: users.size },
    });
    return { units, leaders, users };
  });
  // The importer creates a unit a notice names that the directory lacks: its insert must not
  // collide with the ids given here.
  await syncSequences(ctx.db, ctx.engine, ['units', 'leaders', 'users']);
  return written;
}
