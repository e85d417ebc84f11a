import { Empty } from 'antd';
import type { ReportView } from './api';
import { ReportItemCard, type ItemCardProps } from './ReportItemCard';

type Item = ReportView['items'][number];

/** Every task entry of a report, in the notice's printed order (as the server sends them), or those `show` keeps. */
export function ReportItems({
  view,
  show,
  comments,
  onComment,
  emptyText = '本报告没有事项',
  ...card
}: { view: ReportView; show?: (item: Item) => boolean; comments?: Record<number, string>; onComment?: (taskId: number, v: string) => void; emptyText?: string } & Omit<
  ItemCardProps,
  'item' | 'reportId' | 'comment'
>) {
  const items = show ? view.items.filter(show) : view.items;
  if (items.length === 0) return <Empty description={emptyText} />;
  return (
    <>
      {items.map((item) => (
        <ReportItemCard
          key={item.progressId}
          reportId={view.report.id}
          item={item}
          comment={onComment ? { value: comments?.[item.taskId] ?? '', onChange: (v) => onComment(item.taskId, v) } : undefined}
          {...card}
        />
      ))}
    </>
  );
}
