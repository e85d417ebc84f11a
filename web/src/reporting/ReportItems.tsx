import { Empty } from 'antd';
import type { ReportView } from './api';
import { ReportItemCard, type ItemCardProps } from './ReportItemCard';

/** Every task entry of a report, in the notice's printed order (as the server sends them). */
export function ReportItems({
  view,
  editable,
  register,
  onRefetch,
}: { view: ReportView } & Omit<ItemCardProps, 'item' | 'reportId'>) {
  if (view.items.length === 0) return <Empty description="本报告没有事项" />;
  return (
    <>
      {view.items.map((item) => (
        <ReportItemCard
          key={item.progressId}
          reportId={view.report.id}
          item={item}
          editable={editable}
          register={register}
          onRefetch={onRefetch}
        />
      ))}
    </>
  );
}
