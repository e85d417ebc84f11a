import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page's actions, kept at the bottom of the window while the person scrolls a long page (a unit
 * report of twenty tasks, a bulletin's text): a note on the left (save state), buttons on the right.
 */
export function ActionBar({ note, children, testId }: { note?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="page-action-bar" data-testid={testId}>
      {typeof note === 'string' || note === undefined ? <Typography.Text type="secondary">{note}</Typography.Text> : note}
      <Space wrap>{children}</Space>
    </div>
  );
}
