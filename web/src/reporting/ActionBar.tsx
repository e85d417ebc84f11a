import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * The report's actions, kept at the bottom of the window while the clerk, head or office scrolls
 * through a long list of tasks (a unit may report on twenty or more).
 */
export function ActionBar({ note, children }: { note?: ReactNode; children: ReactNode }) {
  return (
    <div className="report-action-bar" data-testid="report-actions">
      <Typography.Text type="secondary">{note}</Typography.Text>
      <Space>{children}</Space>
    </div>
  );
}
