import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { urgeColumn } from '../supervision/urgeColumn';
import { usePeriodReports, usePeriods, type PeriodReportRow } from './api';
import { PeriodSummaryButtons } from './PeriodSummaryButtons';
import { StandingKindTag, TimelinessTag } from './StandingTag';

const columns: ColumnsType<PeriodReportRow> = [
  { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
  {
    title: '状态',
    key: 'state',
    width: 200,
    render: (_, r) => (
      <Space size={4} wrap>
        <StandingKindTag standing={r.standing} />
        {r.standing.kind === 'returned' && r.standing.resubmitBy && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            限{dayjs(r.standing.resubmitBy).format('M月D日')}前重报
          </Typography.Text>
        )}
      </Space>
    ),
    filters: [
      { text: '未填报', value: 'not_started' },
      { text: '填报中（含待负责人审定）', value: 'in_progress' },
      { text: '已报送督查室（待审核）', value: 'in_office' },
      { text: '退回修改', value: 'returned' },
      { text: '已通过', value: 'accepted' },
    ],
    onFilter: (value, r) =>
      value === 'in_progress'
        ? ['drafting', 'pending_head'].includes(r.standing.kind)
        : value === 'in_office'
          ? ['reached', 'resubmitted'].includes(r.standing.kind)
          : r.standing.kind === value,
  },
  {
    title: '报送情况',
    key: 'timeliness',
    width: 200,
    render: (_, r) => <TimelinessTag standing={r.standing} />,
    filters: [
      { text: '按时报送', value: 'on_time' },
      { text: '逾期报送', value: 'late' },
      { text: '逾期未报', value: 'missing' },
      { text: '未到截止日期', value: 'pending' },
    ],
    onFilter: (value, r) => r.standing.timeliness === value,
  },
  {
    title: '首次报送',
    key: 'reachedOn',
    width: 150,
    render: (_, r) =>
      r.standing.reachedOn ? (
        <Tooltip title={r.approvedAt && dayjs(r.approvedAt).format('YYYY-MM-DD') !== r.standing.reachedOn ? `最近一次审定报送：${dayjs(r.approvedAt).format('YYYY-MM-DD HH:mm')}` : undefined}>
          {dayjs(r.standing.reachedOn).format('YYYY-MM-DD')}
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
  {
    title: '操作',
    key: 'open',
    width: 100,
    render: (_, r) =>
      r.reportId ? (
        <Link to={`/office/reports/${r.reportId}`}>{r.standing.inOffice && r.standing.kind !== 'accepted' ? '审核' : '查看'}</Link>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

/** 报送情况: every responsible unit's report for one period, missing ones included. */
export default function PeriodReportsPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const period = usePeriods().data?.find((p) => p.id === id);
  const rows = usePeriodReports(id);
  const items = rows.data ?? [];
  const count = (...kinds: string[]) => items.filter((r) => kinds.includes(r.standing.kind)).length;
  const timely = (t: string) => items.filter((r) => r.standing.timeliness === t).length;

  return (
    <>
      <PageHeader
        title={`报送情况${period ? ` · ${period.label}` : ''}`}
        subtitle={
          period
            ? `截止日期 ${dayjs(period.effectiveDeadline).format('YYYY年M月D日')} · ${period.statusLabel}`
            : undefined
        }
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/office/periods')}>
              返回报送期
            </Button>
            <PeriodSummaryButtons periodId={id} />
          </Space>
        }
      />
      {rows.error && <QueryError error={rows.error} onRetry={() => void rows.refetch()} />}
      <Card style={{ marginBottom: 16 }} loading={rows.isPending}>
        <Space size={48} wrap>
          <Statistic title="责任单位" value={items.length - count('exempt')} suffix="个" />
          <Statistic title="按时报送" value={timely('on_time')} valueStyle={{ color: '#237804' }} />
          <Statistic title="逾期报送" value={timely('late')} valueStyle={{ color: '#d4380d' }} />
          <Statistic title="逾期未报" value={timely('missing')} valueStyle={{ color: '#a8071a' }} />
          <Statistic title="未报送督查室" value={count('not_started', 'drafting', 'pending_head')} />
          <Statistic title="待督查室审核" value={count('reached', 'resubmitted')} valueStyle={{ color: '#1f4e9e' }} />
          <Statistic title="退回修改" value={count('returned')} valueStyle={{ color: '#d46b08' }} />
          <Statistic title="已通过" value={count('accepted')} valueStyle={{ color: '#237804' }} />
        </Space>
      </Card>
      <Card>
        <Table<PeriodReportRow>
          rowKey={(r) => r.unit.id}
          columns={period ? [...columns, urgeColumn(period)] : columns}
          dataSource={items}
          loading={rows.isPending}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (t) => `共 ${t} 个单位` }}
          size="middle"
        />
      </Card>
    </>
  );
}
