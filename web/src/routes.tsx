import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { errorMessage } from './api/client';
import type { Role } from './api/types';
import LoginPage from './auth/LoginPage';
import { useSession } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { BULLETIN_ROLES } from './bulletins/access';
import { ASSESSMENT_ROLES } from './assessment/access';
import { ROLLUP_ROLES } from './levels/access';
import { COORDINATION_ROLES, ForRoles, LEDGER_ROLES } from './ledger/ForRoles';
import { homeFor } from './roles';

// Each role's pages are a separate chunk: a clerk never downloads the audit or user-admin code.
const OfficeHome = lazy(() => import('./homes/office/OfficeHome'));
const UnitStaffHome = lazy(() => import('./homes/unit/UnitStaffHome'));
const UnitHeadHome = lazy(() => import('./homes/unit-head/UnitHeadHome'));
const LeaderHome = lazy(() => import('./homes/leader/LeaderHome'));
const ViewerHome = lazy(() => import('./homes/viewer/ViewerHome'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const SecurityHome = lazy(() => import('./homes/secadmin/SecurityHome'));
const AuditPage = lazy(() => import('./audit/AuditPage'));
const ImportPage = lazy(() => import('./notices/ImportPage'));
// Quarterly reporting (web/src/reporting): periods and review for the office, the unit's report.
const PeriodsPage = lazy(() => import('./reporting/PeriodsPage'));
const PeriodReportsPage = lazy(() => import('./reporting/PeriodReportsPage'));
const OfficeReportPage = lazy(() => import('./reporting/OfficeReportPage'));
const UnitReportPage = lazy(() => import('./reporting/UnitReportPage'));
// Ledger and collaboration (web/src/ledger, web/src/collaboration): pages several roles share.
const LedgerPage = lazy(() => import('./ledger/LedgerPage'));
const TaskPage = lazy(() => import('./ledger/TaskPage'));
const CoordinationListPage = lazy(() => import('./collaboration/CoordinationListPage'));
const CoordinationPage = lazy(() => import('./collaboration/CoordinationPage'));
const AdjustmentsReviewPage = lazy(() => import('./collaboration/AdjustmentsReviewPage'));
// 督查催办 (web/src/supervision): reminders and urges, and the office's settings.
const RemindersPage = lazy(() => import('./supervision/RemindersPage'));
const SettingsPage = lazy(() => import('./supervision/SettingsPage'));
// 督查通报 (web/src/bulletins): the office drafts and publishes; every business role reads.
const BulletinsPage = lazy(() => import('./bulletins/BulletinsPage'));
const BulletinEditorPage = lazy(() => import('./bulletins/BulletinEditorPage'));
const BulletinReadPage = lazy(() => import('./bulletins/BulletinReadPage'));
// 绩效考核 (web/src/assessment): the office's scheme, runs and ranking; leaders read it.
const AssessmentPage = lazy(() => import('./assessment/AssessmentPage'));
// 上下级汇总 (web/src/levels): a city's or province's roll-up of what it handed down, and the read-only drill-down.
const RollupPage = lazy(() => import('./levels/RollupPage'));
const LowerTaskPage = lazy(() => import('./levels/LowerTaskPage'));

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
  return <AppLayout me={me} />;
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
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<SignedIn />}>
        <Route index element={<HomeRedirect />} />
        <Route
          path="office"
          element={
            <ForRole role="office">
              <OfficeHome />
            </ForRole>
          }
        />
        <Route
          path="office/import"
          element={
            <ForRole role="office">
              <ImportPage />
            </ForRole>
          }
        />
        <Route
          path="unit"
          element={
            <ForRole role="unit_staff">
              <UnitStaffHome />
            </ForRole>
          }
        />
        <Route
          path="unit-head"
          element={
            <ForRole role="unit_head">
              <UnitHeadHome />
            </ForRole>
          }
        />
        <Route
          path="leader"
          element={
            <ForRole role="leader">
              <LeaderHome />
            </ForRole>
          }
        />
        <Route
          path="viewer"
          element={
            <ForRole role="viewer">
              <ViewerHome />
            </ForRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <ForRole role="sysadmin">
              <UsersPage />
            </ForRole>
          }
        />
        <Route
          path="security"
          element={
            <ForRole role="secadmin">
              <SecurityHome />
            </ForRole>
          }
        />
        <Route
          path="audit"
          element={
            <ForRole role="auditor">
              <AuditPage />
            </ForRole>
          }
        />
        <Route
          path="office/periods"
          element={
            <ForRole role="office">
              <PeriodsPage />
            </ForRole>
          }
        />
        <Route
          path="office/periods/:id"
          element={
            <ForRole role="office">
              <PeriodReportsPage />
            </ForRole>
          }
        />
        <Route
          path="office/reports/:id"
          element={
            <ForRole role="office">
              <OfficeReportPage />
            </ForRole>
          }
        />
        <Route
          path="unit/report/:periodId"
          element={
            <ForRole role="unit_staff">
              <UnitReportPage />
            </ForRole>
          }
        />
        <Route
          path="unit-head/report/:periodId"
          element={
            <ForRole role="unit_head">
              <UnitReportPage />
            </ForRole>
          }
        />
        <Route
          path="ledger"
          element={
            <ForRoles roles={LEDGER_ROLES}>
              <LedgerPage />
            </ForRoles>
          }
        />
        <Route
          path="tasks/:id"
          element={
            <ForRoles roles={LEDGER_ROLES}>
              <TaskPage />
            </ForRoles>
          }
        />
        <Route
          path="coordination"
          element={
            <ForRoles roles={COORDINATION_ROLES}>
              <CoordinationListPage />
            </ForRoles>
          }
        />
        <Route
          path="coordination/:id"
          element={
            <ForRoles roles={COORDINATION_ROLES}>
              <CoordinationPage />
            </ForRoles>
          }
        />
        <Route
          path="office/adjustments"
          element={
            <ForRole role="office">
              <AdjustmentsReviewPage />
            </ForRole>
          }
        />
        <Route
          path="office/reminders"
          element={
            <ForRole role="office">
              <RemindersPage />
            </ForRole>
          }
        />
        <Route
          path="office/settings"
          element={
            <ForRole role="office">
              <SettingsPage />
            </ForRole>
          }
        />
        <Route
          path="office/bulletins"
          element={
            <ForRole role="office">
              <BulletinsPage />
            </ForRole>
          }
        />
        <Route
          path="office/bulletins/:id"
          element={
            <ForRole role="office">
              <BulletinEditorPage />
            </ForRole>
          }
        />
        <Route
          path="bulletins"
          element={
            <ForRoles roles={BULLETIN_ROLES}>
              <BulletinsPage />
            </ForRoles>
          }
        />
        <Route
          path="bulletins/:id"
          element={
            <ForRoles roles={BULLETIN_ROLES}>
              <BulletinReadPage />
            </ForRoles>
          }
        />
        <Route
          path="assessment"
          element={
            <ForRoles roles={ASSESSMENT_ROLES}>
              <AssessmentPage />
            </ForRoles>
          }
        />
        <Route
          path="rollup"
          element={
            <ForRoles roles={ROLLUP_ROLES}>
              <RollupPage />
            </ForRoles>
          }
        />
        <Route
          path="rollup/lower-tasks/:id"
          element={
            <ForRoles roles={ROLLUP_ROLES}>
              <LowerTaskPage />
            </ForRoles>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
