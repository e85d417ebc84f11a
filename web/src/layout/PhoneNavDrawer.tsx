import { LogoutOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Drawer, Menu, Tag, Typography, type MenuProps } from 'antd';
import type { Me } from '../api/types';
import { ROLE_COLORS } from '../roles';
import { BusinessDate } from './BusinessDate';
import { businessDateDiffers } from './businessClock';
import type { AccountActions } from './UserMenu';

/**
 * The menu as a drawer from the left: who is signed in and where, the role's pages (items 48 px high,
 * for a thumb), and 退出登录 always in view at the bottom.
 */
export default function PhoneNavDrawer({
  me,
  open,
  onClose,
  items,
  selected,
  openKeys,
  onNavigate,
  actions,
  signingOut,
}: {
  me: Me;
  open: boolean;
  onClose: () => void;
  items: MenuProps['items'];
  selected: string[];
  openKeys: string[];
  onNavigate: (path: string) => void;
  actions: AccountActions;
  signingOut: boolean;
}) {
  const orgPath = me.org.path.length > 0 ? me.org.path.map((o) => o.name) : [me.org.name];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      width={Math.min(300, window.innerWidth - 48)}
      className="app-phone-drawer"
      title={
        <span className="app-phone-drawer-title">
          <span className="app-logo-mark">督</span>
          <span>督办系统</span>
        </span>
      }
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
      footer={
        <Button block size="large" icon={<LogoutOutlined />} onClick={actions.signOut} loading={signingOut}>
          退出登录
        </Button>
      }
    >
      <div className="app-phone-drawer-who">
        <div>
          <Typography.Text strong>{me.displayName}</Typography.Text>{' '}
          <Tag color={ROLE_COLORS[me.role] ?? 'default'}>{me.roleLabel}</Tag>
        </div>
        <div className="app-org" data-testid="org-path">
          {orgPath.join(' / ')}
        </div>
        {businessDateDiffers(me.businessClock) && <BusinessDate clock={me.businessClock} />}
      </div>
      <ConfigProvider theme={{ components: { Menu: { itemHeight: 48, fontSize: 16 } } }}>
        <Menu
          mode="inline"
          selectedKeys={selected}
          defaultOpenKeys={openKeys}
          items={items}
          onClick={({ key }) => onNavigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </ConfigProvider>
    </Drawer>
  );
}
