import { CommentOutlined, ProfileOutlined, SwapOutlined } from '@ant-design/icons';
import { ROLES } from '../../../core/roles';
import type { Role } from '../api/types';
import { can } from '../auth/can';
import type { NavItem } from '../layout/menu';

// Menu entries of the ledger and collaboration pages, appended to each role's own (layout/menu.tsx).
// 台账 also covers the task pages (/tasks/12) so the entry stays highlighted there.
const LEDGER: NavItem = { path: '/ledger', label: '台账', icon: <ProfileOutlined />, also: ['/tasks'] };
const COORDINATION: NavItem = { path: '/coordination', label: '协调事项', icon: <CommentOutlined /> };
const ADJUSTMENTS: NavItem = { path: '/office/adjustments', label: '目标调整审核', icon: <SwapOutlined /> };

/** Each entry for the roles its page's action allows (the same check as the route in routes.tsx). */
export const LEDGER_NAV: Partial<Record<Role, NavItem[]>> = Object.fromEntries(
  ROLES.map((role) => [
    role,
    [
      ...(can(role, 'task.read') ? [LEDGER] : []),
      ...(can(role, 'coordination.read') ? [COORDINATION] : []),
      ...(can(role, 'adjustment.decide') ? [ADJUSTMENTS] : []),
    ],
  ]),
);
