import { Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1, plus the browser tab title, so a clerk with many tabs can tell them apart.
 * When a page opens after a click in the menu or on a link, focus moves to this heading: a screen
 * reader reads where the person is now, and Tab continues from the top of the new page (not from a
 * link that no longer exists). Focus already in the page, or in a dialog, is left where it is.
 */
export function PageHeader({ title, subtitle, extra }: { title: string; subtitle?: ReactNode; extra?: ReactNode }) {
  const heading = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${title} - 督办`;
  }, [title]);
  useEffect(() => {
    const h = heading.current;
    const active = document.activeElement;
    const content = h?.closest('.app-content');
    const elsewhere = !active || active === document.body || (content && !content.contains(active) && !active.closest('[role="dialog"]'));
    if (h && elsewhere) h.focus({ preventScroll: true });
  }, []);
  return (
    // On a phone the buttons go under the title when both do not fit on one line.
    <div className="page-header" style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 16 }}>
      <div>
        <Typography.Title level={1} className="page-title" ref={heading} tabIndex={-1}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <div>{extra}</div>}
    </div>
  );
}
