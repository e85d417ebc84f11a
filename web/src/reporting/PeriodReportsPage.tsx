import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { urgeColumn } from '../supervision/urgeColumn';
import { usePeriodReports, usePeriods, type PeriodReportRow } from './api';
import { PeriodSummaryButtons } from './PeriodSummaryButtons';
import { ReportStateTag } from './StateTags';

const columns: ColumnsType<PeriodReportRow> = [
  { title: '单位', key: 'unit', render: (_, r) => r.unit.name },
  {
    title: '状态',
    key: 'state',
    width: 180,
    render: (_, r) => <ReportStateTag state={r.state} label={r.stateLabel} />,
    filters: [
      { text: '未填报', value: 'missing' },
      { text: '填报中（含待负责人审定、已退回）', value: 'in_progress' },
      { text: '已报送督查室（待审核）', value: 'submitted' },
      { text: '已通过', value: 'accepted' },
    ],
    onFilter: (value, r) =>
      value === 'in_progress' ? ['draft', 'pending_head', 'returned'].includes(r.state) : r.state === value,
  },
  {
    title: '逾期天数',
    dataIndex: 'lateDays',
    width: 110,
    align: 'right',
    render: (d: number | null) =>
      d && d > 0 ? (
        <Typography.Text type="danger" strong>
          {d} 天
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
  {
    title: '报送时间',
    dataIndex: 'approvedAt',
    width: 200,
    render: (t: string | null) => (t ? dayjs(t).format('YYYY-MM-DD HH:mm') : '—'),
  },
  {
    title: '操作',
    key: 'open',
    width: 100,
    render: (_, r) =>
      r.reportId ? (
        <Link to={`/office/reports/${r.reportId}`}>{r.state === 'submitted' ? '审核' : '查看'}</Link>
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
  const count = (...states: string[]) => items.filter((r) => states.includes(r.state)).length;

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
          <Statistic title="责任单位" value={items.length} suffix="个" />
          <Statistic title="未填报" value={count('missing')} valueStyle={{ color: '#a8071a' }} />
          <Statistic title="填报中" value={count('draft', 'pending_head', 'returned')} />
          <Statistic title="待督查室审核" value={count('submitted')} valueStyle={{ color: '#1677ff' }} />
          <Statistic title="已通过" value={count('accepted')} valueStyle={{ color: '#389e0d' }} />
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
