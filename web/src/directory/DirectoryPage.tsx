import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic } from 'antd';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useCurrentOrg } from './api';
import { LeadersTable } from './LeadersTable';
import { UnitsTable } from './UnitsTable';

/**
 * 系统设置 › 基础数据: the directory the office keeps — responsible units (with the spellings the
 * notices use) and leaders — moved off the workbench, where it pushed the work below the fold.
 */
export default function DirectoryPage() {
  const org = useCurrentOrg();
  const stats = org.data?.stats;
  return (
    <>
      <PageHeader title="基础数据" subtitle="责任单位名录（含别名）与分管领导，导入通知时按此识别单位和领导" />
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
