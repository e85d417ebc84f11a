import { ArrowRightOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { Adjustment } from '../ledger/api';

/** 调整前 → 调整后, for a standard's text or an indicator's target. */
export function BeforeAfter({ a }: { a: Adjustment }) {
  if (a.indicator) {
    const unit = a.indicator.unit;
    return (
      <span>
        {a.indicator.name}：
        <span className="task-version-before">
          {a.beforeValue ?? '—'}
          {unit}
        </span>{' '}
        <ArrowRightOutlined />{' '}
        <Typography.Text strong>
          {a.afterValue ?? '—'}
          {unit}
        </Typography.Text>
      </span>
    );
  }
  return (
    <div>
      <div>
        <Typography.Text type="secondary">调整前：</Typography.Text>
        <span className="task-version-before">{a.beforeText ?? '—'}</span>
      </div>
      <div>
        <Typography.Text type="secondary">调整后：</Typography.Text>
        <Typography.Text strong>{a.afterText ?? '—'}</Typography.Text>
      </div>
    </div>
  );
}
