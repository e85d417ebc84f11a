import pg from 'pg';
import { findSessionWithUser, type SessionWithUser } from '../auth/session.repository';
import type { AppContext } from '../context';
import { SESSIONS_CHANNEL } from '../db/change-triggers';
import type { StampReader } from './stamps';

const MAX_SESSIONS = 50_000;
export const LISTENER_NAME = 'duban-sessions-listener';

/**
 * Sessions with their accounts, kept per process so a request does not read them again.
 * Sign-out must stay immediate in every process:
 * - SQLite: an entry is used only while the sessions epoch (moved by triggers when a session
 *   ends or an account changes, db/change-triggers.ts) is the one it was read under;
 * - PostgreSQL: the same triggers NOTIFY every process, which drops the person's entries. While
 *   the listening connection is down nothing is kept, and everything is dropped when it returns.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionWithUser; epoch: number }>();
  private readonly byUser = new Map<number, Set<string>>();
  constructor(
    private readonly ctx: AppContext,
    private readonly stamps: StampReader,
    private readonly listener: SessionsListener | null,
  ) {
    listener?.subscribe((userId) => this.forgetUser(userId), () => this.clear());
  }

  async find(sessionId: string): Promise<SessionWithUser | undefined> {
    if (this.listener) {
      // Every notification committed before this request came in is heard first (stamps.ts runs
      // its batch on the listening connection), so a sign-out in another process counts at once.
      await this.stamps.barrier();
      if (!this.listener.listening) return findSessionWithUser(this.ctx.db, sessionId);
      const cached = this.entries.get(sessionId);
      if (cached) return cached.row;
      // Kept only if no notification came while it was read: the row may predate that change.
      const heard = this.listener.heard;
      const row = await findSessionWithUser(this.ctx.db, sessionId);
      if (row && heard === this.listener.heard && this.listener.listening) this.keep(sessionId, row, 0);
      return row;
    }
    const epoch = await this.stamps.sessionsEpoch();
    const cached = this.entries.get(sessionId);
    if (cached && cached.epoch === epoch) return cached.row;
    const row = await findSessionWithUser(this.ctx.db, sessionId);
    if (row) this.keep(sessionId, row, epoch);
    else this.forget(sessionId);
    return row;
  }

  /** The session's last-seen time was written (session.service.ts touches it once a minute). */
  touched(sessionId: string, at: string) {
    const cached = this.entries.get(sessionId);
    if (cached) cached.row = { ...cached.row, last_seen_at: at };
  }

  forget(sessionId: string) {
    const cached = this.entries.get(sessionId);
    if (!cached) return;
    this.entries.delete(sessionId);
    this.byUser.get(cached.row.user_id)?.delete(sessionId);
  }


  private keep(sessionId: string, row: SessionWithUser, epoch: number) {
    if (this.entries.size >= MAX_SESSIONS) this.clear();
    this.entries.set(sessionId, { row, epoch });
    let ids = this.byUser.get(row.user_id);
    if (!ids) this.byUser.set(row.user_id, (ids = new Set()));
    ids.add(sessionId);
  }

  private forgetUser(userId: number) {
    for (const id of this.byUser.get(userId) ?? []) this.entries.delete(id);
    this.byUser.delete(userId);
  }

  private clear() {
    this.entries.clear();
    this.byUser.clear();
  }
}

/**
 * One connection per process that LISTENs to the sessions channel, reconnecting after a drop.
 * PostgreSQL hands a listening connection its pending notifications before it answers a query
 * on it, so a query run on this connection after a request came in is heard after every
 * notification committed before it (the stamps are read on it for that reason).
 */
export class SessionsListener {
  listening = false;
  /** Notifications heard so far: a read that saw it change may hold a row from before the change. */
  heard = 0;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  private onUser: (userId: number) => void = () => {};
  private onReset: () => void = () => {};

  constructor(private readonly url: string) {
    void this.connect();
  }

  subscribe(onUser: (userId: number) => void, onReset: () => void) {
    this.onUser = onUser;
    this.onReset = onReset;
  }

  /** The listening connection, while it listens. */
  get connection(): pg.Client | null {
    return this.listening ? this.client : null;
  }

  private async connect() {
    if (this.closed) return;
    // Named, so an operator (and a test) can tell it apart in pg_stat_activity.
    const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_NAME });
    this.client = client;
    const down = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.heard += 1;
      this.onReset();
      this.client = null;
      void client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.connect(), 1000);
    };
    client.on('error', down);
    client.on('end', down);
    client.on('notification', (n) => {
      this.heard += 1;
      this.onUser(Number(n.payload));
    });
    try {
      await client.connect();
      await client.query(`listen ${SESSIONS_CHANNEL}`);
      // Anything read before we listened may have changed unheard.
      this.onReset();
      this.heard += 1;
      this.listening = true;
    } catch {
      down();
    }
  }

  async close() {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
