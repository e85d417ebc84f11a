import { DEFAULT_SCHEME } from '../../core/assessment/scheme';
import { TEST_PASSWORD } from '../test/factories';
import { ALL_ROLES, UNIT, WORKERS, type Declaration } from './authz-matrix/declarations';

/**
 * Who may call each API route, written by hand from the product (DESIGN.md's roles, the route's
 * purpose) — deliberately NOT derived from server/policies/policy.ts, so that a policy change that
 * opens a route to one more role, or a handler that forgets its record check, fails the matrix.
 * The matrix test refuses a route of the app that is missing here and an entry here that is no
 * longer a route. Bodies are minimal valid ones, so that a request gets past validation to the
 * record check.
 */
const OFFICE = ['office'] as const;
const SUPERVISORS = ['office', 'leader', 'viewer'] as const;
const ASSESSORS = ['office', 'leader'] as const;
/** Who may turn on a second factor: the office and the three system roles. */
const MFA = ['office', 'sysadmin', 'secadmin', 'auditor'] as const;
/** The unit, leader and user directory: business people and the sysadmin who assigns accounts to units. */
const DIRECTORY = [...WORKERS, 'sysadmin'] as const;
const version = { version: 1 };
const pdf = { fileName: '验收材料.pdf', content: '%PDF-1.4\n% matrix evidence\n' };
const notice = { fileName: '通知.txt', content: '不是一份通知' };

