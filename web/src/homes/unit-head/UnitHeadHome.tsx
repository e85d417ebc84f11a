import { Card, Col, Empty, Row } from 'antd';
import { useSession } from '../../auth/session';
import { UnitCard } from '../../directory/UnitCard';
import { PageHeader } from '../../layout/PageHeader';
import { ReportingSchedule } from '../shared/ReportingSchedule';

export default function UnitHeadHome() {
  const { me } = useSession();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title="单位负责人首页"
        subtitle={`${me.unit?.name ?? '未关联单位'} · ${me.displayName}（${me.roleLabel}）`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="待审核报告">
            <Empty description="暂无待审核的报告。经办人提交本单位季度报告后，需由您审定后才会报送督查室。" />
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
