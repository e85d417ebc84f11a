import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown, Layout, Menu, Result, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { BUSINESS_ROLES } from '../../../core/roles';
import type { Me } from '../api/types';
import { AccountSecurityModal } from '../auth/AccountSecurityModal';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useLogout } from '../auth/session';
import { ROLE_COLORS } from '../roles';
import { businessDateDiffers } from './businessClock';
import { NAV } from './menu';
import { NotificationBell } from '../inbox/NotificationBell';

const { Header, Sider, Content, Footer } = Layout;

/**
 * The date the work is on, shown only when it is not the real date (the demo, or DUBAN_TODAY):
 * deadlines, lateness, reminders and every business record read on it; security records do not.
 */
function BusinessDate({ clock }: { clock: Me['businessClock'] }) {
  const [y, m, d] = clock.today.split('-').map(Number);
  return (
    <Tooltip title="截止日期、逾期、提醒以及导入、审核、协调、通知等业务记录的时间均按业务日期计算；审计日志等安全记录使用服务器的实际时间（系统时间）。">
      <span className="app-business-date" data-testid="business-date">
        业务日期：{y}年{m}月{d}日{clock.demo ? '（演示）' : ''}
      </span>
    </Tooltip>
  );
}

export function AppLayout({ me }: { me: Me }) {
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const { modal } = App.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [pwdOpen, setPwdOpen] = useState(false);
  const [securityOpen, setSecurityOpen] = useState(false);
  // 账号安全 (two-step verification) only for the roles offered it, or someone who still has it on.
  const showSecurity = me.totp.mayEnrol || me.totp.enabled;

  const items = (NAV[me.role] ?? []).filter((i) => !i.visible || i.visible(me));
  // The most specific entry wins: on /office/import only 导入通知 is highlighted, not 工作台 too.
  const selected = items
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

  return (
    <Layout className="app-shell">
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
          items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
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
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  ...(showSecurity ? [{ key: 'security', icon: <SafetyCertificateOutlined />, label: '账号安全' }] : []),
                  { type: 'divider' },
                  { key: 'logout-everywhere', icon: <LogoutOutlined />, label: '退出所有设备上的登录' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
                ],
                onClick: ({ key }) =>
                  key === 'password'
                    ? setPwdOpen(true)
                    : key === 'security'
                      ? setSecurityOpen(true)
                      : key === 'logout-everywhere'
                        ? signOutEverywhere()
                        : signOut(),
              }}
            >
              <Button type="text" className="app-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#b71c1c' }} />
                <span className="app-user-name">{me.displayName}</span>
                <Tag color={ROLE_COLORS[me.role] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                  {me.roleLabel}
                </Tag>
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            <Button icon={<LogoutOutlined />} onClick={signOut} loading={logout.isPending}>
              退出登录
            </Button>
          </Space>
        </Header>
        <Content className="app-content">
          {/* Until an initial or reset password is changed the server refuses every other call:
              show nothing that would ask it, only the forced change below. */}
          {me.mustChangePassword ? (
            <Result status="warning" title="请先修改初始密码" subTitle="为保障账号安全，首次登录或密码被重置后，须设置自己的新密码才能使用系统。" />
          ) : (
            <Suspense fallback={<Spin size="large" className="page-spin" />}>
              <Outlet />
            </Suspense>
          )}
        </Content>
        <Footer className="app-footer">{me.org.name}人民政府督查室 · 督办系统 · 仅限政务内网使用</Footer>
      </Layout>
      <ChangePasswordModal open={pwdOpen} onClose={() => setPwdOpen(false)} />
      {showSecurity && <AccountSecurityModal me={me} open={securityOpen} onClose={() => setSecurityOpen(false)} />}
      <ChangePasswordModal open={me.mustChangePassword && !pwdOpen} forced onClose={() => undefined} />
    </Layout>
  );
}
