import { sql } from 'kysely';
import type { Db } from '../db/connection';
import type { Engine } from '../db/connection';
import type { Actor } from './actor';
import { auditHash, GENESIS_HASH } from './hash';
import { inAuditScope, type AuditScope } from './scope';

export type AuditInput = {
  actor: Actor;
  orgId: number | null;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

// Any 64-bit key unique to Duban: serialises appends across app instances on PostgreSQL.
const AUDIT_LOCK_KEY = 4_242_001;

/**
 * Appends one entry to the hash chain. Call it inside the transaction that makes the change,
 * so the change and its trace commit (or roll back) together.
 */
export async function appendAudit(trx: Db, engine: Engine, input: AuditInput): Promise<void> {
  if (engine === 'postgres') {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  } else {
    // A no-op write takes SQLite's write lock now, so a second process cannot read the same
    // chain head between our read and our insert.
    await sql`update audit_log set seq = seq where 0`.execute(trx);
  }
  // The head row is written with every entry under the lock above: one row by key, cheaper than
  // the log's newest entry by index (verifyAuditChain checks that the two agree).
  const head = await trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const row = {
    seq: (head?.seq ?? 0) + 1,
    org_id: input.orgId,
    at: new Date().toISOString(),
    actor_user_id: input.actor.userId,
    actor_name: input.actor.name,
    action: input.action,
    entity: input.entity,
    entity_id: input.entityId == null ? null : String(input.entityId),
    before_json: input.before === undefined ? null : JSON.stringify(input.before),
    after_json: input.after === undefined ? null : JSON.stringify(input.after),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  await trx
    .insertInto('audit_head')
    .values({ id: 1, seq: row.seq, hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: row.seq, hash }))
    .execute();
}

/** What the auditor narrows the log to; every field optional, all of them must hold. */
export type AuditFilter = {
  actorUserId?: number;
  /** An actor with no account (the system, the demo seed, the CLI), by the name it recorded. */
  actorName?: string;
  actions?: readonly string[];
  entity?: string;
  /** UTC instants, [fromAt, toAt). */
  fromAt?: string;
  toAt?: string;
};

/** The scope's entries (scope.ts), or every entry with 'all', newest first. */
export async function listAudit(db: Db, opts: { scope: AuditScope | 'all'; limit: number; beforeSeq?: number; filter?: AuditFilter }) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(opts.limit);
  const scope = opts.scope;
  if (scope !== 'all') q = q.where((eb) => inAuditScope(eb, scope));
  if (opts.beforeSeq) q = q.where('seq', '<', opts.beforeSeq);
  const f = opts.filter ?? {};
  if (f.actorUserId !== undefined) q = q.where('actor_user_id', '=', f.actorUserId);
  if (f.actorName !== undefined) q = q.where('actor_user_id', 'is', null).where('actor_name', '=', f.actorName);
  if (f.actions?.length) q = q.where('action', 'in', [...f.actions]);
  if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
  if (f.fromAt !== undefined) q = q.where('at', '>=', f.fromAt);
  if (f.toAt !== undefined) q = q.where('at', '<', f.toAt);
  return q.execute();
}

/** Everyone who appears in the scope's log, with how many entries each wrote (the person filter's choices). */
export async function auditActors(db: Db, scope: AuditScope) {
  return db
    .selectFrom('audit_log')
    .select((eb) => ['actor_user_id', 'actor_name', eb.fn.countAll<number | string>().as('n')])
    .where((eb) => inAuditScope(eb, scope))
    .groupBy(['actor_user_id', 'actor_name'])
    .execute();
}

export type VerifyResult = {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
};

/** Walks the whole chain in order, in batches so memory stays flat on a large log. */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return checkHead(db, checked, prevHash);
    for (const row of rows) {
      const broken = (reason: string): VerifyResult => ({ ok: false, checked, firstBrokenSeq: row.seq, reason });
      if (row.seq !== expectedSeq) {
        return { ok: false, checked, firstBrokenSeq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
      }
      if (row.prev_hash !== prevHash) return broken(`entry ${row.seq} does not follow entry ${row.seq - 1}`);
      if (auditHash(row) !== row.hash) return broken(`entry ${row.seq} was altered after it was written`);
      prevHash = row.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

/** The end of the walk must be the head recorded with the newest entry. */
async function checkHead(db: Db, checked: number, lastHash: string): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const headSeq = head?.seq ?? 0;
  if (headSeq !== checked || (head && head.hash !== lastHash)) {
    return {
      ok: false,
      checked,
      firstBrokenSeq: checked + 1,
      reason: `the log ends at entry ${checked} but its head records entry ${headSeq}: newest entries were removed or replaced`,
    };
  }
  return { ok: true, checked, firstBrokenSeq: null, reason: null };
}
