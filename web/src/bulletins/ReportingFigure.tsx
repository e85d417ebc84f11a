import { Card, Collapse, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { BulletinFigures } from './api';
import { officeReportHref } from './format';

type UnitRow = BulletinFigures['reporting']['units'][number];

/** A unit as a tag; with a report behind it, the tag opens the report the figure came from. */
function UnitTag({ u, color }: { u: UnitRow; color?: string }) {
  const suffix = u.status === 'late' && u.lateDays !== null ? ` · 逾期${u.lateDays}天` : '';
  return (
    <Tag color={color} className="bulletin-unit-tag">
      {u.reportId ? <Link to={officeReportHref(u.reportId)}>{u.unitName}</Link> : u.unitName}
      {suffix}
    </Tag>
  );
}

function UnitTags({ units, color, empty }: { units: UnitRow[]; color?: string; empty: string }) {
  if (units.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[0, 6]} wrap>
      {units.map((u) => (
        <UnitTag key={u.unitId} u={u} color={color} />
      ))}
    </Space>
  );
}

/** 报送情况: how many units were due to report, and which were late or missing, each to its report. */
export function ReportingFigure({ f }: { f: BulletinFigures }) {
  const r = f.reporting;
  const of = (s: UnitRow['status']) => r.units.filter((u) => u.status === s);
  return (
    <Card size="small" title={`报送情况 · ${f.periodLabel}`} className="bulletin-figure" data-testid="figure-reporting">
      <Space size={40} wrap style={{ marginBottom: 12 }}>
        <Statistic title="应报" value={r.expected} suffix="个" />
        <Statistic title="按时" value={r.onTime} suffix="个" valueStyle={{ color: '#389e0d' }} />
        <Statistic
          title="逾期"
          value={r.late}
          suffix="个"
          valueStyle={{ color: '#d46b08' }}
          data-testid="figure-late"
        />
        <Statistic
          title="未报"
          value={r.missing}
          suffix="个"
          valueStyle={{ color: '#cf1322' }}
          data-testid="figure-missing"
        />
        {r.pending > 0 && <Statistic title="报送期内" value={r.pending} suffix="个" />}
      </Space>
      <div className="bulletin-figure-group">
        <Typography.Text strong>逾期报送单位（{r.late}）</Typography.Text>
        <UnitTags units={of('late')} color="orange" empty="本期无逾期报送单位" />
      </div>
      <div className="bulletin-figure-group">
        <Typography.Text strong>未报送单位（{r.missing}）</Typography.Text>
        <UnitTags units={of('missing')} color="red" empty="本期无未报送单位" />
      </div>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'on-time',
            label: `按时报送单位（${r.onTime}）${r.pending ? `、报送期内（${r.pending}）` : ''}`,
            children: <UnitTags units={[...of('on_time'), ...of('pending')]} empty="无" />,
          },
        ]}
      />
    </Card>
  );
}
