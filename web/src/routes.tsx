import { Button, Result, Spin } from 'antd';
import { Suspense, type ComponentType, type ReactNode } from 'react';
import { matchPath, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { errorMessage } from './api/client';
import type { Role } from './api/types';
import { useSession } from './auth/session';
import { BULLETIN_ROLES } from './bulletins/access';
import { ASSESSMENT_ROLES } from './assessment/access';
import { preloadDashboardCode, usePrefetchDashboard } from './dashboard/preload';
import { ROLLUP_ROLES } from './levels/access';
import { COORDINATION_ROLES, ForRoles, LEDGER_ROLES } from './ledger/ForRoles';
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
  /** One role: anyone else goes to their own home (ForRole). Several: the shared pages (ForRoles). */
  only: Role | readonly Role[];
  load: () => Promise<{ default: ComponentType }>;
  /** The page shows the 督办概览 (a role home): its code and data are fetched with the page's. */
  dashboard?: true;
};

/** Every signed-in page: its path, who may open it, and its chunk. */
const PAGES: Page[] = [
  { path: 'office', only: 'office', dashboard: true, load: () => import('./homes/office/OfficeHome') },
  { path: 'office/import', only: 'office', load: () => import('./notices/ImportPage') },
  { path: 'unit', only: 'unit_staff', dashboard: true, load: () => import('./homes/unit/UnitStaffHome') },
  { path: 'unit-head', only: 'unit_head', dashboard: true, load: () => import('./homes/unit-head/UnitHeadHome') },
  { path: 'leader', only: 'leader', dashboard: true, load: () => import('./homes/leader/LeaderHome') },
  { path: 'viewer', only: 'viewer', dashboard: true, load: () => import('./homes/viewer/ViewerHome') },
  { path: 'admin/users', only: 'sysadmin', load: () => import('./admin/UsersPage') },
  { path: 'security', only: 'secadmin', load: () => import('./homes/secadmin/SecurityHome') },
  { path: 'audit', only: 'auditor', load: () => import('./audit/AuditPage') },
  // Quarterly reporting (web/src/reporting): periods and review for the office, the unit's report.
  { path: 'office/periods', only: 'office', load: () => import('./reporting/PeriodsPage') },
  { path: 'office/periods/:id', only: 'office', load: () => import('./reporting/PeriodReportsPage') },
  { path: 'office/reports/:id', only: 'office', load: () => import('./reporting/OfficeReportPage') },
  { path: 'unit/report/:periodId', only: 'unit_staff', load: () => import('./reporting/UnitReportPage') },
  { path: 'unit-head/report/:periodId', only: 'unit_head', load: () => import('./reporting/UnitReportPage') },
  // Ledger and collaboration (web/src/ledger, web/src/collaboration): pages several roles share.
  { path: 'ledger', only: LEDGER_ROLES, load: () => import('./ledger/LedgerPage') },
  { path: 'tasks/:id', only: LEDGER_ROLES, load: () => import('./ledger/TaskPage') },
  { path: 'coordination', only: COORDINATION_ROLES, load: () => import('./collaboration/CoordinationListPage') },
  { path: 'coordination/:id', only: COORDINATION_ROLES, load: () => import('./collaboration/CoordinationPage') },
  { path: 'office/adjustments', only: 'office', load: () => import('./collaboration/AdjustmentsReviewPage') },
  // 督查催办 (web/src/supervision): reminders and urges, and the office's settings.
  { path: 'office/reminders', only: 'office', load: () => import('./supervision/RemindersPage') },
  { path: 'office/settings', only: 'office', load: () => import('./supervision/SettingsPage') },
  // 督查通报 (web/src/bulletins): the office drafts and publishes; every business role reads.
  { path: 'office/bulletins', only: 'office', load: () => import('./bulletins/BulletinsPage') },
  { path: 'office/bulletins/:id', only: 'office', load: () => import('./bulletins/BulletinEditorPage') },
  { path: 'bulletins', only: BULLETIN_ROLES, load: () => import('./bulletins/BulletinsPage') },
  { path: 'bulletins/:id', only: BULLETIN_ROLES, load: () => import('./bulletins/BulletinReadPage') },
  // 绩效考核 (web/src/assessment): the office's scheme, runs and ranking; leaders read it.
  { path: 'assessment', only: ASSESSMENT_ROLES, load: () => import('./assessment/AssessmentPage') },
  // 上下级汇总 (web/src/levels): a city's or province's roll-up of what it handed down, and the read-only drill-down.
  { path: 'rollup', only: ROLLUP_ROLES, load: () => import('./levels/RollupPage') },
  { path: 'rollup/lower-tasks/:id', only: ROLLUP_ROLES, load: () => import('./levels/LowerTaskPage') },
];

const PAGE_ROUTES = PAGES.map((p) => ({ ...p, ...lazyWithPreload(p.load) }));

const pagesAt = (pathname: string) => PAGE_ROUTES.filter((p) => matchPath(`/${p.path}`, pathname));
const allowed = (role: Role, only: Page['only']) => (typeof only === 'string' ? role === only : only.includes(role));

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
    if (p.dashboard) preloadDashboardCode();
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
  const dashboard = pagesAt(pathname).some((p) => p.dashboard && allowed(me.role, p.only));
  return (
    <>
      {dashboard && <PrefetchDashboard />}
      <AppLayout me={me} />
    </>
  );
}

/**
 * Role homes are not shared: opening another role's page sends the user to their own home rather
 * than showing a page whose every request the server would refuse.
 */
function ForRole({ role, children }: { role: Role; children: ReactNode }) {
  const { me } = useSession();
  if (!me) return <Navigate to="/login" replace />;
  if (me.role !== role) return <Navigate to={homeFor(me.role, me.home)} replace />;
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
          {PAGE_ROUTES.map(({ path, only, Component }) => (
            <Route
              key={path}
              path={path}
              element={
                typeof only === 'string' ? (
                  <ForRole role={only}>
                    <Component />
                  </ForRole>
                ) : (
                  <ForRoles roles={only}>
                    <Component />
                  </ForRoles>
                )
              }
            />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
