import { Space, Tag, Tooltip, Typography } from 'antd';
import type { Indicator, TaskLink } from '../../../core/notice/types';

/** 分管区领导 as tags. */
export function LeaderTags({ leaders }: { leaders: string[] }) {
  if (leaders.length === 0) return <Typography.Text type="danger">未填</Typography.Text>;
  return (
    <>
      {leaders.map((l) => (
        <Tag key={l}>{l}</Tag>
      ))}
    </>
  );
}

/** 责任单位: the first listed unit leads (牵头), the rest co-operate (配合), as the notice says. */
export function UnitTags({ units }: { units: string[] }) {
  if (units.length === 0) return <Typography.Text type="danger">未填</Typography.Text>;
  const [lead, ...co] = units;
  return (
    <Space direction="vertical" size={2}>
      <span>
        <Tag color="red">牵头</Tag>
        {lead}
      </span>
      {co.length > 0 && (
        <span>
          <Tag>配合</Tag>
          {co.join('、')}
        </span>
      )}
    </Space>
  );
}

// The parser names an indicator by the words before the number, which can be a whole clause; the
// words nearest the number say what is counted, so keep those and show the full text on hover.
function shortName(name: string): string {
  return name.length > 8 ? `…${name.slice(-8)}` : name;
}

export function IndicatorChips({ indicators }: { indicators: Indicator[] }) {
  if (indicators.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {indicators.map((i, n) => (
        <Tooltip key={n} title={`原文：${i.text}`}>
          <Tag color="geekblue" style={{ whiteSpace: 'normal' }}>
            {shortName(i.name)} {i.value}
            {i.unit}
            {i.qualifier ? ` ${i.qualifier}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

/** The same work handed down in another annex, e.g. "关联：附件1 (1)". */
export function LinkList({ links }: { links: TaskLink[] }) {
  if (links.length === 0) return null;
  return (
    <div>
      <Typography.Text type="secondary">
        关联：
        {links.map((l) => `附件${l.annexNo} ${l.seq}`).join('、')}
      </Typography.Text>
    </div>
  );
}
