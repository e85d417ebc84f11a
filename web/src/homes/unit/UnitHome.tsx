import { Col, Row } from 'antd';
import { useSession } from '../../auth/session';
import { UnitCard } from '../../directory/UnitCard';
import { TodoCard } from '../../inbox/TodoCard';
import { DashboardSection } from '../../dashboard/DashboardSection';
import { PageHeader } from '../../layout/PageHeader';
import { OpenPeriodsCard } from '../../reporting/OpenPeriodsCard';
import { ReportingSchedule } from '../shared/ReportingSchedule';

/** A unit's home, for its clerks and its head alike: what differs is the title and the period card's actions. */
export function UnitHome({ who, title }: { who: 'unit_staff' | 'unit_head'; title: string }) {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title={title}
        subtitle={`${me.unit?.name ?? '未关联单位'} · ${me.displayName}（${me.roleLabel}）`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <OpenPeriodsCard who={who} />
          <ReportingSchedule />
        </Col>
        <Col xs={24} lg={10}>
          <TodoCard />
          <UnitCard me={me} />
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <DashboardSection scope="unit" />
      </div>
    </>
  );
}
