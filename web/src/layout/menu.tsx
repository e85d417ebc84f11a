import {
  AreaChartOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EyeOutlined,
  FileDoneOutlined,
  HomeOutlined,
  ImportOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Role } from '../api/types';
import { rolesFor, type Action } from '../auth/can';
import { BULLETIN_READER_NAV, OFFICE_BULLETINS } from '../bulletins/nav';
import { LEDGER_NAV } from '../ledger/nav';
import { addAssessmentNav } from '../assessment/nav';
import { addLevelsNav } from '../levels/nav';

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Detail pages elsewhere in the URL space that belong to this entry (e.g. /office/reports/3). */
  also?: string[];
  /** Shown only to some users of the role (e.g. 上下级汇总: organisations with levels below). */
  visible?: (me: Me) => boolean;
  /** A group (系统设置): its path is only the submenu's key; the children are the pages. */
  children?: NavItem[];
}

/** The pages of a menu, groups opened: what the selection and the tests look at. */
export const navPages = (items: NavItem[]): NavItem[] => items.flatMap((i) => (i.children ? i.children : [i]));

// One entry per page a role can open: first the role's home, then the pages of the actions the role
// has (core/policy/actions.ts, the same check as each page's route in routes.tsx).
export const NAV: Record<Role, NavItem[]> = {
  office: [{ path: '/office', label: '督查室工作台', icon: <DashboardOutlined /> }],
  unit_staff: [{ path: '/unit', label: '单位首页', icon: <HomeOutlined /> }],
  unit_head: [{ path: '/unit-head', label: '单位负责人首页', icon: <FileDoneOutlined /> }],
  leader: [{ path: '/leader', label: '领导首页', icon: <HomeOutlined /> }],
  viewer: [{ path: '/viewer', label: '查看首页', icon: <EyeOutlined /> }],
  sysadmin: [{ path: '/admin/users', label: '用户管理', icon: <TeamOutlined /> }],
  secadmin: [{ path: '/security', label: '安全设置', icon: <SafetyCertificateOutlined /> }],
  auditor: [{ path: '/audit', label: '审计日志', icon: <AuditOutlined /> }],
};

/** Adds the entry to the menu of every role that may do the action its page needs. */
const addFor = (action: Action, entry: NavItem) => {
  for (const role of rolesFor(action)) NAV[role].push(entry);
};

// 数据分析 (web/src/dashboard): the charts, on a page of their own next to each home.
addFor('dashboard.read', { path: '/analysis', label: '数据分析', icon: <AreaChartOutlined /> });
addFor('notice.import', { path: '/office/import', label: '导入通知', icon: <ImportOutlined /> });
addFor('period.manage', { path: '/office/periods', label: '报送期管理', icon: <CalendarOutlined />, also: ['/office/reports'] });

// The ledger and collaboration entries (台账, 协调事项, 目标调整审核) follow each role's own pages.
for (const [role, entries] of Object.entries(LEDGER_NAV) as [Role, NavItem[]][]) NAV[role].push(...entries);

// 督查催办 (web/src/supervision, web/src/bulletins): the office's bulletins, reminder log and settings come last.
addFor('bulletin.write', OFFICE_BULLETINS);
addFor('reminder.read', { path: '/office/reminders', label: '催办记录', icon: <BellOutlined /> });

// 督查通报 (web/src/bulletins): the readers of published bulletins find them after their other pages.
for (const [role, entries] of Object.entries(BULLETIN_READER_NAV) as [Role, NavItem[]][]) NAV[role].push(...entries);

// 绩效考核 (web/src/assessment): the office's and leaders' year-end ranking.
addAssessmentNav(NAV);

// 上下级汇总 (web/src/levels): the roll-up of handed-down items, for organisations with levels below.
addLevelsNav(NAV);

// 系统设置 stays last: the office's parameters, and 基础数据 (the unit and leader directory).
addFor('settings.write', {
  path: 'settings',
  label: '系统设置',
  icon: <SettingOutlined />,
  children: [
    { path: '/office/settings', label: '参数设置', icon: <SettingOutlined /> },
    { path: '/office/directory', label: '基础数据', icon: <DatabaseOutlined /> },
  ],
});
