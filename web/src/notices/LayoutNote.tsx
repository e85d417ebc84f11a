import { Popover, Space, Tag, Typography } from 'antd';
import { LAYOUT_NAMES } from '../../../core/notice/layout-names';
import type { ParsedAnnex } from './types';

/**
 * Which layout the parser recognised for an annex (core/notice/strategies), and on hover or focus the
 * other readings it considered, with how many tasks each found: the office sees how the file was read.
 */
export function LayoutNote({ annex }: { annex: ParsedAnnex }) {
  const others = (annex.readings ?? []).filter((r) => r.layout !== annex.layout);
  const considered = (
    <div style={{ maxWidth: 360 }}>
      <div>系统按“{LAYOUT_NAMES[annex.layout]}”读出本附件的任务。</div>
      {others.length > 0 ? (
        <>
          <div style={{ marginTop: 8 }}>也尝试过的读法（读出的任务较少或较乱，未采用）：</div>
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {others.map((r) => (
              <li key={r.layout}>
                {LAYOUT_NAMES[r.layout]}：{r.tasks} 项
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div style={{ marginTop: 8 }}>没有其他读法读出任务。</div>
      )}
    </div>
  );
  return (
    <Space size={4} wrap className="layout-note">
      <Typography.Text type="secondary">识别版式：</Typography.Text>
      <Popover content={considered} title="本附件是怎样读出来的" trigger={['hover', 'focus', 'click']}>
        <Tag
          color="blue"
          tabIndex={0}
          role="button"
          aria-label={`识别版式：${LAYOUT_NAMES[annex.layout]}，查看其他读法`}
          style={{ cursor: 'help' }}
        >
          {LAYOUT_NAMES[annex.layout]}
        </Tag>
      </Popover>
      {others.length > 0 && <Typography.Text type="secondary">（另试过 {others.length} 种读法）</Typography.Text>}
    </Space>
  );
}
