// Read-only pieces of a task entry: indicator targets, co-units' parts, text blocks.
import { Collapse, Space, Typography } from 'antd';
import type { ReportItem } from './api';
import { StandingKindTag } from './StandingTag';
import { ProgressStatusTag } from './StateTags';

const PRE_QUALIFIERS = /^(不低于|不少于|不高于|不超过|超过|高于|低于|至少|约|超)$/u;

/** "不低于95%", "6%左右", "2400个以上": the target as the notice words it. */
export function targetText(ind: ReportItem['indicators'][number]): string {
  const q = ind.qualifier ?? '';
  const value = `${ind.target}${ind.unit}`;
  return PRE_QUALIFIERS.test(q) ? `${q}${value}` : `${value}${q}`;
}

export function TextBlock({ label, text }: { label: string; text: string }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ whiteSpace: 'pre-wrap', marginTop: 2 }}>
        {text.trim() ? text : <Typography.Text type="secondary">（未填写）</Typography.Text>}
      </div>
    </div>
  );
}

/** 配合单位填报情况: what the co-operating units reported on this lead task in the same period. */
export function CoParts({ parts }: { parts: ReportItem['coParts'] }) {
  // Nothing to show until a co-operating unit has a report for the period.
  if (parts.length === 0) return null;
  return (
    <Collapse
      size="small"
      style={{ marginTop: 12 }}
      items={[
        {
          key: 'co',
          label: `配合单位填报情况（${parts.length} 个单位）`,
          children: (
            <Space direction="vertical" size={12} style={{ width: '100%' }}>
              {parts.map((p) => (
                <div key={p.unitName}>
                  <Space size={8} style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{p.unitName}</Typography.Text>
                    <StandingKindTag standing={p.standing} />
                    <ProgressStatusTag status={p.status} />
                  </Space>
                  <TextBlock label="进展情况" text={p.narrative} />
                  {p.problems.trim() && <TextBlock label="存在问题" text={p.problems} />}
                </div>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
