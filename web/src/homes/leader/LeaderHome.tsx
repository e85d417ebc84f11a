import { BarChartOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/session';
import { useDashboard } from '../../dashboard/api';
import { PeriodStatusCard } from '../../dashboard/PeriodStatusCard';
import { TodoCard } from '../../inbox/TodoCard';
import { levelPrefix } from '../../layout/orgLevel';
import { PageHeader } from '../../layout/PageHeader';
import { QueryError } from '../../layout/QueryError';
import { HomeRankingCard } from '../../levels/HomeRankingCard';
import { useIsPhone } from '../../layout/useIsPhone';
import { FocusTasksCard } from './FocusTasksCard';
import { LightCountersRow } from './LightCountersRow';
import { PortfolioCard } from './PortfolioCard';
import './leader.css';

/**
 * 领导首页: what waits for the leader (coordination to answer), then the tasks in his charge that
 * are red or yellow — why, who is responsible, when they last reported, and 批示 — then the whole
 * portfolio and the current period's reporting of his units. The charts are on 数据分析.
 * On a phone: the lights counted in one row first, the red and yellow tasks as cards, the portfolio as
 * a link to the ledger and the period's units folded behind their four figures.
 */
export default function LeaderHome() {
  const { me } = useSession();
  const navigate = useNavigate();
  const dashboard = useDashboard();
  const phone = useIsPhone();
  if (!me) return null;
  const name = me.leader?.name ?? me.displayName;
  const data = dashboard.data;
  return (
    <>
      <PageHeader
        title={`${levelPrefix(me.org.level)}领导首页`}
        subtitle={`${name}${me.leader?.title ? ` · ${me.leader.title}` : ''} · ${me.org.path.map((o) => o.name).join(' / ') || me.org.name}`}
        // On a phone 数据分析 is in the menu: the first screen is kept for the lights and the red tasks.
        extra={
          phone ? undefined : (
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/analysis')}>
              数据分析
            </Button>
          )
        }
      />
      {phone && me.leader && data && <LightCountersRow leaderId={me.leader.id} counts={data.lights.counts} />}
      <TodoCard compact={phone} />
      {dashboard.error && <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {!data && !dashboard.error && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      )}
      {data && <FocusTasksCard tasks={data.focusTasks} />}
      {/* 上下级 (web/src/levels): a city's or province's lower organisations ranked; nothing for a district. */}
      <HomeRankingCard />
      {me.leader && !phone && <PortfolioCard leaderId={me.leader.id} counts={data?.lights.counts} />}
      {data && <PeriodStatusCard period={data.period} today={data.today} office={false} unitsFolded={phone} />}
    </>
  );
}
