import { ClusterOutlined } from '@ant-design/icons';
import type { Role } from '../api/types';
import { rolesFor } from '../auth/can';
import type { NavItem } from '../layout/menu';
import { isUpperOrg } from './access';

// 上下级汇总 in the menu (layout/menu.tsx): for a city's or province's office, leaders and viewers
// only; a district has nothing below it. The entry covers the read-only drill-down pages too.
export const ROLLUP_NAV: NavItem = {
  path: '/rollup',
  label: '上下级汇总',
  icon: <ClusterOutlined />,
  visible: isUpperOrg,
};

/** Adds the entry right after 台账 (the organisation's own items, then what it handed down). */
export function addLevelsNav(nav: Record<Role, NavItem[]>): void {
  for (const role of rolesFor('rollup.read')) {
    const ledger = nav[role].findIndex((i) => i.path === '/ledger');
    nav[role].splice(ledger < 0 ? nav[role].length : ledger + 1, 0, ROLLUP_NAV);
  }
}
