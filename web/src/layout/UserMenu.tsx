import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Tag } from 'antd';
import type { Me } from '../api/types';
import { ROLE_COLORS } from '../roles';

export interface AccountActions {
  changePassword: () => void;
  /** 账号安全, only for the roles offered two-step verification (or someone who still has it on). */
  security?: () => void;
  signOut: () => void;
  signOutEverywhere: () => void;
}

/**
 * The signed-in person's menu: 修改密码, 账号安全, 退出登录. On a desktop the button shows the name and
 * role; on a phone (compact) only the avatar, named for screen readers, so the header fits 360 px.
 */
export function UserMenu({ me, actions, compact = false }: { me: Me; actions: AccountActions; compact?: boolean }) {
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
          ...(actions.security ? [{ key: 'security', icon: <SafetyCertificateOutlined />, label: '账号安全' }] : []),
          { type: 'divider' },
          { key: 'logout-everywhere', icon: <LogoutOutlined />, label: '退出所有设备上的登录' },
          { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
        ],
        onClick: ({ key }) =>
          key === 'password'
            ? actions.changePassword()
            : key === 'security'
              ? actions.security?.()
              : key === 'logout-everywhere'
                ? actions.signOutEverywhere()
                : actions.signOut(),
      }}
    >
      {compact ? (
        <Button
          type="text"
          className="app-user app-phone-icon-button"
          data-testid="user-menu"
          aria-label={`账号菜单：${me.displayName}（${me.roleLabel}）`}
        >
          <Avatar size={32} icon={<UserOutlined />} style={{ backgroundColor: '#b71c1c' }} />
        </Button>
      ) : (
        <Button type="text" className="app-user" data-testid="user-menu">
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#b71c1c' }} />
          <span className="app-user-name">{me.displayName}</span>
          <Tag color={ROLE_COLORS[me.role] ?? 'default'} style={{ marginInlineEnd: 0 }}>
            {me.roleLabel}
          </Tag>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      )}
    </Dropdown>
  );
}
