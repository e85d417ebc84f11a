import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic } from 'antd';
import { useSession } from '../../auth/session';
import { useCurrentOrg } from '../../directory/api';
import { DashboardSection } from '../../dashboard/DashboardSection';
import { LeadersTable } from '../../directory/LeadersTable';
import { UnitsTable } from '../../directory/UnitsTable';
import { TodoCard } from '../../inbox/TodoCard';
import { PageHeader } from '../../layout/PageHeader';
import { HomeRankingCard } from '../../levels/HomeRankingCard';
import { QueryError } from '../../layout/QueryError';
import { PeriodsDueBanner } from '../../reporting/PeriodsDueBanner';

export default function OfficeHome() {
  const { me } = useSession();
  const org = useCurrentOrg();
  const stats = org.data?.stats;
  const orgName = org.data?.org.name ?? me?.org.name ?? '';

  return (
    <>
      <PageHeader title="督查室工作台" subtitle={`${orgName}人民政府督查室 · ${me?.displayName ?? ''}，您好`} />
      <PeriodsDueBanner />
      <DashboardSection scope="office" />
      {/* 上下级 (web/src/levels): a city's or province's lower organisations ranked; nothing for a district. */}
      <HomeRankingCard />
      <TodoCard />
      {org.error && <QueryError error={org.error} onRetry={() => void org.refetch()} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card loading={org.isPending}>
            <Statistic title="责任单位" value={stats?.units ?? 0} suffix="个" prefix={<ApartmentOutlined />} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={org.isPending}>
            <Statistic title="分管领导" value={stats?.leaders ?? 0} suffix="位" prefix={<UserOutlined />} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card loading={org.isPending}>
            <Statistic title="系统用户" value={stats?.users ?? 0} suffix="人" prefix={<TeamOutlined />} />
          </Card>
        </Col>
      </Row>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <UnitsTable editable />
        <LeadersTable editable />
      </Space>
    </>
  );
}
