import { ExclamationCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../layout/ErrorAlert';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { usePeriodAction, usePeriods, usePeriodSchedule, type Period } from './api';
import { ExtendPeriodModal } from './ExtendPeriodModal';
import { deadlineText, md, scheduleText, setByText } from './periodDays';
import { PeriodStatusTag } from './StateTags';

const PAST_AT_IMPORT_TIP =
  '该报送期的截止日期在通知印发或导入系统时已经过去。请督查室研究决定：延期后再开启填报，或按原截止日期开启（各单位报送将计为逾期）。';

function DeadlineCell({ p }: { p: Period }) {
  const { main, moved, extension } = deadlineText(p);
  return (
    <Space direction="vertical" size={0}>
      <span style={{ whiteSpace: 'nowrap' }}>{main}</span>
      {moved && (
        <Typography.Text strong type="warning" style={{ whiteSpace: 'nowrap' }}>
          {moved}
        </Typography.Text>
      )}
      {extension && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {extension}
        </Typography.Text>
      )}
    </Space>
  );
}

/** 报送期管理: the notice's reporting periods, opened, closed and extended by the office. */
export default function PeriodsPage() {
  const periods = usePeriods();
  const schedule = usePeriodSchedule().query.data?.settings;
  const action = usePeriodAction();
  const { message } = App.useApp();
  const [extending, setExtending] = useState<Period | null>(null);

  const run = (p: Period, a: 'open' | 'close') =>
    action.mutate(
      { id: p.id, action: a },
      { onSuccess: () => void message.success(a === 'open' ? `${p.label}已开启填报` : `${p.label}已关闭`) },
    );

  const columns: ColumnsType<Period> = [
    {
      title: '报送期',
      dataIndex: 'label',
      fixed: 'left',
      render: (label: string) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {label}
        </Typography.Text>
      ),
    },
    {
      title: '依据文号',
      dataIndex: 'docNumber',
      render: (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{d ?? '—'}</span>,
    },
    { title: '截止日期', key: 'deadline', render: (_, p) => <DeadlineCell p={p} /> },
    {
      title: '状态',
      key: 'status',
      render: (_, p) => (
        <Space size={4} wrap>
          <PeriodStatusTag status={p.status} label={p.statusLabel} />
          {setByText(p) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {setByText(p)}
            </Typography.Text>
          )}
          {p.pastAtImport && (
            <Tooltip title={PAST_AT_IMPORT_TIP}>
              <Tag color="orange" icon={<ExclamationCircleOutlined />}>
                导入时已过期
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '自动开启 / 关闭',
      key: 'schedule',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          {scheduleText(p, schedule).map((line) => (
            <Typography.Text
              key={line}
              type={line.startsWith('需督查室') ? 'warning' : undefined}
              style={{ fontSize: 13 }}
            >
              {line}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, p) => (
        <Space size={4} wrap>
          {p.status !== 'open' && (
            <Popconfirm
              title={`开启“${p.label}”填报？`}
              description={
                p.pastAtImport
                  ? '该报送期导入时已过截止日期，开启后各单位报送将计为逾期。'
                  : p.status === 'planned' && p.opensOn && schedule?.autoOpen !== false
                    ? `本期将于${md(p.opensOn)}自动开启，现在开启则各单位可提前填报。`
                    : '开启后各责任单位即可填报本期完成情况。'
              }
              okText="开启"
              cancelText="取消"
              onConfirm={() => run(p, 'open')}
            >
              <Button type="link" size="small">
                开启填报
              </Button>
            </Popconfirm>
          )}
          {p.status === 'open' && (
            <Popconfirm
              title={`关闭“${p.label}”？`}
              description="关闭后各单位不能再新建本期报告。"
              okText="关闭"
              cancelText="取消"
              onConfirm={() => run(p, 'close')}
            >
              <Button type="link" size="small" danger>
                关闭
              </Button>
            </Popconfirm>
          )}
          {p.status !== 'closed' && (
            <Button type="link" size="small" onClick={() => setExtending(p)}>
              延期
            </Button>
          )}
          {p.status !== 'planned' && <Link to={`/office/periods/${p.id}`}>报送情况</Link>}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="报送期管理"
        subtitle="报送期按系统设置自动开启、关闭（截止日期逢节假日顺延），督查室也可手动开启、关闭，必要时延期并说明理由"
        extra={
          <Link to="/office/settings" style={{ whiteSpace: 'nowrap' }}>
            自动开启/关闭设置
          </Link>
        }
      />
      {periods.error && <QueryError error={periods.error} onRetry={() => void periods.refetch()} />}
      {action.error && <ErrorAlert error={action.error} />}
      <Card>
        <Table<Period>
          rowKey="id"
          columns={columns}
          dataSource={periods.data ?? []}
          loading={periods.isPending}
          pagination={false}
          // On a phone the table scrolls sideways; its cells keep their lines.
          scroll={{ x: 1000 }}
          locale={{ emptyText: '尚无报送期。导入责任分解通知后，系统按通知规定的报送时间生成报送期。' }}
        />
      </Card>
      {extending && <ExtendPeriodModal period={extending} onClose={() => setExtending(null)} />}
    </>
  );
}
