import { AuditOutlined, ClockCircleOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAdjustments, useCoordinationList } from '../../collaboration/api';
import { useDashboard } from '../../dashboard/api';
import { useTodos } from '../../inbox/api';

type Figure = { key: string; title: string; value: number | undefined; icon: ReactNode; to: string; note: string; alarm?: boolean };

/**
 * The office's waiting work in four figures, each a link to where it is done (Ant Design Pro's
 * workplace heading): reports to review, target adjustments to decide, coordination still open, and
 * units 逾期未报 — the server's count for each opened period (the same computation as the period page).
 */
export function WorkbenchStats() {
  const todos = useTodos();
  const adjustments = useAdjustments('proposed');
  const coordination = useCoordinationList();
  const dashboard = useDashboard();
  const reviews = todos.data?.filter((t) => t.kind === 'review');
  const overdue = dashboard.data?.overdue ?? [];
  const missing = dashboard.data ? overdue.reduce((n, p) => n + p.missing, 0) : undefined;
  const figures: Figure[] = [
    {
      key: 'review',
      title: '待审核报告',
      value: reviews?.length,
      icon: <AuditOutlined />,
      to: reviews?.[0]?.link ?? '/office/periods',
      note: reviews?.length ? '单位负责人已审定报送' : '暂无待审核的报告',
    },
    {
      key: 'adjustment',
      title: '目标调整待审',
      value: adjustments.data?.length,
      icon: <SwapOutlined />,
      to: '/office/adjustments',
      note: '单位申请调整目标任务',
    },
    {
      key: 'coordination',
      title: '协调事项办理中',
      value: coordination.data?.filter((c) => c.status !== 'closed').length,
      icon: <TeamOutlined />,
      to: '/coordination',
      note: '单位提请分管领导协调',
    },
    {
      key: 'overdue',
      title: '逾期未报单位',
      value: missing,
      icon: <ClockCircleOutlined />,
      to: overdue[0] ? `/office/periods/${overdue[0].periodId}` : '/office/periods',
      note: overdue.length ? overdue.map((p) => `${p.label} ${p.missing} 个`).join('，') : '各报送期均无逾期未报',
      alarm: (missing ?? 0) > 0,
    },
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="workbench-stats">
      {figures.map((f) => (
        <Col key={f.key} xs={12} lg={6}>
          <Link to={f.to} data-testid={`stat-${f.key}`}>
            <Card size="small" hoverable className="workbench-stat">
              <Statistic
                title={f.title}
                value={f.value ?? '—'}
                prefix={f.icon}
                valueStyle={{ fontSize: 22, color: f.alarm ? '#a8071a' : undefined }}
              />
              <Typography.Text type="secondary" ellipsis={{ tooltip: f.note }} style={{ fontSize: 12, display: 'block' }}>
                {f.note}
              </Typography.Text>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
