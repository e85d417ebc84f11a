import type { Role } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { AppError } from '../errors/app-error';

/**
 * The one place that says who may do what. Every API route names one of these actions
 * (or 'public'); the HTTP layer checks the role before the handler runs, and handlers that
 * touch a particular record call authorize(actor, action, record) for the record-level rule.
 */
export const ACTIONS = {
  'org.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer', 'sysadmin', 'secadmin', 'auditor'],
  'account.self': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer', 'sysadmin', 'secadmin', 'auditor'],
  // Unit and leader names are the shared directory of the organisation; the three system
  // roles other than sysadmin (who assigns people to units) have no business seeing it.
  'directory.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer', 'sysadmin'],
  'unit.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer', 'sysadmin'],
  'directory.write': ['office'],
  'notice.import': ['office'],
  // Everyone who works on the tasks may see which notices they come from and their deadlines.
  'notice.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'period.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'period.manage': ['office'],
  // Reading a report: the unit's own people (record rule), and those who supervise.
  'report.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'report.open': ['unit_staff', 'unit_head'],
  'report.edit': ['unit_staff'],
  'report.approve': ['unit_head'],
  'report.review': ['office'],
  'task.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'task.write': ['office'],
  'coordination.raise': ['unit_staff', 'unit_head'],
  'coordination.read': ['office', 'unit_staff', 'unit_head', 'leader'],
  'coordination.handle': ['leader'],
  'coordination.comment': ['office', 'unit_staff', 'unit_head', 'leader'],
  'adjustment.propose': ['unit_staff', 'unit_head'],
  'adjustment.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'adjustment.decide': ['office'],
  'instruction.write': ['leader'],
  'settings.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'settings.write': ['office'],
  'dashboard.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  // Reminders and urges (催办): the office sees what went out on which channel, urges by hand,
  // and sets the schedule and the channels (whose secrets never leave the server in full).
  'reminder.read': ['office'],
  'reminder.urge': ['office'],
  'reminder.settings': ['office'],
  // The ledger in the notice's annex layout, and a period's compiled report of all units (汇总表).
  'ledger.export': ['office', 'leader', 'viewer'],
  'period.summary': ['office', 'leader', 'viewer'],
  // Bulletins (通报): the office drafts and publishes; everyone who works on the tasks reads the
  // published ones (drafts are the office's own — the service hides them from the others).
  'bulletin.read': ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'],
  'bulletin.write': ['office'],
  // The year-end assessment (绩效考核): the office configures, runs and adjusts; leaders read it.
  'assessment.read': ['office', 'leader'],
  'assessment.manage': ['office'],
  // Levels (issue 7): an upper office hands its items down to the organisations below it (a
  // write in its own ledger that creates tasks in theirs). Roll-up is the one read that crosses
  // organisations: summaries of the items it handed down, and read-only drill-down into the lower
  // tasks linked to its own (record rule: upstreamOrgIds). Unit roles have no part in it.
  'handdown.write': ['office'],
  'rollup.read': ['office', 'leader', 'viewer'],
  'users.manage': ['sysadmin'],
  'audit.read': ['auditor'],
  'security.read': ['secadmin'],
  // The optional TOTP second factor: the office and the three system roles enrol themselves; the
  // security administrator resets it for someone who lost the phone.
  'mfa.self': ['office', 'sysadmin', 'secadmin', 'auditor'],
  'mfa.reset': ['secadmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;
export type Access = Action | 'public';

/**
 * What a record-level rule looks at: which organisation owns it and, if any, which unit (a
 * report) or units (a task, with its lead and co-operating units).
 */
export type PolicyRecord = {
  orgId: number;
  unitId?: number | null;
  unitIds?: readonly number[];
  /**
   * Organisations whose tasks this record's task is linked to (handed down or linked at import):
   * they may read it through 'rollup.read' only, never write it, never through any other action.
   */
  upstreamOrgIds?: readonly number[];
};

/** The only actions that may cross from an upper organisation into a lower one: read-only. */
const CROSS_LEVEL_READ: readonly Action[] = ['rollup.read'];

const UNIT_SCOPED: readonly Role[] = ['unit_staff', 'unit_head'];

export function roleMayDo(role: Actor['role'], action: Action): boolean {
  return role !== 'system' && (ACTIONS[action] as readonly Role[]).includes(role);
}

/** Throws a 403 AppError with the reason, or returns when the actor may act on the record. */
export function authorize(actor: Actor, action: Action, record?: PolicyRecord): void {
  if (actor.role === 'system') return; // the CLI and jobs act for the deployment itself
  if (!roleMayDo(actor.role, action)) {
    throw new AppError('FORBIDDEN', { zh: `角色无权执行 ${action}`, en: `role ${actor.role} may not ${action}` });
  }
  if (!record) return;
  if (record.orgId !== actor.orgId) {
    // An upper level reads what it handed down (or what was linked to its items), nothing else.
    const upstream = actor.orgId !== null && CROSS_LEVEL_READ.includes(action) && (record.upstreamOrgIds ?? []).includes(actor.orgId);
    if (!upstream) throw new AppError('FORBIDDEN_OTHER_ORG');
    return;
  }
  // A unit's people see and change only their own unit's records.
  if (UNIT_SCOPED.includes(actor.role)) {
    if (record.unitId != null && record.unitId !== actor.unitId) throw new AppError('FORBIDDEN_OTHER_UNIT');
    if (record.unitIds && !record.unitIds.includes(actor.unitId ?? -1)) throw new AppError('FORBIDDEN_OTHER_UNIT');
  }
}
