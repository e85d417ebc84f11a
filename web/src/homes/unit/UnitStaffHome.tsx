import { Card, Col, Empty, Row } from 'antd';
import { useSession } from '../../auth/session';
import { UnitCard } from '../../directory/UnitCard';
import { PageHeader } from '../../layout/PageHeader';
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
          <Card title="待办事项">
            <Empty description="当前没有开放的报送期，暂无待办事项。督查室开启报送期后，本单位需报送的事项将显示在这里。" />
          </Card>
          <ReportingSchedule />
        </Col>
        <Col xs={24} lg={10}>
          <UnitCard me={me} />
        </Col>
      </Row>
    </>
  );
}
