import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import type { ReportItem } from '../api';

/**
 * The clerk's report on a phone, one item at a time: which item of how many (a list to jump to any,
 * each marked 已填/未填) above the item, 上一项 / 下一项 under it where the thumb ends after typing.
 * Moving on saves what was typed (the item's autosave flushes when it leaves the screen).
 */
export function ItemStepper({
  items,
  index,
  onIndex,
  done,
  placement,
}: {
  items: ReportItem[];
  index: number;
  onIndex: (index: number) => void;
  /** Whether an item needs nothing more (filled, or not asked this period). */
  done: (item: ReportItem) => boolean;
  placement: 'top' | 'bottom';
}) {
  const go = (k: number) => {
    onIndex(k);
    document.getElementById('report-stepper-top')?.scrollIntoView({ block: 'start' });
  };
  if (placement === 'top') {
    return (
      <div className="report-stepper" id="report-stepper-top" data-testid="item-stepper">
        <Typography.Text strong>
          第 {index + 1} / {items.length} 项
        </Typography.Text>
        <Select<number>
          aria-label="跳到事项"
          value={index}
          onChange={go}
          style={{ flex: 1, minWidth: 0 }}
          popupMatchSelectWidth={false}
          options={items.map((item, k) => ({
            value: k,
            label: `${k + 1}. 附件${item.annexNo}第${item.seq}项 · ${done(item) ? '已填' : '未填'}`,
          }))}
        />
      </div>
    );
  }
  return (
    <div className="report-stepper report-stepper-bottom" data-testid="item-stepper-nav">
      <Button size="large" icon={<LeftOutlined />} disabled={index === 0} onClick={() => go(index - 1)}>
        上一项
      </Button>
      <Button size="large" type="primary" ghost disabled={index >= items.length - 1} onClick={() => go(index + 1)}>
        下一项
        <RightOutlined />
      </Button>
    </div>
  );
}
