import { Button, Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { mayUrge, StandingKindTag, TimelinessTag } from '../reporting/StandingTag';
import { BulkUrgeBar } from '../supervision/BulkUrge';
import { UrgeCell } from '../supervision/urgeColumn';
import { type PeriodStatus } from './api';
import { useLedgerLink } from './year';

type UnitRow = PeriodStatus['units'][number];
type Status = UnitRow['status'];

const STATUS: Record<Status, { label: string; rank: number }> = {
  missing: { label: '未报', rank: 0 },
  late: { label: '逾期', rank: 1 },
  pending: { label: '未到期', rank: 2 },
  on_time: { label: '按时', rank: 3 },
  exempt: { label: '免报', rank: 4 },
};

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

const daysPast = (deadline: string, today: string) => dayjs(today).diff(dayjs(deadline), 'day');

type Props = {
  period: PeriodStatus | null;
  today: string;
  office: boolean;
  /** On a unit's home: its own row first, marked 本单位; the others are the units it shares tasks with. */
  ownUnitId?: number;
  /**
   * The units' table behind a button (a leader's phone): the four figures are what he reads there;
   * fifty units' rows would fill the rest of his home.
   */
  unitsFolded?: boolean;
};

/** 本期报送情况: who has reported the current period, who is late, who has not reported at all. */
export function PeriodStatusCard({ period, today, office, ownUnitId, unitsFolded = false }: Props) {
  const toLedger = useLedgerLink();
  const [selected, setSelected] = useState<number[]>([]);
  const [unfolded, setUnfolded] = useState(false);
  if (!period) {
    return (
      <Card title="本期报送情况" size="small" style={{ height: '100%' }} data-testid="period-status">
        <Empty
          description={
            <>
              当前没有开启的报送期，各单位暂无报送任务。
              {office && (
                <>
                  <br />
                  <Link to="/office/periods">前往报送期管理开启填报</Link>
                </>
              )}
            </>
          }
        />
      </Card>
    );
  }
  const past = daysPast(period.deadline, today);
  const due = past > 0 ? `已截止 ${past} 天` : past === 0 ? '今日截止' : `距截止还有 ${-past} 天`;
  const own = (r: UnitRow) => (r.unitId === ownUnitId ? 0 : 1);
  // Missing and late first, then reports back with the unit for changes (the office follows them up).
  const rank = (r: UnitRow) => (r.standing.kind === 'returned' ? 1.5 : STATUS[r.status].rank);
  const rows = [...period.units].sort(
    (a, b) => own(a) - own(b) || rank(a) - rank(b) || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  const columns: ColumnsType<UnitRow> = [
    {
      title: '责任单位',
      dataIndex: 'unitName',
      width: 130,
      fixed: 'left',
      render: (name: string, r) => (
        <>
          <Link to={toLedger({ unitId: r.unitId })}>{name}</Link>
          {r.unitId === ownUnitId && (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              本单位
            </Tag>
          )}
        </>
      ),
    },
    {
      title: '报送情况',
      dataIndex: 'status',
      width: 170,
      filters: (Object.keys(STATUS) as Status[]).map((s) => ({ text: STATUS[s].label, value: s })),
      onFilter: (v, r) => r.status === v,
      render: (_: Status, r) => (
        <>
          <TimelinessTag standing={r.standing} />
          {r.standing.reachedOn && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {md(r.standing.reachedOn)}
              {r.standing.kind === 'returned' || r.standing.kind === 'resubmitted' ? '首次报送' : '报送'}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: '报告状态',
      key: 'kind',
      width: 120,
      render: (_, r) => <StandingKindTag standing={r.standing} />,
    },
  ];
  // 催办 (office only): how often each unit was urged; 催办 for a unit whose report has not reached
  // the office, or came back for changes — never for one that reported or is exempt.
  if (office)
    columns.push({
      title: '催办',
      key: 'urge',
      width: 200,
      render: (_, r) => (
        <UrgeCell
          period={{ id: period.id, label: period.label, opened: true }}
          unitId={r.unitId}
          unitName={r.unitName}
          standing={r.standing}
        />
      ),
    });
  const ref = (r: UnitRow) => ({ unitId: r.unitId, unitName: r.unitName });
  // 全部未报送: not reached the office and not exempt (a report back for changes did reach it; it
  // can still be selected and urged on its own).
  const unreported = rows.filter((r) => !r.standing.reached && r.standing.kind !== 'exempt').map(ref);
  const chosen = rows.filter((r) => selected.includes(r.unitId) && mayUrge(r.standing)).map(ref);
  const s = period.summary;
  return (
    <Card
      title={`本期报送情况 · ${period.label}`}
      size="small"
      style={{ height: '100%' }}
      data-testid="period-status"
      extra={
        <Typography.Text type={past > 0 ? 'danger' : 'secondary'}>
          截止 {dayjs(period.deadline).format('YYYY年M月D日')}（{due}）
        </Typography.Text>
      }
    >
      <Row gutter={8} style={{ marginBottom: 12 }}>
        {(
          [
            ['按时', s.onTime, '#237804'],
            ['逾期', s.late, s.late ? '#d4380d' : '#595959'],
            ['未报', s.missing, s.missing ? '#cf1322' : '#595959'],
            ['未到期', s.pending, '#595959'],
          ] as const
        ).map(([label, n, color]) => (
          <Col xs={12} sm={6} key={label}>
            <Statistic title={label} value={n} suffix="个单位" valueStyle={{ color, fontSize: 20 }} />
          </Col>
        ))}
      </Row>
      {(s.returned > 0 || s.exempt > 0) && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -4, marginBottom: 8 }}>
          {s.returned > 0 && `已报送的单位中有 ${s.returned} 个被退回修改（按首次报送日期计为按时或逾期，不计未报）。`}
          {s.exempt > 0 && `另有 ${s.exempt} 个单位本期免报（事项已销号）。`}
        </Typography.Paragraph>
      )}
      {office && (
        <BulkUrgeBar
          periodId={period.id}
          periodLabel={period.label}
          unreported={unreported}
          selected={chosen}
          onDone={() => setSelected([])}
        />
      )}
      {unitsFolded && !unfolded ? (
        <Button block size="large" onClick={() => setUnfolded(true)} data-testid="period-units-unfold">
          查看各单位报送情况（{rows.length} 个单位）
        </Button>
      ) : (
        <Table<UnitRow>
          size="small"
          rowKey="unitId"
          columns={columns}
          rowSelection={
            office
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as number[]),
                  // No checkbox where there is nothing to urge: the report reached the office, or the unit is exempt.
                  getCheckboxProps: (r) => ({ disabled: !mayUrge(r.standing), 'aria-label': `选择${r.unitName}` }),
                  renderCell: (_checked, r, _i, node) => (mayUrge(r.standing) ? node : null),
                  columnWidth: 36,
                  // 催办全部未报送单位 is the select-all; antd's own header checkbox (labelled "Select all")
                  // is also copied into the table's hidden measuring row, where it is focusable.
                  hideSelectAll: true,
                }
              : undefined
          }
          // On a phone the table scrolls sideways instead of squeezing unit names to a letter a line.
          scroll={{ x: office ? 660 : 420 }}
          dataSource={rows}
          pagination={
            rows.length > 8
              ? { pageSize: 8, size: 'small', showSizeChanger: false, showTotal: (n) => `共 ${n} 个单位` }
              : false
          }
          locale={{ emptyText: '本期没有需要报送的单位' }}
        />
      )}
    </Card>
  );
}
