import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import type { DashboardScope } from './Dashboard';
import { DashboardSection } from './DashboardSection';

const SCOPE: Record<string, DashboardScope> = { office: 'office', leader: 'leader', unit_staff: 'unit', unit_head: 'unit', viewer: 'viewer' };

/**
 * 数据分析: the 督办概览's charts (lights, who is behind, reporting, indicators, trend) on a page of
 * their own, so the homes open on the work; the server scopes the data by role as before.
 */
export default function AnalysisPage() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader title="数据分析" subtitle="红黄绿灯、滞后事项与单位、报送情况、指标完成和趋势" />
      <DashboardSection scope={SCOPE[me.role] ?? 'viewer'} />
    </>
  );
}
