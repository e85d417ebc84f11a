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

type EChart = ReturnType<typeof echarts.init>;

// The dashboard mounts its charts together. Drawn in one go, none is on screen until all are (each
// costs tens of milliseconds on the office's 2-core machines); drawn one per animation frame, in
// mount order (page order), the first chart shows after its own draw and the page stays responsive.
const pending: (() => void)[] = [];
let frameRequested = false;

function drawNextChart() {
  pending.shift()?.();
  frameRequested = pending.length > 0;
  if (frameRequested) requestAnimationFrame(drawNextChart);
}

function drawSoon(draw: () => void): () => void {
  pending.push(draw);
  if (!frameRequested) {
    frameRequested = true;
    requestAnimationFrame(drawNextChart);
  }
  return () => {
    const i = pending.indexOf(draw);
    if (i >= 0) pending.splice(i, 1);
  };
}

/**
 * A small ECharts wrapper (instead of echarts-for-react, whose CJS build breaks under vite 8):
 * init once, follow the container's width, replace the option when it changes, dispose on unmount.
 */
export default function Chart({ option, height, onClick, label, testId }: ChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChart | null>(null);
  // Read when the chart is drawn (perhaps a few frames after mount): always the latest props.
  const optionRef = useRef(option);
  optionRef.current = option;
  const onClickRef = useRef(onClick);
  onClickRef.current = onClick;

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    let c: EChart | null = null;
    let ro: ResizeObserver | null = null;
    const cancel = drawSoon(() => {
      c = echarts.init(node, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.setOption(optionRef.current, true);
      c.on('click', (e) => onClickRef.current?.(e as unknown as ChartClick));
      const chartNow = c;
      // The observer reports the size once when it starts: the chart was just drawn at that size,
      // and a resize would draw it all again before the first paint. Only real changes redraw.
      ro = new ResizeObserver(() => {
        if (node.clientWidth !== chartNow.getWidth() || node.clientHeight !== chartNow.getHeight()) chartNow.resize();
      });
      ro.observe(node);
    });
    return () => {
      cancel();
      ro?.disconnect();
      c?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div
      ref={el}
      role="img"
      aria-label={label}
      data-testid={testId}
      className="dashboard-chart"
      style={{ height, width: '100%' }}
    />
  );
}
