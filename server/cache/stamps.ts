import { sql } from 'kysely';
import type { AppContext } from '../context';
import type { SessionsListener } from './session-cache';

/**
 * Reads the change stamps that kept answers are checked against (db/change-triggers.ts).
 *
 * An organisation's stamp covers its own data and that of every organisation above and below it
 * (a district's page shows the items handed down to it; a province's roll-up shows its
 * districts): the sum of their change sequences, with how many there are. Sequences only grow
 * and their rows are never deleted, so any change in the family gives another stamp.
 *
 * Requests that arrive during one turn of the event loop share one batch, run after all of them
 * arrived: each still sees every write committed before it came in, and 200 requests at once
 * cost a few queries instead of 200. On PostgreSQL the batch runs on the sessions listener's
 * connection, so it also hears every sign-out committed before (session-cache.ts).
 */
export class StampReader {
  private batch: { orgs: Map<number, Deferred<Stamp>>; sessions: Deferred<number> | null; done: Deferred<void> } | null = null;

  constructor(
    private readonly ctx: AppContext,
    private readonly listener: SessionsListener | null,
  ) {}

  orgStamp(orgId: number): Promise<Stamp> {
    const batch = this.openBatch();
    let d = batch.orgs.get(orgId);
    if (!d) batch.orgs.set(orgId, (d = deferred<Stamp>()));
    return d.promise;
  }

  /** SQLite: the sessions epoch, which moves when a session ends or an account changes. */
  sessionsEpoch(): Promise<number> {
    const batch = this.openBatch();
    batch.sessions ??= deferred<number>();
    return batch.sessions.promise;
  }

  /** Resolves once a batch that started after this call has run. */
  barrier(): Promise<void> {
    return this.openBatch().done.promise;
  }

  private openBatch() {
    if (!this.batch) {
      this.batch = { orgs: new Map(), sessions: null, done: deferred<void>() };
      setImmediate(() => void this.flush());
    }
    return this.batch;
  }

  private async flush() {
    const batch = this.batch!;
    this.batch = null;
    const { db } = this.ctx;
    const connection = this.listener?.connection ?? null;
    const run = async <R>(query: ReturnType<typeof sql<R>>): Promise<R[]> => {
      if (connection) {
        try {
          const compiled = query.compile(db);
          return (await connection.query(compiled.sql, [...compiled.parameters])).rows as R[];
        } catch {
          // The listening connection broke under the batch (a restart, a network cut): the pool
          // answers instead, and a query that is itself wrong fails there the same way. The session
          // cache sees the listener down and reads sessions from the database until it is back.
        }
      }
      return (await query.execute(db)).rows;
    };
    const tasks = [...batch.orgs].map(async ([orgId, d]) => {
      try {
        const [row] = await run(orgStampQuery(orgId, this.ctx.engine === 'postgres'));
        const [seq, drafts, orgs] = [row?.s ?? 0, row?.d ?? 0, row?.n ?? 0].map(String);
        d.resolve({ stamp: `${seq}.${drafts}.${orgs}`, ignoringDrafts: `${seq}.${orgs}`, lsn: row?.lsn ?? null });
      } catch (e) {
        d.reject(e);
      }
    });
    if (batch.sessions) {
      const d = batch.sessions;
      tasks.push(
        run(sql<{ seq: number | string }>`select seq from cache_epochs where name = 'sessions'`).then(
          ([row]) => d.resolve(Number(row?.seq ?? 0)),
          (e: unknown) => d.reject(e),
        ),
      );
    }
    // Nothing else asked: one round trip still hears the notifications (a barrier alone).
    if (tasks.length === 0 && connection) tasks.push(run(sql`select 1`).then(() => {}, () => {}));
    await Promise.all(tasks);
    batch.done.resolve();
  }
}

/**
 * stamp: the family's change stamp; ignoringDrafts: the same without changes of reports still with
 * their unit (org_changes.draft_seq, db/change-triggers.ts), for answers that read only reports with
 * the office; lsn (PostgreSQL): the primary's WAL position when it was read — a replica that has
 * replayed it has every write the stamps count (db/read-replica.ts).
 */
export type Stamp = { stamp: string; ignoringDrafts: string; lsn: string | null };

function orgStampQuery(orgId: number, withLsn: boolean) {
  return sql<{ s: number | string | null; d: number | string | null; n: number | string; lsn?: string }>`
    with recursive
      up(id) as (select cast(${orgId} as integer) union select o.parent_id from organisations o join up on o.id = up.id where o.parent_id is not null),
      down(id) as (select cast(${orgId} as integer) union select o.id from organisations o join down on o.parent_id = down.id)
    select sum(seq) as s, sum(draft_seq) as d, count(*) as n${withLsn ? sql`, pg_current_wal_lsn()::text as lsn` : sql``}
    from org_changes where org_id in (select id from up union select id from down)`;
}

type Deferred<T> = { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void };

function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
