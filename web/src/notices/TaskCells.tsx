import { Space, Tag, Tooltip, Typography } from 'antd';
import { targetWording } from '../../../core/notice/indicator-fields';
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

/**
 * 指标 as chips: the name is cut at its end with an ellipsis when the column is narrow (the start
 * says what is counted: 新增公共停车位…), the target always shows, and the whole indicator with
 * the printed text is on hover and keyboard focus.
 */
export function IndicatorChips({ indicators }: { indicators: Indicator[] }) {
  if (indicators.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <>
      {indicators.map((i, n) => {
        const target = targetWording({ target: i.value, unit: i.unit, qualifier: i.qualifier });
        return (
          <Tooltip
            key={n}
            title={
              <>
                <div>
                  {i.name} {target}
                </div>
                {i.text && <div>原文：{i.text}</div>}
              </>
            }
          >
            <Tag color="geekblue" className="indicator-chip" tabIndex={0}>
              <span className="indicator-chip-name">{i.name}</span>
              <span className="indicator-chip-target">{target}</span>
            </Tag>
          </Tooltip>
        );
      })}
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
