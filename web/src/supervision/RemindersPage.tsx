import { Alert, Card, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useReminders, type ReminderItem } from './api';
import { DeliveryTags } from './DeliveryTags';
import { KIND } from './labels';
import './supervision.css';

const columns: ColumnsType<ReminderItem> = [
  {
    title: '时间',
    dataIndex: 'createdAt',
    width: 140,
    render: (t: string, r) => (
      <>
        {dayjs(t).format('YYYY-MM-DD HH:mm')}
        {r.businessDate !== dayjs(t).format('YYYY-MM-DD') && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            业务日 {r.businessDate}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 110,
    filters: Object.entries(KIND).map(([value, k]) => ({ text: k.label, value })),
    onFilter: (v, r) => r.kind === v,
    render: (k: ReminderItem['kind']) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag>,
  },
  {
    title: '责任单位',
    key: 'unit',
    width: 140,
    render: (_, r) => <Link to={`/office/periods/${r.period.id}`}>{r.unit.name}</Link>,
  },
  { title: '报送期', key: 'period', width: 130, render: (_, r) => r.period.label },
  { title: '对象', dataIndex: 'audienceLabel', width: 120 },
  {
    title: '内容',
    key: 'message',
    width: 260,
    render: (_, r) => (
      <>
        <Typography.Text strong>{r.title}</Typography.Text>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: r.body }} style={{ margin: 0 }}>
          {r.body}
        </Typography.Paragraph>
        {r.urge?.createdByName && r.kind === 'manual_urge' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            催办人：{r.urge.createdByName}
          </Typography.Text>
        )}
      </>
    ),
  },
  {
    title: '发送情况',
    key: 'deliveries',
    width: 220,
    render: (_, r) => <DeliveryTags deliveries={r.deliveries} />,
  },
];

/** 催办记录: what the schedule and the office sent, and whether each channel got it out. */
export default function RemindersPage() {
  const list = useReminders();
  // The server already puts failures first; keep that order whatever else changes.
  const items = [...(list.data ?? [])].sort((a, b) => Number(b.failed) - Number(a.failed));
  const failed = items.filter((r) => r.failed).length;
  const retrying = items.filter(
    (r) => !r.failed && r.deliveries.some((d) => d.status === 'pending' && d.lastError),
  ).length;
  return (
    <>
      <PageHeader
        title="催办记录"
        subtitle="按提醒时间自动发出的提前提醒、截止日提醒、逾期催办，以及督查室人工催办，和各渠道的发送情况"
      />
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {failed > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={`有 ${failed} 条提醒或催办未能通过外部渠道发出`}
          description={
            <>
              失败的记录排在最前，将鼠标移到红色标签上可查看错误原因。请检查
              <Link to="/office/settings">系统设置</Link>中的通知渠道配置；站内通知不受影响。
            </>
          }
        />
      )}
      {failed === 0 && retrying > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`有 ${retrying} 条提醒或催办的外部渠道发送出错，系统将自动重试`}
          description="将鼠标移到黄色“待重试”标签上可查看错误原因；多次重试仍失败的记录将标为发送失败并排在最前。"
        />
      )}
      <Card>
        <Table<ReminderItem>
          rowKey={(r) => `${r.source}-${r.id}`}
          columns={columns}
          dataSource={items}
          loading={list.isPending}
          size="middle"
          // On a phone the table scrolls inside its card instead of squeezing the text to a character a line.
          scroll={{ x: 1140 }}
          rowClassName={(r) => (r.failed ? 'supervision-row-failed' : '')}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 条` }}
          locale={{ emptyText: '暂无提醒或催办记录' }}
        />
      </Card>
    </>
  );
}
