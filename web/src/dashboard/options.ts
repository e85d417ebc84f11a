// ECharts options for the dashboard, built from the API's figures. Pure functions: no React here.
import type { Light } from '../../../core/supervision/lights';
import type { Dashboard, LightCounts, LightGroup } from './api';
import type { ChartOption } from './echarts';
import { LIGHT_COLORS, LIGHT_LABELS, LIGHT_ORDER, pct, share } from './lights';

const FONT = { fontFamily: 'inherit', fontSize: 12, color: '#595959' };
const LEGEND = {
  top: 0,
  left: 0,
  itemWidth: 12,
  itemHeight: 12,
  textStyle: FONT,
  data: LIGHT_ORDER.map((l) => LIGHT_LABELS[l]),
};

/** The light a series stands for (series are named by their Chinese label). */
export const lightOfSeries = (name: string | undefined): Light | undefined =>
  LIGHT_ORDER.find((l) => LIGHT_LABELS[l] === name);

export function donutOption(c: LightCounts): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 项（{d}%）' },
    legend: {
      ...LEGEND,
      orient: 'vertical',
      top: 'middle',
      left: '58%',
      formatter: (name: string) => {
        const l = lightOfSeries(name)!;
        return `${name}  ${c[l]} 项  ${pct(share(c[l], c.total))}`;
      },
    },
    series: [
      {
        type: 'pie',
        name: '灯色',
        center: ['28%', '50%'],
        radius: ['52%', '78%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: LIGHT_ORDER.map((l) => ({ name: LIGHT_LABELS[l], value: c[l], itemStyle: { color: LIGHT_COLORS[l] } })),
      },
    ],
  };
}

const stackSeries = (groups: LightGroup[], horizontal: boolean) =>
  LIGHT_ORDER.map((l) => ({
    type: 'bar' as const,
    name: LIGHT_LABELS[l],
    stack: 'lights',
    barMaxWidth: horizontal ? 16 : 36,
    itemStyle: { color: LIGHT_COLORS[l] },
    emphasis: { focus: 'series' as const },
    data: groups.map((g) => g.counts[l]),
  }));

/** Stacked bars per group (unit, leader, category), worst at the top; long names are cut with “…”. */
export function horizontalBarsOption(groups: LightGroup[], labelWidth = 120): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: { top: 32, left: 4, right: 16, bottom: 4 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: groups.map((g) => g.label),
      axisTick: { show: false },
      axisLabel: { ...FONT, width: labelWidth, overflow: 'truncate' },
    },
    series: stackSeries(groups, true),
  };
}

/** Stacked columns per annex (附件1 … 附件5). */
export function columnsOption(groups: LightGroup[]): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: { top: 36, left: 4, right: 8, bottom: 4 },
    xAxis: { type: 'category', data: groups.map((g) => g.label), axisTick: { show: false }, axisLabel: FONT },
    yAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: stackSeries(groups, false),
  };
}

/** Lights at each opened period's deadline: stacked columns, so the share of red is seen growing or shrinking. */
export function trendOption(trend: Dashboard['trend']): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: LEGEND,
    grid: { top: 36, left: 4, right: 8, bottom: 4 },
    xAxis: {
      type: 'category',
      data: trend.map((t) => t.label.replace(/^\d{4}年/, '')),
      axisTick: { show: false },
      axisLabel: FONT,
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: FONT, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    series: LIGHT_ORDER.map((l) => ({
      type: 'bar' as const,
      name: LIGHT_LABELS[l],
      stack: 'lights',
      barMaxWidth: 48,
      itemStyle: { color: LIGHT_COLORS[l] },
      data: trend.map((t) => t.counts[l]),
    })),
  };
}

/** Top n groups by red + yellow, then by red alone, then by size. */
export function worstGroups(groups: LightGroup[], n: number): LightGroup[] {
  return [...groups]
    .sort(
      (a, b) =>
        b.counts.red + b.counts.yellow - (a.counts.red + a.counts.yellow) ||
        b.counts.red - a.counts.red ||
        b.counts.total - a.counts.total,
    )
    .slice(0, n);
}

/** Pixels for n horizontal bars plus the legend. */
export const barsHeight = (n: number) => Math.max(160, 48 + n * 26);
