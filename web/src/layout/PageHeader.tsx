import { Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';

/** Page heading plus the browser tab title, so a clerk with many tabs can tell them apart. */
export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - 督办`;
  }, [title]);
  return (
    // On a phone the buttons go under the title when both do not fit on one line.
    <div className="page-header" style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 16 }}>
      <div>
        <Typography.Title level={3}>{title}</Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
