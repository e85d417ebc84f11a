import { Card, Empty, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import { type Dashboard, type LedgerFilter, type LightCounts, type LightGroup } from './api';
import { useLedgerLink } from './year';
import { LazyChart as Chart } from './LazyChart';
import type { ChartClick } from './echarts';
import { LIGHT_COLORS, LIGHT_HINTS, LIGHT_LABELS, LIGHT_ORDER } from './lights';
import {
  barsHeight,
  columnsOption,
  donutOption,
  horizontalBarsOption,
  lightOfSeries,
  trendOption,
  worstGroups,
} from './options';

const CARD_STYLE = { height: '100%' } as const;

export function DonutCard({ counts }: { counts: LightCounts }) {
  const toLedger = useLedgerLink();
  const navigate = useNavigate();
  const option = useMemo(() => donutOption(counts), [counts]);
  const onClick = useCallback(
    (e: ChartClick) => navigate(toLedger({ light: lightOfSeries(e.name) })),
    [navigate, toLedger],
  );
  return (
    <Card title="灯色分布" size="small" style={CARD_STYLE}>
      {counts.total === 0 ? (
        <Empty description="暂无督办事项：督查室导入责任分解通知后显示" />
      ) : (
        <div className="dashboard-donut">
          <Chart option={option} height={240} onClick={onClick} label="灯色分布环形图" testId="chart-lights" />
          <div className="dashboard-donut-centre">
            <div className="dashboard-donut-total">{counts.total}</div>
            <div>事项总数</div>
          </div>
        </div>
      )}
      <ul className="dashboard-rules">
        {LIGHT_ORDER.map((l) => (
          <li key={l}>
            <span className="dashboard-light-dot" style={{ background: LIGHT_COLORS[l] }} />
            <Typography.Text type="secondary">
              {LIGHT_LABELS[l]}：{LIGHT_HINTS[l]}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

type GroupKey = 'unitId' | 'leaderId' | 'categoryId' | 'annexNo';

type BarsProps = {
  title: string;
  groups: LightGroup[];
  /** Which ledger filter a group's key is. */
  filterKey: GroupKey;
  /** Filters every click adds (e.g. annexNo=1 for categories). */
  extra?: LedgerFilter;
  limit?: number;
  labelWidth?: number;
  noun: string;
  testId: string;
  /** At least this tall (to line up with the chart beside it). */
  minHeight?: number;
};

/** Stacked bars per unit, leader or category; a click on a segment opens those tasks in the ledger. */
export function GroupBarsCard({
  title,
  groups,
  filterKey,
  extra,
  limit,
  labelWidth,
  noun,
  testId,
  minHeight = 0,
}: BarsProps) {
  const toLedger = useLedgerLink();
  const navigate = useNavigate();
  const shown = useMemo(() => (limit ? worstGroups(groups, limit) : groups), [groups, limit]);
  const option = useMemo(() => horizontalBarsOption(shown, labelWidth), [shown, labelWidth]);
  const onClick = useCallback(
    (e: ChartClick) => {
      const g = shown[e.dataIndex];
      if (g) navigate(toLedger({ ...extra, [filterKey]: g.key, light: lightOfSeries(e.seriesName) }));
    },
    [shown, navigate, extra, filterKey, toLedger],
  );
  const more =
    limit && groups.length > limit
      ? `共 ${groups.length} 个${noun}，显示红黄灯最多的前 ${limit} 个`
      : `共 ${groups.length} 个${noun}`;
  return (
    <Card
      title={title}
      size="small"
      style={CARD_STYLE}
      extra={<Typography.Text type="secondary">{more}</Typography.Text>}
    >
      {shown.length === 0 ? (
        <Empty description={`暂无${noun}数据`} />
      ) : (
        <Chart
          option={option}
          height={Math.max(minHeight, barsHeight(shown.length))}
          onClick={onClick}
          label={title}
          testId={testId}
        />
      )}
    </Card>
  );
}

export function AnnexCard({ groups }: { groups: LightGroup[] }) {
  const toLedger = useLedgerLink();
  const navigate = useNavigate();
  const option = useMemo(() => columnsOption(groups), [groups]);
  const onClick = useCallback(
    (e: ChartClick) => {
      const g = groups[e.dataIndex];
      if (g) navigate(toLedger({ annexNo: g.key, light: lightOfSeries(e.seriesName) }));
    },
    [groups, navigate, toLedger],
  );
  return (
    <Card title="按附件" size="small" style={CARD_STYLE}>
      {groups.length === 0 ? (
        <Empty description="暂无事项" />
      ) : (
        <Chart option={option} height={260} onClick={onClick} label="按附件灯色柱状图" testId="chart-annex" />
      )}
    </Card>
  );
}

export function TrendCard({ trend }: { trend: Dashboard['trend'] }) {
  const option = useMemo(() => trendOption(trend), [trend]);
  return (
    <Card title="各期灯色变化" size="small" style={CARD_STYLE}>
      {trend.length === 0 ? (
        <Empty description="尚未开启报送期。每期截止后，这里按期显示各灯色事项数的变化。" />
      ) : (
        <Chart option={option} height={260} label="各期灯色变化" testId="chart-trend" />
      )}
    </Card>
  );
}
