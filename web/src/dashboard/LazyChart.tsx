import { Spin } from 'antd';
import { Suspense } from 'react';
import type { ChartProps } from './Chart';
import { ChartChunk } from './preload';

// ECharts (~170 KB gzip even trimmed to bar + pie) is a chunk of its own: the light cards, the
// reporting table and the lists show while the charts are still on their way.
const Chart = ChartChunk.Component;

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
