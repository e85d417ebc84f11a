import { NotificationOutlined } from '@ant-design/icons';
import type { Role } from '../api/types';
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

export const BULLETIN_READER_NAV: Partial<Record<Role, NavItem[]>> = {
  unit_staff: [READ_BULLETINS],
  unit_head: [READ_BULLETINS],
  leader: [READ_BULLETINS],
  viewer: [READ_BULLETINS],
};
