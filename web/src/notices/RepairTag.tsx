import { Popover, Tag, Typography } from 'antd';
import type { Repair } from './types';
import { REPAIR_FIELD_LABELS } from './labels';
import { translateRule } from './messages';

// A whole shifted row is printed tab-separated; show it the way a clerk saw it, and not too long.
function showRaw(raw: string): string {
  const text = raw.replace(/\t+/g, ' ｜ ').replace(/^ ｜ | ｜ $/g, '');
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function showResult(result: string | string[]): string {
  const text = Array.isArray(result) ? result.join('、') : showRaw(result);
  return text || '（空）';
}

/** The list of repairs, each with what was printed and what the system made of it. */
export function RepairList({ repairs }: { repairs: Repair[] }) {
  return (
    <ol className="repair-list">
      {repairs.map((r, i) => (
        <li key={i}>
          <div>
            <Typography.Text strong>{REPAIR_FIELD_LABELS[r.field] ?? r.field}</Typography.Text>
            <Typography.Text type="secondary">（原文第 {r.line} 行）</Typography.Text>
            {r.uncertain && (
              <Tag color="warning" style={{ marginInlineStart: 6 }}>
                需确认
              </Tag>
            )}
          </div>
          <div>
            原文：<span className="repair-raw">{showRaw(r.raw)}</span>
          </div>
          <div>
            结果：<span className="repair-result">{showResult(r.result)}</span>
          </div>
          <div>
            <Typography.Text type="secondary">依据：{translateRule(r.rule)}</Typography.Text>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** "已修复" on a row: hover or click to see each repair, so the clerk can judge it against the paper. */
export function RepairTag({ repairs }: { repairs: Repair[] }) {
  if (repairs.length === 0) return null;
  return (
    <Popover
      title={`系统自动修复 ${repairs.length} 处`}
      content={<RepairList repairs={repairs} />}
      placement="left"
      overlayStyle={{ maxWidth: 480 }}
      trigger={['hover', 'click']}
    >
      <Tag color="warning" className="repair-tag" style={{ cursor: 'pointer' }}>
        已修复 {repairs.length > 1 ? repairs.length : ''}
      </Tag>
    </Popover>
  );
}
