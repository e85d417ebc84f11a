import { BarChartOutlined, DatabaseOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Skeleton, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { useDashboard } from '../../dashboard/api';
import { PeriodStatusCard } from '../../dashboard/PeriodStatusCard';
import { useCurrentOrg } from '../../directory/api';
import { TodoCard } from '../../inbox/TodoCard';
import { PageHeader } from '../../layout/PageHeader';
import { QueryError } from '../../layout/QueryError';
import { HomeRankingCard } from '../../levels/HomeRankingCard';
import { PeriodsDueBanner } from '../../reporting/PeriodsDueBanner';
import { WorkbenchStats } from './WorkbenchStats';

/** 本期报送情况 on the workbench: every unit's standing in the current period, with bulk urge. */
function CurrentPeriod() {
  const { data, error, refetch } = useDashboard();
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data)
    return (
      <Card size="small" title="本期报送情况">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  return <PeriodStatusCard period={data.period} today={data.today} office />;
}

/**
 * 督查室工作台, in Ant Design Pro's workplace order: what waits for the office (figures, to-dos, a
 * period due soon) and where the current period's reporting stands come first, on the first
 * screen; the charts are on 数据分析 (/analysis) and the directory under 系统设置 › 基础数据.
 */
export default function OfficeHome() {
  const { me } = useSession();
  const navigate = useNavigate();
  const org = useCurrentOrg();
  const orgName = org.data?.org.name ?? me?.org.name ?? '';
  return (
    <>
      <PageHeader
        title="督查室工作台"
        subtitle={`${orgName}人民政府督查室 · ${me?.displayName ?? ''}，您好`}
        extra={
          <Space wrap>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/analysis')}>
              数据分析
            </Button>
            <Button icon={<DatabaseOutlined />} onClick={() => navigate('/office/directory')}>
              基础数据
            </Button>
          </Space>
        }
      />
      <PeriodsDueBanner />
      <WorkbenchStats />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} xl={9}>
          <TodoCard />
        </Col>
        <Col xs={24} xl={15}>
          <CurrentPeriod />
        </Col>
      </Row>
      {/* 上下级 (web/src/levels): a city's or province's lower organisations ranked; nothing for a district. */}
      <HomeRankingCard />
    </>
  );
}
