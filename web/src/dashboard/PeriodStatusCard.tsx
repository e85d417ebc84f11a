import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { UrgeButton } from '../supervision/UrgeButton';
import { type PeriodStatus } from './api';
import { useLedgerLink } from './year';

type UnitRow = PeriodStatus['units'][number];
type Status = UnitRow['status'];

const STATUS: Record<Status, { label: string; color: string; rank: number }> = {
  missing: { label: '未报', color: 'error', rank: 0 },
  late: { label: '逾期', color: 'volcano', rank: 1 },
  pending: { label: '未到期', color: 'default', rank: 2 },
  on_time: { label: '按时', color: 'success', rank: 3 },
};

const daysPast = (deadline: string, today: string) => dayjs(today).diff(dayjs(deadline), 'day');

function StatusTag({ row, deadline, today }: { row: UnitRow; deadline: string; today: string }) {
  const s = STATUS[row.status];
  if (row.status === 'late') return <Tag color={s.color}>逾期 {row.lateDays ?? 0} 天报送</Tag>;
  if (row.status === 'missing') return <Tag color={s.color}>未报 · 逾期 {daysPast(deadline, today)} 天</Tag>;
  if (row.status === 'on_time') return <Tag color={s.color}>按时报送</Tag>;
  return <Tag color={s.color}>未到期</Tag>;
}

type Props = {
  period: PeriodStatus | null;
  today: string;
  office: boolean;
  /** On a unit's home: its own row first, marked 本单位; the others are the units it shares tasks with. */
  ownUnitId?: number;
};

/** 本期报送情况: who has reported the current period, who is late, who has not reported at all. */
export function PeriodStatusCard({ period, today, office, ownUnitId }: Props) {
  const toLedger = useLedgerLink();
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
  const rows = [...period.units].sort(
    (a, b) =>
      own(a) - own(b) || STATUS[a.status].rank - STATUS[b.status].rank || a.unitName.localeCompare(b.unitName, 'zh-CN'),
  );
  const columns: ColumnsType<UnitRow> = [
    {
      title: '责任单位',
      dataIndex: 'unitName',
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
      render: (_: Status, r) => <StatusTag row={r} deadline={period.deadline} today={today} />,
    },
    {
      title: '报告状态',
      dataIndex: 'reportStateLabel',
      width: 140,
      render: (t: string) => <Typography.Text type="secondary">{t}</Typography.Text>,
    },
  ];
  // 催办 (office only): any unit whose report the office has not yet accepted.
  if (office)
    columns.push({
      title: '操作',
      key: 'urge',
      width: 90,
      render: (_, r) =>
        r.reportState === 'accepted' ? null : (
          <UrgeButton periodId={period.id} periodLabel={period.label} unitId={r.unitId} unitName={r.unitName} />
        ),
    });
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
            ['按时', s.onTime, '#389e0d'],
            ['逾期', s.late, s.late ? '#d4380d' : '#8c8c8c'],
            ['未报', s.missing, s.missing ? '#cf1322' : '#8c8c8c'],
            ['未到期', s.pending, '#8c8c8c'],
          ] as const
        ).map(([label, n, color]) => (
          <Col span={6} key={label}>
            <Statistic title={label} value={n} suffix="个单位" valueStyle={{ color, fontSize: 20 }} />
          </Col>
        ))}
      </Row>
      <Table<UnitRow>
        size="small"
        rowKey="unitId"
        columns={columns}
        dataSource={rows}
        pagination={
          rows.length > 8
            ? { pageSize: 8, size: 'small', showSizeChanger: false, showTotal: (n) => `共 ${n} 个单位` }
            : false
        }
        locale={{ emptyText: '本期没有需要报送的单位' }}
      />
    </Card>
  );
}
