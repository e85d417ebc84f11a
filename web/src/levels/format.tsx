import { Space, Tag, Tooltip, Typography } from 'antd';
import { PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../core/reporting/states';
import { LightTag } from '../dashboard/LightTag';
import { LIGHT_ORDER, LIGHT_TAG_COLORS, LIGHT_LABELS } from '../dashboard/lights';
import { ProgressStatusTag } from '../reporting/StateTags';
import { StandingTags } from '../reporting/StandingTag';
import type { RollupItem, RollupLower, RollupSum } from './api';

/** Figures as a clerk writes them: 35.7, 1,500, never 35.699999. */
export const num = (x: number) => Number(x.toFixed(2)).toLocaleString('zh-CN');
export const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);

/** 第176项 for a numbered item; the printed sequence otherwise ("(12)"). */
export const itemNo = (u: { number: number | null; seq: string }) => (/^\d+$/.test(u.seq) ? `第${u.seq}项` : u.seq);

/** 2024-07-01 → 7月1日 */
export const dayOf = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** Where the lead unit's report of the latest opened period stands (core/reporting/standing.ts). */
export function ReportCell({ lower }: { lower: RollupLower }) {
  const { period, standing } = lower;
  if (!period) return <Typography.Text type="secondary">尚未开启报送期</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {period.label}（{dayOf(period.deadline)}截止）
      </Typography.Text>
      {standing && <StandingTags standing={standing} showDate={standing.kind === 'returned'} />}
      {lower.latestStatus && (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            进展：
          </Typography.Text>
          <LatestStatus label={lower.latestStatus} />
        </span>
      )}
    </Space>
  );
}

const STATUS_BY_LABEL = Object.fromEntries(Object.entries(PROGRESS_STATUS_LABELS).map(([k, v]) => [v, k])) as Record<
  string,
  ProgressStatus
>;

export function LatestStatus({ label }: { label: string | null }) {
  if (!label) return <Typography.Text type="secondary">—</Typography.Text>;
  return <ProgressStatusTag status={STATUS_BY_LABEL[label] ?? label} />;
}

/** Each indicator: actual / target unit (share), or 未报 before an approved report. */
export function IndicatorLines({ indicators }: { indicators: RollupLower['indicators'] }) {
  if (indicators.length === 0) return <Typography.Text type="secondary">无量化指标</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {indicators.map((i) => (
        <div key={`${i.name}/${i.unit}`} className="levels-indicator">
          <Typography.Text type="secondary">{i.name}：</Typography.Text>
          {i.actual === null ? (
            <>
              <Typography.Text type="secondary">未报</Typography.Text> / {num(i.target)}
              {i.unit}
            </>
          ) : (
            <>
              <Typography.Text strong>{num(i.actual)}</Typography.Text> / {num(i.target)}
              {i.unit}
              {i.target > 0 && <Typography.Text type="secondary">（{percent(i.actual / i.target)}）</Typography.Text>}
            </>
          )}
        </div>
      ))}
    </Space>
  );
}

/** 合计 where the lower organisations' indicators agree in name and unit. */
export function SumLines({
  sums,
  upper,
  upperName = '',
}: {
  sums: RollupSum[];
  upper: RollupItem['upperTask']['indicators'];
  /** Whose the item is (武汉市): its own indicator target is shown under the sums. */
  upperName?: string;
}) {
  // Rates (增长6%, 失业率5.5%) do not add up across organisations: the server sums quantities only.
  const quantities = sums;
  if (quantities.length === 0 && upper.length === 0)
    return <Typography.Text type="secondary">无量化指标</Typography.Text>;
  return (
    <Space direction="vertical" size={2}>
      {quantities.map((s) => (
        <Tooltip
          key={`${s.name}/${s.unit}`}
          title={`${s.orgs}个下级机构设有此指标，其中${s.reportedOrgs}个已报送完成值（经审定的最新一期）`}
        >
          <div className="levels-indicator">
            <Typography.Text type="secondary">{s.name}：</Typography.Text>
            <Typography.Text strong>{num(s.actual)}</Typography.Text> / {num(s.target)}
            {s.unit}
            <Typography.Text type="secondary">
              （{s.target > 0 ? `${percent(s.actual / s.target)}，` : ''}
              {s.reportedOrgs}/{s.orgs}已报）
            </Typography.Text>
          </div>
        </Tooltip>
      ))}
      {upper.map((u) => (
        <Typography.Text key={`u/${u.name}/${u.unit}`} type="secondary" style={{ fontSize: 12 }}>
          {upperName}目标：{u.name} {num(u.target)}
          {u.unit}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** The lights of an item's lower organisations: one small tag per colour present, worst first. */
export function LightCounts({ counts }: { counts: RollupItem['counts'] }) {
  const present = LIGHT_ORDER.filter((l) => counts[l] > 0);
  return (
    <Space size={[0, 4]} wrap>
      {present.map((l) => (
        <Tag key={l} color={LIGHT_TAG_COLORS[l]}>
          {LIGHT_LABELS[l]} {counts[l]}
        </Tag>
      ))}
    </Space>
  );
}

export function LowerLight({ lower }: { lower: RollupLower }) {
  return <LightTag light={lower.light.color} reasons={lower.light.reasons} />;
}
