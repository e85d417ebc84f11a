import { Button, Popconfirm, Progress, Switch, Tooltip, Typography } from 'antd';
import type { ReportItem } from '../api';
import { itemAnchor } from '../ReportItemCard';

/** An item's button in the outline: its number, with the annex before it outside annex 1. */
const outlineLabel = (i: ReportItem) => (i.annexNo === 1 ? i.seq : `${i.annexNo}·${i.seq}`);

/**
 * The clerk's bar over the items: 已填 14/21, 全部沿用上期, 只看未填 and an outline that jumps to
 * each item (green filled, orange not). It stays in view while the clerk scrolls.
 */
export function FillBar({
  items,
  filled,
  asked,
  copyable,
  onCopyAll,
  copying,
  onlyMissing,
  onOnlyMissing,
  onJump,
}: {
  items: ReportItem[];
  filled: Set<number>;
  asked: (item: ReportItem) => boolean;
  /** Blank entries that have a 上期 to take. */
  copyable: number;
  onCopyAll: () => void;
  copying: boolean;
  onlyMissing: boolean;
  onOnlyMissing: (on: boolean) => void;
  /** One item at a time (a phone): the outline shows that item instead of scrolling to it. */
  onJump?: (taskId: number) => void;
}) {
  const askedItems = items.filter(asked);
  const done = askedItems.filter((i) => filled.has(i.taskId)).length;
  const jump = (taskId: number) =>
    onJump ? onJump(taskId) : document.getElementById(itemAnchor(taskId))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  return (
    <div className="report-fill-bar" data-testid="fill-bar">
      <div className="report-fill-count">
        <Typography.Text strong data-testid="fill-count">
          已填 {done}/{askedItems.length}
        </Typography.Text>
        <Progress percent={askedItems.length ? Math.round((done / askedItems.length) * 100) : 100} size="small" showInfo={false} aria-label={`已填 ${done}/${askedItems.length}`} />
      </div>
      {copyable > 0 && (
        <Popconfirm
          title={`把上期内容填入 ${copyable} 个未填事项？`}
          description="只填入尚未填写的事项，已填写的不变；填入后请逐项修改本期变化的内容。"
          okText="填入"
          cancelText="取消"
          onConfirm={onCopyAll}
        >
          <Button loading={copying}>全部沿用上期（{copyable} 项）</Button>
        </Popconfirm>
      )}
      <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <Switch size="small" checked={onlyMissing} onChange={onOnlyMissing} aria-label="只看未填" />
        只看未填
      </label>
      <nav className="report-outline" aria-label="事项目录">
        {items.map((i) => (
          <Tooltip key={i.taskId} title={`附件${i.annexNo}第${i.seq}项：${i.standard.slice(0, 40)}`}>
            <Button
              size="small"
              type={filled.has(i.taskId) || !asked(i) ? 'default' : 'dashed'}
              danger={asked(i) && !filled.has(i.taskId)}
              onClick={() => jump(i.taskId)}
              // The name starts with the text on the button (WCAG 2.5.3), then says where it goes.
              aria-label={`${outlineLabel(i)}：跳到附件${i.annexNo}第${i.seq}项（${filled.has(i.taskId) ? '已填' : '未填'}）`}
            >
              {outlineLabel(i)}
            </Button>
          </Tooltip>
        ))}
      </nav>
    </div>
  );
}
