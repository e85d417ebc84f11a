import type { Db } from '../db/connection';

export function insertSession(
  db: Db,
  row: { id: string; user_id: number; csrf_token: string; expires_at: string; ip: string | null; user_agent: string | null; method?: string },
) {
  const now = new Date().toISOString();
  return db
    .insertInto('sessions')
    .values({ ...row, created_at: now, last_seen_at: now })
    .execute();
}

/** The session with its user, in one round trip: this runs on every authenticated request. */
export function findSessionWithUser(db: Db, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as session_id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.method',
      'users.id as user_id',
      'users.org_id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'users.leader_id',
      'users.disabled',
      'users.must_change_password',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export function touchSession(db: Db, sessionId: string, at: string) {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', sessionId).execute();
}

export function deleteSession(db: Db, sessionId: string) {
  return db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export function deleteSessionsOfUser(db: Db, userId: number) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function deleteExpiredSessions(db: Db, now: string) {
  return db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
