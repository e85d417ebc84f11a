import { ROLES, type Role } from '../../../core/roles';

/** One record of every kind a route takes an id of (or names in its body), all in one place. */
export type Records = {
  org: number;
  unit: number;
  leader: number;
  user: number;
  notice: number;
  task: number;
  indicator: number;
  period: number;
  report: number;
  evidence: number;
  bulletin: number;
  coordination: number;
  adjustment: number;
  run: number;
  veto: number;
  notification: number;
  /** A pending 账号变更申请 (issue 17, finding 4), proposed by the district's system administrator. */
  accountRequest: number;
  /** A responsible unit whose Q2 report has not reached the office: urging it is allowed (core/reporting/standing.ts). */
  urgeUnit: number;
};
export type RecordKind = Exclude<keyof Records, 'org' | 'indicator' | 'urgeUnit'>;

/** Records that belong to one unit: for these, "another unit of the same district" is a case of its own. */
export const UNIT_BOUND: readonly RecordKind[] = ['unit', 'task', 'report', 'evidence', 'coordination', 'adjustment'];

/**
 * Who may call a route, on which records:
 * - 'public': anyone, signed in or not;
 * - 'none': no record — the role decides, the answer is about the caller's own organisation;
 * - 'org': a record of the caller's organisation, whichever unit it belongs to;
 * - 'unit': as 'org', but unit roles (经办人, 负责人) only on their own unit's records;
 * - 'upstream': as 'org', and besides an upper organisation reads (never writes) a lower record
 *   linked to one of its own items;
 * - 'self': the caller's own things only; the handler is scoped by the session, so every role is
 *   answered, and someone else's record named in the URL is left untouched.
 */
export type Scope = 'public' | 'none' | 'org' | 'unit' | 'upstream' | 'self';

/** `rec` is the record set the URL's :id comes from; `ref` the one the body and any second id name. */
type FromRecords<T> = (rec: Records, ref: Records, n: number) => T;

export type Declaration = {
  roles: readonly Role[];
  scope: Scope;
  /** What :id is. */
  record?: RecordKind;
  /** Other path parameters, e.g. ':taskId'. */
  params?: Record<string, FromRecords<number>>;
  body?: FromRecords<unknown>;
  query?: FromRecords<string>;
  /** A multipart upload (field `file`). */
  upload?: { fileName: string; content: string };
  /**
   * The body or a second path id names a record: also send it with the URL's record from the
   * caller's own unit and the named one from the sibling district (must be refused, nothing written).
   */
  foreignRef?: boolean;
  /** The call ends the session it is made with: make it with a fresh one. */
  freshSession?: boolean;
  /** The call ends every session of the caller (sign out everywhere): run it after every other case. */
  endsAllSessions?: boolean;
};

export const ALL_ROLES: readonly Role[] = ROLES;
/** Everyone who works on the tasks: the 三员 system roles see no business data. */
export const WORKERS: readonly Role[] = ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'];
export const UNIT: readonly Role[] = ['unit_staff', 'unit_head'];
