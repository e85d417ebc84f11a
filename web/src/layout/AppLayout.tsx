import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BUSINESS_ROLES } from '../../../core/roles';
import type { Me } from '../api/types';
import { useLogout } from '../auth/session';
import { lazyWithPreload } from '../lazyWithPreload';
import { BusinessDate } from './BusinessDate';
import { businessDateDiffers } from './businessClock';
import { NAV, navPages, type NavItem } from './menu';
import { NotificationBell } from '../inbox/NotificationBell';
import { PhoneHeader } from './PhoneNav';
import { UserMenu, type AccountActions } from './UserMenu';
import { useIsPhone } from './useIsPhone';

const { Header, Sider, Content, Footer } = Layout;

// What the shell shows only on demand is a chunk of its own, fetched the first time it is needed:
// 修改密码 (a form), 账号安全 (two-step verification with its QR code) and the phone's menu drawer.
// Every page's first screen is lighter by their code (~25 kB gzip).
const ChangePasswordModal = lazyWithPreload(() =>
  import('../auth/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
).Component;
const AccountSecurityModal = lazyWithPreload(() =>
  import('../auth/AccountSecurityModal').then((m) => ({ default: m.AccountSecurityModal })),
).Component;
const PhoneDrawer = lazyWithPreload(() => import('./PhoneNavDrawer'));
const PhoneNavDrawer = PhoneDrawer.Component;

/** True from the first time `open` is: a lazy modal or drawer stays mounted after, so it can animate closed. */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

const menuItem = (i: NavItem): { key: string; icon: ReactNode; label: string; children?: unknown[] } => ({
  key: i.path,
  icon: i.icon,
  label: i.label,
  ...(i.children ? { children: i.children.map((c) => ({ key: c.path, label: c.label })) } : {}),
});

export function AppLayout({ me }: { me: Me }) {
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const { modal } = App.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [pwdOpen, setPwdOpen] = useState(false);
  const [securityOpen, setSecurityOpen] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const phone = useIsPhone();
  // A page chosen in the drawer closes it; so does any other navigation (a link, the back button).
  useEffect(() => setDrawerOpen(false), [location.pathname]);
  // On a phone the drawer's code comes with the shell, so the menu button opens it at once.
  useEffect(() => {
    if (phone) PhoneDrawer.preload().catch(() => undefined);
  }, [phone]);
  const pwdMounted = useOpenedOnce(pwdOpen || me.mustChangePassword);
  const securityMounted = useOpenedOnce(securityOpen);
  const drawerMounted = useOpenedOnce(drawerOpen);
  // 账号安全 (two-step verification) only for the roles offered it, or someone who still has it on.
  const showSecurity = me.totp.mayEnrol || me.totp.enabled;

  const items = (NAV[me.role] ?? []).filter((i) => !i.visible || i.visible(me));
  // The most specific entry wins: on /office/import only 导入通知 is highlighted, not 工作台 too.
  const selected = navPages(items)
    .filter(
      (i) =>
        location.pathname === i.path ||
        location.pathname.startsWith(i.path + '/') ||
        (i.also ?? []).some((p) => location.pathname.startsWith(p + '/')),
    )
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((i) => i.path);
  const orgPath = me.org.path.length > 0 ? me.org.path.map((o) => o.name) : [me.org.name];

  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  // A browser left signed in elsewhere (another office, a lost phone) is signed out as well.
  const signOutEverywhere = () =>
    modal.confirm({
      title: '退出所有设备上的登录？',
      content: '您在其他电脑、浏览器或手机上的登录也将同时失效，需要重新登录。',
      okText: '全部退出',
      cancelText: '取消',
      onOk: () => logout.mutate({ everywhere: true }, { onSettled: () => navigate('/login', { replace: true }) }),
    });
  const account: AccountActions = {
    changePassword: () => setPwdOpen(true),
    security: showSecurity ? () => setSecurityOpen(true) : undefined,
    signOut,
    signOutEverywhere,
  };
  const openKeys = items.filter((i) => i.children?.some((c) => selected.includes(c.path))).map((i) => i.path);
  // The phone header names the section the page belongs to (the highlighted menu entry).
  const section = navPages(items).find((i) => i.path === selected[0])?.label ?? '督办系统';

  return (
    <Layout className={phone ? 'app-shell app-shell-phone' : 'app-shell'}>
      {phone ? (
        drawerMounted && (
          <Suspense fallback={null}>
            <PhoneNavDrawer
              me={me}
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              items={items.map(menuItem)}
              selected={selected}
              openKeys={openKeys}
              onNavigate={navigate}
              actions={account}
              signingOut={logout.isPending}
            />
          </Suspense>
        )
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={216}
          breakpoint="lg"
          className="app-sider"
        >
          <div className="app-logo" title="督办 · 目标任务责任分解督办系统">
            <span className="app-logo-mark">督</span>
            {!collapsed && <span className="app-logo-text">督办系统</span>}
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            // A group (系统设置) starts open when one of its pages is shown.
            defaultOpenKeys={openKeys}
            items={items.map(menuItem)}
            onClick={({ key }) => navigate(key)}
          />
        </Sider>
      )}
      <Layout>
        {phone ? (
          <PhoneHeader me={me} title={section} actions={account} onOpenMenu={() => setDrawerOpen(true)} />
        ) : (
          <Header className="app-header">
            <div className="app-header-left">
              <Typography.Text strong className="app-title">
                督办 · 目标任务责任分解督办系统
              </Typography.Text>
              <span className="app-org" data-testid="org-path">
                {orgPath.join(' / ')}
              </span>
              {businessDateDiffers(me.businessClock) && <BusinessDate clock={me.businessClock} />}
            </div>
            <Space size="middle" className="app-header-right">
              {/* The three system roles (三员) get no business notifications. */}
              {/* Notifications are business work: the three system roles (三员) have none. */}
              {BUSINESS_ROLES.includes(me.role) && !me.mustChangePassword && <NotificationBell me={me} />}
              <UserMenu me={me} actions={account} />
              <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
                退出登录
              </Button>
            </Space>
          </Header>
        )}
        <Content className="app-content">
          {/* Until an initial or reset password is changed the server refuses every other call:
              show nothing that would ask it, only the forced change below. */}
          {me.mustChangePassword ? (
            <Result
              status="warning"
              title="请先修改初始密码"
              subTitle="为保障账号安全，首次登录或密码被重置后，须设置自己的新密码才能使用系统。"
            />
          ) : (
            <Suspense fallback={<Spin size="large" className="page-spin" />}>
              <Outlet />
            </Suspense>
          )}
        </Content>
        <Footer className="app-footer">{me.org.name}人民政府督查室 · 督办系统 · 仅限政务内网使用</Footer>
      </Layout>
      <Suspense fallback={null}>
        {pwdMounted && <ChangePasswordModal open={pwdOpen} onClose={() => setPwdOpen(false)} />}
        {showSecurity && securityMounted && (
          <AccountSecurityModal me={me} open={securityOpen} onClose={() => setSecurityOpen(false)} />
        )}
        {pwdMounted && (
          <ChangePasswordModal open={me.mustChangePassword && !pwdOpen} forced onClose={() => undefined} />
        )}
      </Suspense>
    </Layout>
  );
}
