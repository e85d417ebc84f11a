import { Alert, Space } from 'antd';
import { useSession } from '../../auth/session';
import { LeadersTable } from '../../directory/LeadersTable';
import { UnitsTable } from '../../directory/UnitsTable';
import { DashboardSection } from '../../dashboard/DashboardSection';
import { PageHeader } from '../../layout/PageHeader';
import { HomeRankingCard } from '../../levels/HomeRankingCard';

export default function ViewerHome() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title="查看人员首页"
        subtitle={`${me.unit?.name ?? me.org.name} · ${me.displayName}（${me.roleLabel}）`}
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="您的账号为只读权限，可查看本辖区相关的单位、领导及目标任务信息。"
      />
      {/* Viewers have nothing to do, only to see: the read-only dashboard replaces an always-empty to-do card. */}
      <DashboardSection scope="viewer" />
      {/* 上下级 (web/src/levels): a city's or province's lower organisations ranked; nothing for a district. */}
      <HomeRankingCard />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <UnitsTable />
        <LeadersTable />
      </Space>
    </>
  );
}
