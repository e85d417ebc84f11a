import { useEffect, useRef } from 'react';
import { echarts, type ChartClick, type ChartOption } from './echarts';

export type ChartProps = {
  option: ChartOption;
  height: number;
  onClick?: (e: ChartClick) => void;
  /** Read by the browser tests and by a screen reader. */
  label: string;
  testId?: string;
};

/**
 * A small ECharts wrapper (instead of echarts-for-react, whose CJS build breaks under vite 8):
 * init once, follow the container's width, replace the option when it changes, dispose on unmount.
 */
export default function Chart({ option, height, onClick, label, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const c = echarts.init(node, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(node);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (e: unknown) => onClick(e as ChartClick);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);

  return <div ref={el} role="img" aria-label={label} data-testid={testId} className="dashboard-chart" style={{ height, width: '100%' }} />;
}