export const EXPECTED: Record<string, Declaration> = {
  // Public: the sign-in form, health, the API description.
  'GET /api/health': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/openapi.json': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/auth/csrf': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/demo/accounts': { roles: ALL_ROLES, scope: 'public' },
  'POST /api/auth/login': {
    roles: ALL_ROLES,
    scope: 'public',
    body: () => ({ username: 'nobody-matrix', password: 'wrong' }),
  },

  // Sign-in through the platform (issue 18): public — the person is not signed in yet. Not
  // configured in the matrix's deployment, each answers SSO_NOT_CONFIGURED (the flows are tested in
  // server/auth/sso/sso-sign-in.test.ts against a real provider).
  'GET /api/auth/sso': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/auth/sso/oidc/start': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/auth/sso/oidc/callback': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/auth/sso/wecom/start': { roles: ALL_ROLES, scope: 'public' },
  'GET /api/auth/sso/wecom/callback': { roles: ALL_ROLES, scope: 'public' },
  'POST /api/auth/sso/dingtalk': { roles: ALL_ROLES, scope: 'public', body: () => ({ authCode: 'matrix-code' }) },

  // One's own account.
  'GET /api/auth/me': { roles: ALL_ROLES, scope: 'none' },
  'POST /api/auth/logout': { roles: ALL_ROLES, scope: 'none', freshSession: true },
  'POST /api/auth/logout-everywhere': { roles: ALL_ROLES, scope: 'none', freshSession: true, endsAllSessions: true },
  // A too weak new password: answered by the handler, nothing changes.
  'POST /api/auth/password': {
    roles: ALL_ROLES,
    scope: 'none',
    body: () => ({ currentPassword: TEST_PASSWORD, newPassword: 'weak' }),
  },
  'GET /api/todos': { roles: ALL_ROLES, scope: 'none' },
  'GET /api/notifications': { roles: ALL_ROLES, scope: 'none' },
  'POST /api/notifications/read-all': { roles: ALL_ROLES, scope: 'none' },
  'POST /api/notifications/:id/read': { roles: ALL_ROLES, scope: 'self', record: 'notification' },
  'GET /api/organisations/current': { roles: ALL_ROLES, scope: 'none' },
  // Two-step verification (TOTP): the office and the three system roles may enrol; anyone may
  // see and turn off their own; the security administrator resets someone else's. Wrong codes:
  // answered by the handler, nothing changes.
  'GET /api/auth/totp': { roles: ALL_ROLES, scope: 'none' },
  'POST /api/auth/totp/setup': { roles: MFA, scope: 'none' },
  'POST /api/auth/totp/enable': { roles: MFA, scope: 'none', body: () => ({ code: '000000' }) },
  'POST /api/auth/totp/disable': {
    roles: ALL_ROLES,
    scope: 'none',
    body: () => ({ password: TEST_PASSWORD, code: '000000' }),
  },

  // 三员: each system role its own job.
  'GET /api/security/settings': { roles: ['secadmin'], scope: 'none' },
  'GET /api/audit': { roles: ['auditor'], scope: 'none' },
  'GET /api/audit/actors': { roles: ['auditor'], scope: 'none' },
  'GET /api/audit/verify': { roles: ['auditor'], scope: 'none' },
  'GET /api/audit/export.jsonl': { roles: ['auditor'], scope: 'none', query: () => 'from=2024-01-01&to=2030-12-31' },
  'GET /api/audit/export.xlsx': { roles: ['auditor'], scope: 'none', query: () => 'from=2024-01-01&to=2030-12-31' },
  'GET /api/security/totp-users': { roles: ['secadmin'], scope: 'none' },
  'POST /api/users/:id/totp/reset': { roles: ['secadmin'], scope: 'org', record: 'user' },
  'GET /api/users': { roles: ['sysadmin'], scope: 'none' },
  // The system administrator only asks for accounts, role changes, re-enabling and resets; the
  // security administrator decides (issue 17, finding 4). The users routes answer a request.
  'POST /api/users': {
    roles: ['sysadmin'],
    scope: 'none',
    foreignRef: true,
    body: (_rec, ref, n) => ({
      username: `matrix.user${n}`,
      displayName: '矩阵账号',
      role: 'unit_staff',
      unitId: ref.unit,
    }),
  },
  'PATCH /api/users/:id': {
    roles: ['sysadmin'],
    scope: 'org',
    record: 'user',
    foreignRef: true,
    body: (_rec, ref) => ({ displayName: '矩阵改名', unitId: ref.unit, version: 1 }),
  },
  'POST /api/users/:id/reset-password': {
    roles: ['sysadmin'],
    scope: 'org',
    record: 'user',
    body: () => ({ reason: '矩阵重置' }),
  },
  // Platform identities (issue 18): binding is a request the security administrator approves.
  'GET /api/users/:id/platform-identities': { roles: ['sysadmin'], scope: 'org', record: 'user' },
  'POST /api/users/:id/platform-identities': {
    roles: ['sysadmin'],
    scope: 'org',
    record: 'user',
    body: (_rec, _ref, n) => ({ platform: 'wecom', externalId: `matrix-${n}`, reason: '矩阵绑定' }),
  },
  'POST /api/users/:id/platform-identities/unbind': { roles: ['sysadmin'], scope: 'org', record: 'user', body: () => ({ platform: 'wecom', reason: '矩阵解绑' }) },
  'GET /api/account-requests': { roles: ['sysadmin', 'secadmin'], scope: 'none' },
  'POST /api/account-requests/:id/approve': { roles: ['secadmin'], scope: 'org', record: 'accountRequest' },
  'POST /api/account-requests/:id/reject': { roles: ['secadmin'], scope: 'org', record: 'accountRequest', body: () => ({ note: '矩阵驳回' }) },
  // 批量导入 (issue 15): the system administrator's account sheet, read in the caller's organisation.
  'GET /api/users/import/template.xlsx': { roles: ['sysadmin'], scope: 'none' },
  'POST /api/users/import/preview': { roles: ['sysadmin'], scope: 'none', upload: { fileName: '账号.xlsx', content: '不是表格' } },
  'POST /api/users/import': { roles: ['sysadmin'], scope: 'none', upload: { fileName: '账号.xlsx', content: '不是表格' } },

  // The directory: read by the people who work with it, changed by the office.
  'GET /api/units': { roles: DIRECTORY, scope: 'none' },
  'GET /api/units/:id': { roles: DIRECTORY, scope: 'unit', record: 'unit' },
  'POST /api/units': { roles: OFFICE, scope: 'none', body: (_rec, _ref, n) => ({ name: `区矩阵局${n}` }) },
  'PATCH /api/units/:id': {
    roles: OFFICE,
    scope: 'org',
    record: 'unit',
    body: (_rec, _ref, n) => ({ aliases: [`矩阵别名${n}`], version: 1 }),
  },
  'GET /api/leaders': { roles: DIRECTORY, scope: 'none' },
  'POST /api/leaders': { roles: OFFICE, scope: 'none', body: (_rec, _ref, n) => ({ name: `矩阵领导${n}` }) },
  'PATCH /api/leaders/:id': { roles: OFFICE, scope: 'org', record: 'leader', body: () => ({ title: '副区长', version: 1 }) },

  // Notices and the ledger.
  'GET /api/notices': { roles: WORKERS, scope: 'none' },
  'POST /api/notices/preview': { roles: OFFICE, scope: 'none', upload: notice },
  'POST /api/notices/import': { roles: OFFICE, scope: 'none', upload: notice },
  'GET /api/notices/:id/ledger.xlsx': { roles: SUPERVISORS, scope: 'org', record: 'notice' },
  'GET /api/tasks': { roles: WORKERS, scope: 'none' },
  'GET /api/tasks/export.xlsx': { roles: WORKERS, scope: 'none' },
  'GET /api/tasks/:id': { roles: WORKERS, scope: 'unit', record: 'task' },
  'PATCH /api/tasks/:id': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    foreignRef: true,
    body: (_rec, ref) => ({ version: 1, unitIds: [ref.unit], leaderIds: [ref.leader] }),
  },
  'GET /api/tasks/:id/upstream': { roles: WORKERS, scope: 'unit', record: 'task' },
  // 销号 and 撤销销号: the office of the task's organisation only. No matrix task has an accepted
  // "completed" report, so an allowed close is answered TASK_NOT_CLOSABLE and a reopen TASK_NOT_CLOSED.
  'POST /api/tasks/:id/close': { roles: OFFICE, scope: 'org', record: 'task', body: () => ({ note: '矩阵销号' }) },
  'POST /api/tasks/:id/reopen': { roles: OFFICE, scope: 'org', record: 'task', body: () => ({ reason: '矩阵撤销' }) },
  // 报牵头单位 (issue 15): the office sets how a task's co-operating units report, one task or a
  // selection at once (a task of the sibling district in the selection is refused, nothing written).
  'PUT /api/tasks/:id/co-reporting': { roles: OFFICE, scope: 'org', record: 'task', body: () => ({ version: 1, coReporting: 'separate' }) },
  'POST /api/tasks/co-reporting': { roles: OFFICE, scope: 'none', body: (_rec, ref) => ({ coReporting: 'separate', taskIds: [ref.task] }) },
  // Building the ledger without a notice (issue 16): the office starts a ledger, adds annexes and
  // tasks (names, not ids: units not in the directory are created), moves and deletes tasks (every
  // matrix task has a report entry, so an allowed delete is answered TASK_NOT_DELETABLE), keeps the
  // paste mapping and downloads the template; everyone who reads the ledger reads a notice's structure.
  'POST /api/notices': { roles: OFFICE, scope: 'none', body: (_rec, _ref, n) => ({ title: `矩阵台账${n}`, year: 2024 }) },
  'GET /api/notices/:id/structure': { roles: WORKERS, scope: 'org', record: 'notice' },
  'POST /api/notices/:id/annexes': { roles: OFFICE, scope: 'org', record: 'notice', body: () => ({ annexKind: 'other' }) },
  'POST /api/notices/:id/tasks': {
    roles: OFFICE,
    scope: 'org',
    record: 'notice',
    body: () => ({ annexNo: 1, tasks: [{ standard: '矩阵新增任务', leadUnits: ['区发改局'] }] }),
  },
  'POST /api/tasks/:id/move': { roles: OFFICE, scope: 'org', record: 'task', body: () => ({ direction: 'down' }) },
  'DELETE /api/tasks/:id': { roles: OFFICE, scope: 'org', record: 'task' },
  'GET /api/tasks/reported': { roles: OFFICE, scope: 'none', query: (_rec, ref) => `ids=${ref.task}` },
  'GET /api/ledger/paste-mapping': { roles: OFFICE, scope: 'none' },
  'PUT /api/ledger/paste-mapping': { roles: OFFICE, scope: 'none', body: () => ({ byHeader: { 任务内容: 'standard' }, byColumn: [] }) },
  'GET /api/ledger/import-template.xlsx': { roles: OFFICE, scope: 'none', query: () => 'year=2024' },
  // The office corrects an indicator of its task; the sibling district's indicator named on one's own task is refused.
  'PATCH /api/tasks/:id/indicators/:indicatorId': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    foreignRef: true,
    params: { indicatorId: (_rec, ref) => ref.indicator },
    body: () => ({ version: 1, name: '矩阵指标', unit: '个', target: 1, qualifier: null }),
  },
  // Milestones (时间节点): read with the task, set by the office. The body names one of the task's
  // indicators: 甲区's indicator on 乙区's task is refused. No matrix record is a milestone: an
  // unknown milestone id answers 404 once the task is allowed (milestones.test.ts covers real ones).
  'GET /api/tasks/:id/milestones': { roles: WORKERS, scope: 'unit', record: 'task' },
  'POST /api/tasks/:id/milestones': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    foreignRef: true,
    body: (_rec, ref) => ({ dueOn: '2024-06-30', description: '矩阵节点', expect: { kind: 'indicator', indicatorId: ref.indicator, value: 1 } }),
  },
  'PATCH /api/tasks/:id/milestones/:milestoneId': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    params: { milestoneId: () => 2_000_000_000 },
    body: () => ({ version: 1, dueOn: '2024-06-30', description: '矩阵节点', expect: { kind: 'state', state: 'started' } }),
  },
  'DELETE /api/tasks/:id/milestones/:milestoneId': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    params: { milestoneId: () => 2_000_000_000 },
  },

  // Periods and reports.
  'GET /api/periods': { roles: WORKERS, scope: 'none' },
  'POST /api/periods/:id/open': { roles: OFFICE, scope: 'org', record: 'period' },
  'POST /api/periods/:id/close': { roles: OFFICE, scope: 'org', record: 'period' },
  'POST /api/periods/:id/extend': {
    roles: OFFICE,
    scope: 'org',
    record: 'period',
    body: () => ({ deadline: '2024-07-31', reason: '矩阵延期', version: 1 }),
  },
  'GET /api/periods/:id/reports': { roles: OFFICE, scope: 'org', record: 'period' },
  'GET /api/periods/:id/reports/mine': { roles: UNIT, scope: 'org', record: 'period' },
  'POST /api/periods/:id/reports/mine': { roles: UNIT, scope: 'org', record: 'period' },
  'GET /api/periods/:id/summary.xlsx': { roles: SUPERVISORS, scope: 'org', record: 'period' },
  'GET /api/periods/:id/summary.docx': { roles: SUPERVISORS, scope: 'org', record: 'period' },
  'GET /api/reports/:id': { roles: WORKERS, scope: 'unit', record: 'report' },
  'GET /api/reports/:id/export.docx': { roles: WORKERS, scope: 'unit', record: 'report' },
  'PUT /api/reports/:id/tasks/:taskId': {
    roles: ['unit_staff'],
    scope: 'unit',
    record: 'report',
    foreignRef: true,
    params: { taskId: (_rec, ref) => ref.task },
    body: () => ({ version: 1, status: 'on_track', narrative: '矩阵进展' }),
  },
  'POST /api/reports/:id/tasks/:taskId/evidence': {
    roles: ['unit_staff'],
    scope: 'unit',
    record: 'report',
    foreignRef: true,
    params: { taskId: (_rec, ref) => ref.task },
    upload: pdf,
  },
  // The lead unit (clerk or head) reminds the co-units of a 报牵头单位 task; no matrix task is one, so
  // an allowed call is answered VALIDATION_FAILED; a task of the sibling district is refused.
  'POST /api/reports/:id/tasks/:taskId/co-remind': {
    roles: UNIT,
    scope: 'unit',
    record: 'report',
    foreignRef: true,
    params: { taskId: (_rec, ref) => ref.task },
    body: () => ({}),
  },
  'POST /api/reports/:id/submit': { roles: ['unit_staff'], scope: 'unit', record: 'report', body: () => version },
  'POST /api/reports/:id/approve': { roles: ['unit_head'], scope: 'unit', record: 'report', body: () => version },
  'POST /api/reports/:id/copy-forward': { roles: ['unit_staff'], scope: 'unit', record: 'report', body: () => ({}) },
  'POST /api/reports/:id/withdraw': { roles: ['unit_staff'], scope: 'unit', record: 'report', body: () => version },
  'POST /api/reports/:id/head-withdraw': { roles: ['unit_head'], scope: 'unit', record: 'report', body: () => version },
  'POST /api/reports/:id/head-return': {
    roles: ['unit_head'],
    scope: 'unit',
    record: 'report',
    body: () => ({ ...version, reason: '请补充' }),
  },
  'POST /api/reports/:id/accept': { roles: OFFICE, scope: 'unit', record: 'report', body: () => version },
  'POST /api/reports/:id/office-return': {
    roles: OFFICE,
    scope: 'unit',
    record: 'report',
    body: () => ({ ...version, reason: '请补充' }),
  },
  'GET /api/evidence/:id': { roles: WORKERS, scope: 'unit', record: 'evidence' },
  'DELETE /api/evidence/:id': { roles: ['unit_staff'], scope: 'unit', record: 'evidence' },

  // Collaboration: coordination (提请协调), target adjustments, instructions (批示).
  'POST /api/tasks/:id/coordination': {
    roles: UNIT,
    scope: 'unit',
    record: 'task',
    foreignRef: true,
    body: (_rec, ref) => ({ problem: '矩阵协调', leaderId: ref.leader }),
  },
  'GET /api/coordination': { roles: ['office', 'unit_staff', 'unit_head', 'leader'], scope: 'none' },
  'GET /api/coordination/:id': {
    roles: ['office', 'unit_staff', 'unit_head', 'leader'],
    scope: 'unit',
    record: 'coordination',
  },
  'POST /api/coordination/:id/comments': {
    roles: ['office', 'unit_staff', 'unit_head', 'leader'],
    scope: 'unit',
    record: 'coordination',
    body: () => ({ body: '矩阵意见' }),
  },
  'POST /api/coordination/:id/assign': {
    roles: ['leader'],
    scope: 'unit',
    record: 'coordination',
    foreignRef: true,
    body: (_rec, ref) => ({ unitId: ref.unit }),
  },
  'POST /api/coordination/:id/close': {
    roles: ['leader'],
    scope: 'unit',
    record: 'coordination',
    body: () => ({ resolution: '已协调' }),
  },
  'POST /api/tasks/:id/adjustments': {
    roles: UNIT,
    scope: 'unit',
    record: 'task',
    foreignRef: true,
    body: (_rec, ref) => ({ indicatorId: ref.indicator, afterValue: 2, reason: '矩阵调整' }),
  },
  'GET /api/adjustments': { roles: WORKERS, scope: 'none' },
  'POST /api/adjustments/:id/approve': {
    roles: OFFICE,
    scope: 'org',
    record: 'adjustment',
    body: () => ({ note: '' }),
  },
  'POST /api/adjustments/:id/reject': {
    roles: OFFICE,
    scope: 'org',
    record: 'adjustment',
    body: () => ({ note: '不同意' }),
  },
  'POST /api/tasks/:id/instructions': {
    roles: ['leader'],
    scope: 'org',
    record: 'task',
    body: () => ({ body: '矩阵批示' }),
  },
  'POST /api/reports/:id/instructions': {
    roles: ['leader'],
    scope: 'org',
    record: 'report',
    body: () => ({ body: '矩阵批示' }),
  },

  // Supervision: settings, dashboard, reminders (催办).
  'GET /api/settings/light-thresholds': { roles: WORKERS, scope: 'none' },
  'PUT /api/settings/light-thresholds': { roles: OFFICE, scope: 'none', body: () => ({ yellowGap: 0.1, redGap: 0.2, version: 0 }) },
  'GET /api/settings/report-completeness': { roles: WORKERS, scope: 'none' },
  'PUT /api/settings/report-completeness': { roles: OFFICE, scope: 'none', body: () => ({ coUnitsMayLeaveBlank: false, version: 0 }) },
  // The working-day calendar: everyone who works on the tasks reads it (lateness is counted on it), the office sets it.
  'GET /api/settings/work-calendar': { roles: WORKERS, scope: 'none' },
  'PUT /api/settings/work-calendar': {
    roles: OFFICE,
    scope: 'none',
    body: () => ({ basis: 'working', shiftDeadlines: true, days: [{ date: '2027-10-01', off: true, name: '国庆节' }], version: 0 }),
  },
  // When periods open and close by themselves: read like the calendar, set by the office.
  'GET /api/settings/evidence-requirement': { roles: WORKERS, scope: 'none' },
  'PUT /api/settings/evidence-requirement': { roles: OFFICE, scope: 'none', body: () => ({ requireForCompleted: false, version: 0 }) },
  'GET /api/settings/period-schedule': { roles: WORKERS, scope: 'none' },
  'PUT /api/settings/period-schedule': {
    roles: OFFICE,
    scope: 'none',
    body: () => ({ autoOpen: true, openDaysAfterPreviousDeadline: 1, autoClose: true, closeDaysAfterDeadline: 15, version: 0 }),
  },
  'GET /api/dashboard': { roles: WORKERS, scope: 'none' },
  'GET /api/dashboard/export.xlsx': { roles: WORKERS, scope: 'none' },
  'GET /api/reminders': { roles: OFFICE, scope: 'none' },
  'POST /api/periods/:id/units/:unitId/urge': {
    roles: OFFICE,
    scope: 'org',
    record: 'period',
    foreignRef: true,
    params: { unitId: (_rec, ref) => ref.urgeUnit },
    body: () => ({ message: '矩阵催办' }),
  },
  // 批量催办: the units named in the body must be of the period's organisation (foreignRef: a
  // sibling district's unit is refused and nothing written).
  'POST /api/periods/:id/urges': {
    roles: OFFICE,
    scope: 'org',
    record: 'period',
    foreignRef: true,
    body: (_rec, ref, n) => ({ unitIds: [ref.urgeUnit], message: '矩阵批量催办', requestKey: `matrix-bulk-urge-${n}-${ref.urgeUnit}` }),
  },
  'GET /api/periods/:id/urges': { roles: OFFICE, scope: 'org', record: 'period' },
  'GET /api/settings/reminder-schedule': { roles: OFFICE, scope: 'none' },
  'PUT /api/settings/reminder-schedule': {
    roles: OFFICE,
    scope: 'none',
    body: () => ({ daysBefore: [3], urgeAfterDays: [1], version: 0 }),
  },
  'GET /api/settings/channels': { roles: OFFICE, scope: 'none' },
  'PUT /api/settings/channels': {
    roles: OFFICE,
    scope: 'none',
    body: () => ({ email: { enabled: false }, wecom: { enabled: false }, dingtalk: { enabled: false }, version: 0 }),
  },

  // Bulletins (通报): the office writes, everyone who works on the tasks reads the published ones.
  'GET /api/bulletins': { roles: WORKERS, scope: 'none' },
  'POST /api/bulletins': {
    roles: OFFICE,
    scope: 'none',
    foreignRef: true,
    body: (_rec, ref) => ({ periodId: ref.period }),
  },
  'GET /api/bulletins/:id': { roles: WORKERS, scope: 'org', record: 'bulletin' },
  'GET /api/bulletins/:id/export.docx': { roles: WORKERS, scope: 'org', record: 'bulletin' },
  'PUT /api/bulletins/:id': {
    roles: OFFICE,
    scope: 'org',
    record: 'bulletin',
    body: () => ({
      ...version,
      issuerMark: '督查通报',
      docNumber: '第1期',
      title: '矩阵通报',
      addressee: '',
      body: '正文',
      signature: '督查室',
      issueDate: '2024-07-08',
      highlightProgressIds: [],
    }),
  },
  'POST /api/bulletins/:id/regenerate': {
    roles: OFFICE,
    scope: 'org',
    record: 'bulletin',
    body: () => ({ ...version, highlightProgressIds: [] }),
  },
  'POST /api/bulletins/:id/publish': { roles: OFFICE, scope: 'org', record: 'bulletin', body: () => version },
  'DELETE /api/bulletins/:id': { roles: OFFICE, scope: 'org', record: 'bulletin', query: () => 'version=1' },

  // The year-end assessment (绩效考核): the office runs it, leaders read it.
  'GET /api/assessment/options': { roles: ASSESSORS, scope: 'none' },
  'GET /api/assessment/scheme': { roles: ASSESSORS, scope: 'none' },
  'PUT /api/assessment/scheme': { roles: OFFICE, scope: 'none', query: () => 'year=2024', body: () => ({ ...DEFAULT_SCHEME, version: 0 }) },
  'GET /api/assessment/latest': { roles: ASSESSORS, scope: 'none' },
  'POST /api/assessment/runs': {
    roles: OFFICE,
    scope: 'none',
    foreignRef: true,
    body: (_rec, ref) => ({ periodId: ref.period }),
  },
  'GET /api/assessment/runs/:id': { roles: ASSESSORS, scope: 'org', record: 'run' },
  'GET /api/assessment/runs/:id/ranking.xlsx': { roles: ASSESSORS, scope: 'org', record: 'run' },
  'GET /api/assessment/runs/:id/ranking.docx': { roles: ASSESSORS, scope: 'org', record: 'run' },
  'POST /api/assessment/runs/:id/adjustments': {
    roles: OFFICE,
    scope: 'org',
    record: 'run',
    foreignRef: true,
    body: (_rec, ref) => ({ unitId: ref.unit, delta: 1, reason: '矩阵加分' }),
  },
  'GET /api/assessment/vetoes': { roles: ASSESSORS, scope: 'none' },
  'POST /api/assessment/vetoes': {
    roles: OFFICE,
    scope: 'none',
    foreignRef: true,
    body: (_rec, ref) => ({ year: 2024, unitId: ref.unit, reason: '矩阵否决' }),
  },
  'DELETE /api/assessment/vetoes/:id': { roles: OFFICE, scope: 'org', record: 'veto' },
  'GET /api/reports/:id/quality': { roles: ASSESSORS, scope: 'org', record: 'report' },
  'PUT /api/reports/:id/quality': { roles: OFFICE, scope: 'org', record: 'report', body: () => ({ rating: 'good', loadedRating: null }) },

  // Levels: hand-down, roll-up (the one read that crosses organisations, read-only).
  'GET /api/levels/organisations': { roles: SUPERVISORS, scope: 'none' },
  'POST /api/tasks/:id/handdowns': {
    roles: OFFICE,
    scope: 'org',
    record: 'task',
    foreignRef: true,
    body: (_rec, ref) => ({ targets: [{ orgId: ref.org, standard: null, deadline: null }] }),
  },
  'POST /api/levels/relink': { roles: OFFICE, scope: 'none' },
  'GET /api/rollup': { roles: SUPERVISORS, scope: 'none' },
  'GET /api/rollup/ranking': { roles: SUPERVISORS, scope: 'none' },
  'GET /api/rollup/ranking.xlsx': { roles: SUPERVISORS, scope: 'none' },
  'GET /api/rollup/tasks/:id': { roles: SUPERVISORS, scope: 'org', record: 'task' },
  'GET /api/rollup/lower-tasks/:id': { roles: SUPERVISORS, scope: 'upstream', record: 'task' },
};
