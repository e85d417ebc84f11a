import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { ChartProps } from './Chart';

// ECharts (~150 KB gzip even trimmed to bar + pie) is a chunk of its own: the light cards, the
// reporting table and the lists show while the charts are still on their way.
const Chart = lazy(() => import('./Chart'));

export function LazyChart(props: ChartProps) {
  return (
    <Suspense
      fallback={
        <div className="dashboard-chart-loading" style={{ height: props.height }}>
          <Spin tip="图表加载中…">
            <div style={{ width: 120, height: 60 }} />
          </Spin>
        </div>
      }
    >
      <Chart {...props} />
    </Suspense>
  );
}
