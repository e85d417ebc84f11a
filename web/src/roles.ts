import type { Role } from './api/types';
// Labels and homes come from core/ so the server and the web app cannot disagree on them.
import { ROLE_HOMES, ROLE_LABELS, ROLES } from '../../core/roles';

export { ROLE_HOMES, ROLE_LABELS };

export const ROLE_ORDER: readonly Role[] = ROLES;

// Tag colours make the three separated admin duties (三员) stand apart from business roles.
export const ROLE_COLORS: Record<Role, string> = {
  office: 'red',
  unit_staff: 'blue',
  unit_head: 'geekblue',
  leader: 'gold',
  viewer: 'default',
  sysadmin: 'purple',
  secadmin: 'volcano',
  auditor: 'cyan',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

/** The server sends each user's home with the session; fall back to the shared table. */
export function homeFor(role: Role, serverHome?: string): string {
  return serverHome && serverHome.startsWith('/') ? serverHome : ROLE_HOMES[role];
}
