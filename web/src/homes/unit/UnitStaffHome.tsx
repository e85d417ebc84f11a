import { Col, Row } from 'antd';
import { useSession } from '../../auth/session';
import { UnitCard } from '../../directory/UnitCard';
import { TodoCard } from '../../inbox/TodoCard';
import { DashboardSection } from '../../dashboard/DashboardSection';
import { PageHeader } from '../../layout/PageHeader';
import { OpenPeriodsCard } from '../../reporting/OpenPeriodsCard';
import { ReportingSchedule } from '../shared/ReportingSchedule';

export default function UnitStaffHome() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title="单位经办人首页"
        subtitle={`${me.unit?.name ?? '未关联单位'} · ${me.displayName}（${me.roleLabel}）`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <OpenPeriodsCard who="unit_staff" />
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
