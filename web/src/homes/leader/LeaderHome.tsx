import { Card, Col, Descriptions, Empty, Row } from 'antd';
import { useSession } from '../../auth/session';
import { UnitsTable } from '../../directory/UnitsTable';
import { DashboardSection } from '../../dashboard/DashboardSection';
import { TodoCard } from '../../inbox/TodoCard';
import { levelPrefix } from '../../layout/orgLevel';
import { PageHeader } from '../../layout/PageHeader';
import { HomeRankingCard } from '../../levels/HomeRankingCard';
import { Link } from 'react-router';

export default function LeaderHome() {
  const { me } = useSession();
  if (!me) return null;
  const name = me.leader?.name ?? me.displayName;
  return (
    <>
      <PageHeader title={`${levelPrefix(me.org.level)}领导首页`} subtitle={`${name}${me.leader?.title ? ` · ${me.leader.title}` : ''}`} />
      <TodoCard />
      <DashboardSection scope="leader" />
      {/* 上下级 (web/src/levels): a city's or province's lower organisations ranked; nothing for a district. */}
      <HomeRankingCard />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card title="本人信息" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: '姓名', children: name },
                { key: 'title', label: '职务', children: me.leader?.title || '—' },
                { key: 'org', label: '所属', children: me.org.path.map((o) => o.name).join(' / ') || me.org.name },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="分管事项" style={{ height: '100%' }}>
            <Empty description={<Link to="/ledger">在台账中查看您分管的事项</Link>} />
          </Card>
        </Col>
      </Row>
      <UnitsTable />
    </>
  );
}
