import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import dayjs from 'dayjs';
import { useSession } from '../auth/session';
import { levelPrefix } from '../layout/orgLevel';
import { QueryError } from '../layout/QueryError';
import { useDashboard, type Dashboard as Data } from './api';
import './dashboard.css';
import { IndicatorsCard } from './IndicatorsCard';
import { AnnexCard, DonutCard, GroupBarsCard, TrendCard } from './LightCharts';
import { LightSummary } from './LightSummary';
import { evaluated } from './lights';
import { barsHeight } from './options';
import { BehindTasksCard, BehindUnitsCard } from './MostBehind';
import { PeriodStatusCard } from './PeriodStatusCard';
import { DashboardYear } from './year';

/** Whose dashboard: the server scopes the data by role; the page only drops what says nothing. */
export type DashboardScope = 'office' | 'leader' | 'unit' | 'viewer';

// 全区 / 全市 / 全省 follows the level of the signed-in person's organisation.
const SCOPE_TEXT: Record<DashboardScope, (level: string) => string> = {
  office: (p) => `全${p}督办事项`,
  leader: () => '您分管的督办事项',
  unit: () => '本单位承担的督办事项',
  viewer: (p) => `全${p}督办事项（只读）`,
};

const CATEGORY_EXTRA = { annexNo: 1 } as const;

function NothingEvaluated({ data, scope }: { data: Data; scope: DashboardScope }) {
  if (data.lights.counts.total === 0 || evaluated(data.lights.counts) > 0) return null;
  const next =
    scope === 'office' && !data.period
      ? '督查室开启报送期、各单位报送并经审核后，将按序时进度显示红、黄、绿、蓝灯。'
      : '各单位按期报送后，将按序时进度显示红、黄、绿、蓝灯；逾期未报的事项亮红灯。';
  return (
    <Alert
      type="info"
      showIcon
      message={`尚无单位报送，${data.lights.counts.total} 项事项暂为“未评价”。`}
      description={`${next}下方各图表目前按事项数显示工作量分布。`}
    />
  );
}

/** 督办概览: lights, who is behind and why, the current period, indicators and the trend. */
export default function Dashboard({ scope }: { scope: DashboardScope }) {
  const [year, setYear] = useState<number | undefined>(undefined);
  const { data, isPending, error, refetch } = useDashboard(year);
  const { me } = useSession();
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (isPending || !data) {
    return (
      <Card size="small" style={{ marginBottom: 16 }}>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  const showUnits = scope !== 'unit';
  const showLeaders = scope !== 'leader';
  // Units and leaders side by side: the shorter chart spreads its bars to the taller one's height.
  const pairHeight =
    showUnits && showLeaders ? barsHeight(Math.max(Math.min(data.byUnit.length, 15), data.byLeader.length)) : 0;
  return (
    <DashboardYear.Provider value={data.year}>
      <section className="dashboard" data-testid="dashboard" aria-label="督办概览">
        <div className="dashboard-heading">
          <Typography.Title level={5} style={{ margin: 0 }}>
            督办概览
          </Typography.Title>
          <Typography.Text type="secondary">
            {SCOPE_TEXT[scope](levelPrefix(me?.org.level))}，共 {data.lights.counts.total} 项 · 数据截至{' '}
            {dayjs(data.today).format('YYYY年M月D日')}
          </Typography.Text>
          {data.years.length > 1 && (
            <Select
              size="small"
              aria-label="年度"
              data-testid="dashboard-year"
              value={data.year ?? undefined}
              onChange={(y: number) => setYear(y)}
              options={data.years.map((y) => ({ value: y, label: `${y}年度` }))}
              style={{ width: 110 }}
            />
          )}
          {/* A plain link: the browser downloads the server's workbook (same scope and year) with the session cookie. */}
          <Button
            size="small"
            icon={<DownloadOutlined />}
            href={year === undefined ? '/api/dashboard/export.xlsx' : `/api/dashboard/export.xlsx?year=${year}`}
            className="dashboard-export"
          >
            导出 Excel
          </Button>
        </div>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <NothingEvaluated data={data} scope={scope} />
          <LightSummary counts={data.lights.counts} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <DonutCard counts={data.lights.counts} />
            </Col>
            <Col xs={24} xl={15}>
              <PeriodStatusCard
                period={data.period}
                today={data.today}
                office={scope === 'office'}
                ownUnitId={scope === 'unit' ? me?.unit?.id : undefined}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={showUnits ? 16 : 24}>
              <BehindTasksCard tasks={data.mostBehindTasks} />
            </Col>
            {showUnits && (
              <Col xs={24} xl={8}>
                <BehindUnitsCard units={data.mostBehindUnits} />
              </Col>
            )}
          </Row>
          <Row gutter={[16, 16]}>
            {showUnits && (
              <Col xs={24} xl={showLeaders ? 12 : 24}>
                <GroupBarsCard
                  title="按责任单位"
                  groups={data.byUnit}
                  filterKey="unitId"
                  limit={15}
                  noun="单位"
                  testId="chart-units"
                  minHeight={pairHeight}
                />
              </Col>
            )}
            {showLeaders && (
              <Col xs={24} xl={showUnits ? 12 : 24}>
                <GroupBarsCard
                  title="按责任领导"
                  groups={data.byLeader}
                  filterKey="leaderId"
                  labelWidth={64}
                  noun="位领导"
                  testId="chart-leaders"
                  minHeight={pairHeight}
                />
              </Col>
            )}
          </Row>
          <Row gutter={[16, 16]}>
            {data.byCategory.length > 0 && (
              <Col xs={24} xl={14}>
                <GroupBarsCard
                  title="按类别（附件1）"
                  groups={data.byCategory}
                  filterKey="categoryId"
                  extra={CATEGORY_EXTRA}
                  labelWidth={180}
                  noun="类别"
                  testId="chart-categories"
                />
              </Col>
            )}
            <Col xs={24} xl={data.byCategory.length > 0 ? 10 : 24}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <AnnexCard groups={data.byAnnex} />
                <TrendCard trend={data.trend} />
              </Space>
            </Col>
          </Row>
          <IndicatorsCard indicators={data.indicators} />
        </Space>
      </section>
    </DashboardYear.Provider>
  );
}
