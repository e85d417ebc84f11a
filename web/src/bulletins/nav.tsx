import { NotificationOutlined } from '@ant-design/icons';
import { ROLES } from '../../../core/roles';
import type { Role } from '../api/types';
import { can } from '../auth/can';
import type { NavItem } from '../layout/menu';

// 督查通报 in the menu (layout/menu.tsx). The office's entry also covers the reading pages
// (/bulletins/3), where it lands after publishing or from a notification.
export const OFFICE_BULLETINS: NavItem = {
  path: '/office/bulletins',
  label: '督查通报',
  icon: <NotificationOutlined />,
  also: ['/bulletins'],
};

const READ_BULLETINS: NavItem = { path: '/bulletins', label: '督查通报', icon: <NotificationOutlined /> };

/** The readers (bulletin.read) who do not write bulletins: the writers have OFFICE_BULLETINS. */
export const BULLETIN_READER_NAV: Partial<Record<Role, NavItem[]>> = Object.fromEntries(
  ROLES.filter((role) => can(role, 'bulletin.read') && !can(role, 'bulletin.write')).map((role) => [role, [READ_BULLETINS]]),
);
