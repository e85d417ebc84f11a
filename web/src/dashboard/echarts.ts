// Only the parts of ECharts the dashboard draws: full echarts is ~720 KB gzip (STACK.md). These are
// still ~170 KB gzip, the largest chunk of the dashboard, loaded on its own (LazyChart).
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  // The plain legend: no chart uses type 'scroll', whose paging code LegendComponent would add.
  LegendPlainComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendPlainComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** What a click on a bar segment or a pie slice tells us. */
export type ChartClick = { seriesName?: string; seriesId?: string; dataIndex: number; name: string; data?: unknown };

export { echarts };
