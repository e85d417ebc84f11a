import type { Role } from '../roles';

/**
 * Who may do what, by role: the one table of actions. Every API route names one of these actions
 * (or 'public') and the server checks it before the handler runs (server/policies/policy.ts, which
 * adds the record rules: own organisation, own unit, the roll-up's read across levels). The web app
 * reads the same table (web/src/auth/can.ts) to show only the pages and buttons the API will serve.
 * Pure data, no I/O: shared by server, web and CLI.
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
  // 报牵头单位 (issue 15): the lead unit's clerk or head reminds co-operating units to write their part.
  'report.coRemind': ['unit_staff', 'unit_head'],
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
  // 账号变更申请 (issue 17, finding 4): the system administrator proposes what lets someone sign in
  // or grants a role; only the security administrator approves or rejects it. Both see the list.
  'account_requests.read': ['sysadmin', 'secadmin'],
  'account_requests.decide': ['secadmin'],
  'audit.read': ['auditor'],
  'security.read': ['secadmin'],
  // The optional TOTP second factor: the office and the three system roles enrol themselves; the
  // security administrator resets it for someone who lost the phone.
  'mfa.self': ['office', 'sysadmin', 'secadmin', 'auditor'],
  'mfa.reset': ['secadmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTIONS;

/** Whether the role may do the action (the role check only; the record rules are the server's). */
export function mayDo(role: Role, action: Action): boolean {
  return (ACTIONS[action] as readonly Role[]).includes(role);
}
