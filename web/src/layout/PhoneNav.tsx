import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Typography } from 'antd';
import { BUSINESS_ROLES } from '../../../core/roles';
import type { Me } from '../api/types';
import { NotificationBell } from '../inbox/NotificationBell';
import { UserMenu, type AccountActions } from './UserMenu';

/**
 * The phone's header (below 768 px): the menu button, the section's name, the bell and the account
 * menu — four things that fit 360 px, each at least 44 px to tap. The sider's menu is in the drawer
 * (PhoneNavDrawer.tsx, a chunk of its own: a desktop never downloads it).
 */
export function PhoneHeader({
  me,
  title,
  actions,
  onOpenMenu,
}: {
  me: Me;
  title: string;
  actions: AccountActions;
  onOpenMenu: () => void;
}) {
  return (
    <Layout.Header className="app-header app-phone-header">
      <Button
        type="text"
        className="app-phone-icon-button"
        icon={<MenuOutlined style={{ fontSize: 20 }} />}
        aria-label="打开菜单"
        aria-haspopup="dialog"
        data-testid="phone-menu-button"
        onClick={onOpenMenu}
      />
      <Typography.Text strong className="app-phone-title" data-testid="phone-title">
        {title}
      </Typography.Text>
      {/* Notifications are business work: the three system roles (三员) have none. */}
      {BUSINESS_ROLES.includes(me.role) && !me.mustChangePassword && <NotificationBell me={me} />}
      <UserMenu me={me} actions={actions} compact />
    </Layout.Header>
  );
}
