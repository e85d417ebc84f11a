import { TrophyOutlined } from '@ant-design/icons';
import type { Role } from '../api/types';
import { rolesFor } from '../auth/can';
import type { NavItem } from '../layout/menu';

export const ASSESSMENT_NAV: NavItem = { path: '/assessment', label: '绩效考核', icon: <TrophyOutlined /> };

/** Adds the entry for assessment.read: before the office's 系统设置 (settings stay last), else at the end. */
export function addAssessmentNav(nav: Record<Role, NavItem[]>): void {
  for (const role of rolesFor('assessment.read')) {
    const settings = nav[role].findIndex((i) => i.path === '/office/settings');
    nav[role].splice(settings < 0 ? nav[role].length : settings, 0, ASSESSMENT_NAV);
  }
}
