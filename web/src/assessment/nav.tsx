import { TrophyOutlined } from '@ant-design/icons';
import type { Role } from '../api/types';
import type { NavItem } from '../layout/menu';

export const ASSESSMENT_NAV: NavItem = { path: '/assessment', label: '绩效考核', icon: <TrophyOutlined /> };

/** Adds the entry: before the office's 系统设置 (settings stay last), at the end of a leader's menu. */
export function addAssessmentNav(nav: Record<Role, NavItem[]>): void {
  const settings = nav.office.findIndex((i) => i.path === '/office/settings');
  nav.office.splice(settings < 0 ? nav.office.length : settings, 0, ASSESSMENT_NAV);
  nav.leader.push(ASSESSMENT_NAV);
}
