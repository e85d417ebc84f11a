import { Card, Collapse, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import type { BulletinFigures } from './api';
import { officeReportHref } from './format';

type UnitRow = BulletinFigures['reporting']['units'][number];

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/**
 * What follows a unit's name: how late (逾期2个工作日报送), and for a report the office returned,
 * 退回修改 with the day it first reached the office. Figures of bulletins generated before issue 14
 * carry only lateDays (calendar days then), so the words fall back to those.
 */
function suffixOf(u: UnitRow): string {
  const late = u.status === 'late' ? (u.timelinessLabel ?? (u.lateDays !== null ? `逾期${u.lateDays}天` : '')) : '';
  const returned = u.returned
    ? `${u.stateLabel ?? '退回修改'}${u.reachedOn ? `（${md(u.reachedOn)}首次报送）` : ''}`
    : '';
  return [late, returned]
    .filter(Boolean)
    .map((x) => ` · ${x}`)
    .join('');
}

/** A unit as a tag; with a report behind it, the tag opens the report the figure came from. */
function UnitTag({ u, color }: { u: UnitRow; color?: string }) {
  const tag = (
    <Tag color={color} className="bulletin-unit-tag" data-testid={`figure-unit-${u.unitId}`}>
      {u.reportId ? <Link to={officeReportHref(u.reportId)}>{u.unitName}</Link> : u.unitName}
      {suffixOf(u)}
    </Tag>
  );
  return u.text ? <Tooltip title={u.text}>{tag}</Tooltip> : tag;
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
  const returned = r.units.filter((u) => u.returned);
  return (
    <Card size="small" title={`报送情况 · ${f.periodLabel}`} className="bulletin-figure" data-testid="figure-reporting">
      <Space size={40} wrap style={{ marginBottom: 12 }}>
        <Statistic title="应报" value={r.expected} suffix="个" />
        <Statistic title="按时" value={r.onTime} suffix="个" valueStyle={{ color: '#237804' }} />
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
        {(r.exempt ?? 0) > 0 && <Statistic title="本期免报" value={r.exempt} suffix="个" />}
      </Space>
      <div className="bulletin-figure-group">
        <Typography.Text strong>逾期报送单位（{r.late}）</Typography.Text>
        <UnitTags units={of('late')} color="orange" empty="本期无逾期报送单位" />
      </div>
      <div className="bulletin-figure-group">
        <Typography.Text strong>未报送单位（{r.missing}）</Typography.Text>
        <UnitTags units={of('missing')} color="red" empty="本期无未报送单位" />
      </div>
      {returned.length > 0 && (
        <div className="bulletin-figure-group" data-testid="figure-returned">
          <Typography.Text strong>退回修改单位（{returned.length}）</Typography.Text>
          <Typography.Text type="secondary">已报送督查室，按首次报送日期计为按时或逾期，不计未报送</Typography.Text>
          <UnitTags units={returned} color="gold" empty="" />
        </div>
      )}
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
