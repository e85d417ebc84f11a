/** Issue 19: an organisation's change sequence, moved by triggers (db/change-triggers.ts). */
export interface OrgChangesTable {
  org_id: number;
  /** Every change of the organisation's data but the content of reports still with their unit. */
  seq: number;
  /** Changes of the content of reports still with their unit (drafts, returned reports). */
  draft_seq: number;
}

/** Named epochs moved by triggers; 'sessions': a session ended or an account changed. */
export interface CacheEpochsTable {
  name: string;
  seq: number;
}
