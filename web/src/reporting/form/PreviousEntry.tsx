import { Button, Typography } from 'antd';
import type { ReportItem } from '../api';
import { ProgressStatusTag } from '../StateTags';

/** 上期: what the unit wrote on this task last period, beside this period's entry. */
export function PreviousEntry({ item, onCopy, copying }: { item: ReportItem; onCopy?: () => void; copying?: boolean }) {
  const p = item.previous;
  if (!p) return null;
  const figures = item.indicators
    .map((ind) => ({ ind, value: p.actuals.find((a) => a.indicatorId === ind.id)?.value ?? null }))
    .filter((x) => x.value !== null);
  return (
    <div className="report-previous" data-testid={`previous-${item.annexNo}-${item.seq}`}>
      <div className="report-previous-head">
        <Typography.Text strong>上期（{p.periodLabel}）</Typography.Text>
        <ProgressStatusTag status={p.status} />
        {onCopy && (
          <Button size="small" onClick={onCopy} loading={copying} style={{ marginLeft: 'auto' }}>
            沿用上期
          </Button>
        )}
      </div>
      <Typography.Paragraph className="report-previous-text" ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}>
        {p.narrative}
      </Typography.Paragraph>
      {figures.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {figures.map(({ ind, value }) => `${ind.name}：${value}${ind.unit}`).join('；')}
        </Typography.Text>
      )}
    </div>
  );
}
