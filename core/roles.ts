// The roles of DESIGN.md. Unit roles are bound to one unit; the three "三员" roles
// (sysadmin / secadmin / auditor) manage the system and see no business data.
export const ROLES = [
  'office',
  'unit_staff',
  'unit_head',
  'leader',
  'viewer',
  'sysadmin',
  'secadmin',
  'auditor',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  office: '督查室',
  unit_staff: '单位经办人',
  unit_head: '单位负责人',
  leader: '区领导',
  viewer: '查看人员',
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '安全审计员',
};

/** Where each role lands after sign-in (the web app's route). */
export const ROLE_HOMES: Record<Role, string> = {
  office: '/office',
  unit_staff: '/unit',
  unit_head: '/unit-head',
  leader: '/leader',
  viewer: '/viewer',
  sysadmin: '/admin/users',
  secadmin: '/security',
  auditor: '/audit',
};

export const UNIT_ROLES: readonly Role[] = ['unit_staff', 'unit_head'];

/**
 * The three separated system duties (三员分立). Their accounts are created and kept by the
 * deployment (`duban create-user` on the server), never through the API: otherwise the system
 * administrator could make or take over the auditor's account and read, or hide, its own trace.
 */
export const SYSTEM_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

/** The roles the system administrator may give or manage through the API. */
export const BUSINESS_ROLES: readonly Role[] = ROLES.filter((r) => !SYSTEM_ROLES.includes(r));

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ORG_LEVELS = ['province', 'city', 'district'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
