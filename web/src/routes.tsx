import { Button, Result, Spin } from 'antd';
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { errorMessage } from './api/client';
import type { Role } from './api/types';
import { can, type Action } from './auth/can';
import { useSession } from './auth/session';
import { preloadDashboardCode, usePrefetchDashboard } from './dashboard/preload';
import { lazyWithPreload } from './lazyWithPreload';
import { homeFor } from './roles';

// Nothing but the router, the session and antd's provider is in the entry: the sign-in page and the
// signed-in shell (menu, header) are chunks of their own, and so is every page. A clerk never
// downloads the audit or user-admin code, and the sign-in page never downloads the menu.
const Login = lazyWithPreload(() => import('./auth/LoginPage'));
const Shell = lazyWithPreload(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const LoginPage = Login.Component;
const AppLayout = Shell.Component;

type Page = {
  path: string;
  load: () => Promise<{ default: ComponentType }>;
  /** The page reads the 督办概览's data (a role home): it is asked for with the page's code. */
  dashboard?: true;
  /**
   * The page also shows its charts (DashboardSection): the dashboard's chunk and ECharts download
   * with the page's code. Not the office's or a leader's home: their first screen is the work, the
   * charts are on 数据分析, and ECharts (~175 kB gzip) would double what the home downloads.
   */
  charts?: true;
} & (
  /** A role's own home: anyone else goes to theirs. */
  | { home: Role; action?: never }
  /** Any other page: the action its requests need (core/policy/actions.ts); anyone else goes home. */
  | { action: Action; home?: never }
);

/** Every signed-in page: its path, who may open it, and its chunk. */
const PAGES: Page[] = [
  { path: 'office', home: 'office', dashboard: true, load: () => import('./homes/office/OfficeHome') },
  { path: 'office/import', action: 'notice.import', load: () => import('./notices/ImportPage') },
  // 数据分析: the dashboard's charts, off the homes (issue 15); 基础数据: the directory, off the workbench.
  { path: 'analysis', action: 'dashboard.read', dashboard: true, charts: true, load: () => import('./dashboard/AnalysisPage') },
  { path: 'office/directory', action: 'directory.write', load: () => import('./directory/DirectoryPage') },
  { path: 'unit', home: 'unit_staff', dashboard: true, charts: true, load: () => import('./homes/unit/UnitStaffHome') },
  { path: 'unit-head', home: 'unit_head', dashboard: true, charts: true, load: () => import('./homes/unit-head/UnitHeadHome') },
  { path: 'leader', home: 'leader', dashboard: true, load: () => import('./homes/leader/LeaderHome') },
  { path: 'viewer', home: 'viewer', dashboard: true, charts: true, load: () => import('./homes/viewer/ViewerHome') },
  { path: 'admin/users', action: 'users.manage', load: () => import('./admin/UsersPage') },
  { path: 'security', action: 'security.read', load: () => import('./homes/secadmin/SecurityHome') },
  { path: 'audit', action: 'audit.read', load: () => import('./audit/AuditPage') },
  // Quarterly reporting (web/src/reporting): periods and review for the office, the unit's report.
  { path: 'office/periods', action: 'period.manage', load: () => import('./reporting/PeriodsPage') },
  { path: 'office/periods/:id', action: 'report.review', load: () => import('./reporting/PeriodReportsPage') },
  { path: 'office/reports/:id', action: 'report.review', load: () => import('./reporting/OfficeReportPage') },
  { path: 'unit/report/:periodId', action: 'report.edit', load: () => import('./reporting/UnitReportPage') },
  { path: 'unit-head/report/:periodId', action: 'report.approve', load: () => import('./reporting/UnitReportPage') },
  // Ledger and collaboration (web/src/ledger, web/src/collaboration): pages several roles share.
  { path: 'ledger', action: 'task.read', load: () => import('./ledger/LedgerPage') },
  { path: 'tasks/:id', action: 'task.read', load: () => import('./ledger/TaskPage') },
  { path: 'coordination', action: 'coordination.read', load: () => import('./collaboration/CoordinationListPage') },
  { path: 'coordination/:id', action: 'coordination.read', load: () => import('./collaboration/CoordinationPage') },
  { path: 'office/adjustments', action: 'adjustment.decide', load: () => import('./collaboration/AdjustmentsReviewPage') },
  // 督查催办 (web/src/supervision): reminders and urges, and the office's settings.
  { path: 'office/reminders', action: 'reminder.read', load: () => import('./supervision/RemindersPage') },
  { path: 'office/settings', action: 'settings.write', load: () => import('./supervision/SettingsPage') },
  // 督查通报 (web/src/bulletins): the office drafts and publishes; every business role reads.
  { path: 'office/bulletins', action: 'bulletin.write', load: () => import('./bulletins/BulletinsPage') },
  { path: 'office/bulletins/:id', action: 'bulletin.write', load: () => import('./bulletins/BulletinEditorPage') },
  { path: 'bulletins', action: 'bulletin.read', load: () => import('./bulletins/BulletinsPage') },
  { path: 'bulletins/:id', action: 'bulletin.read', load: () => import('./bulletins/BulletinReadPage') },
  // 绩效考核 (web/src/assessment): the office's scheme, runs and ranking; leaders read it.
  { path: 'assessment', action: 'assessment.read', load: () => import('./assessment/AssessmentPage') },
  // 上下级汇总 (web/src/levels): a city's or province's roll-up of what it handed down, and the read-only drill-down.
  { path: 'rollup', action: 'rollup.read', load: () => import('./levels/RollupPage') },
  { path: 'rollup/lower-tasks/:id', action: 'rollup.read', load: () => import('./levels/LowerTaskPage') },
];

const PAGE_ROUTES = PAGES.map((p) => ({ ...p, ...lazyWithPreload(p.load) }));

const pagesAt = (pathname: string) => PAGE_ROUTES.filter((p) => matchPath(`/${p.path}`, pathname));
const allowed = (role: Role, page: Page) => (page.home ? role === page.home : can(role, page.action));

const ignore = () => undefined;

/**
 * Starts downloading the chunks the address will need while the session is still being asked for
 * (/api/auth/me): without this each lazy step waits for the one before it (session → shell → page
 * → its parts). On / and /login that is the sign-in page; anywhere else the signed-in shell and the
 * page. A wrong guess (an expired session) costs a small download, never a different screen: the
 * router still decides what is shown.
 */
export function preloadFor(pathname: string): void {
  if (pathname === '/' || matchPath('/login', pathname)) {
    Login.preload().catch(ignore);
    return;
  }
  Shell.preload().catch(ignore);
  for (const p of pagesAt(pathname)) {
    p.preload().catch(ignore);
    if (p.charts) preloadDashboardCode();
  }
}

/** Renders nothing: asks for the dashboard's data as soon as the session is known (see SignedIn). */
function PrefetchDashboard() {
  usePrefetchDashboard();
  return null;
}

function FullPageSpin() {
  return (
    <div className="full-page-center">
      <Spin size="large" tip="正在加载…">
        <div style={{ width: 120, height: 80 }} />
      </Spin>
    </div>
  );
}

/** Everything except /login needs a session; without one the user goes to the sign-in page. */
function SignedIn() {
  const { me, isLoading, error, refetch } = useSession();
  const { pathname } = useLocation();
  if (isLoading) return <FullPageSpin />;
  if (error && !me) {
    return (
      <div className="full-page-center">
        <Result
          status="500"
          title="无法连接服务器"
          subTitle={errorMessage(error)}
          extra={
            <Button type="primary" onClick={() => void refetch()}>
              重试
            </Button>
          }
        />
      </div>
    );
  }
  if (!me) return <Navigate to="/login" replace />;
  // On a home of this person's role the dashboard's data is asked for now, alongside the shell's and
  // the page's code, rather than once the page has rendered. Only then: a refused request (another
  // role's page) must not be made, and a 401 before /me answered would read as an expired session.
  const dashboard = pagesAt(pathname).some((p) => p.dashboard && allowed(me.role, p));
  return (
    <>
      {dashboard && <PrefetchDashboard />}
      <AppLayout me={me} />
    </>
  );
}

/**
 * Opening a page one may not (another role's home, a page whose action the role lacks) sends the
 * user to their own home rather than showing a page whose every request the server would refuse.
 */
function Allowed({ page, children }: { page: Page; children: ReactNode }) {
  const { me } = useSession();
  if (!me) return <Navigate to="/login" replace />;
  if (!allowed(me.role, page)) return <Navigate to={homeFor(me.role, me.home)} replace />;
  return <>{children}</>;
}

function HomeRedirect() {
  const { me } = useSession();
  if (!me) return <Navigate to="/login" replace />;
  return <Navigate to={homeFor(me.role, me.home)} replace />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<SignedIn />}>
          <Route index element={<HomeRedirect />} />
          {PAGE_ROUTES.map((page) => (
            <Route
              key={page.path}
              path={page.path}
              element={
                <Allowed page={page}>
                  <page.Component />
                </Allowed>
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
