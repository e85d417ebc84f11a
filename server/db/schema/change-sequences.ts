/** Issue 19: an organisation's change sequence, moved by triggers (db/change-triggers.ts). */
export interface OrgChangesTable {
  org_id: number;
  seq: number;
}

/** Named epochs moved by triggers; 'sessions': a session ended or an account changed. */
export interface CacheEpochsTable {
  name: string;
  seq: number;
}
