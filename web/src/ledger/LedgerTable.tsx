import { Grid, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { TaskList, TaskRow } from './api';
import { LightTag } from '../dashboard/LightTag';
import { DueDate } from './DueDate';
import { highlight } from './Highlight';
import { ClosedTag, LeaderNames, UnitRoleTags, taskRef } from './TaskTags';

interface Props {
  data: TaskList | undefined;
  loading: boolean;
  terms: string[];
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** The office's row actions (上移/下移/移动到…/删除 or 销号: LedgerRowActions.tsx), last. */
  actions?: ColumnsType<TaskRow>[number] | null;
}

/** The ledger rows; paging is the server's (242 tasks and more do not come down at once). */
export function LedgerTable({ data, loading, terms, page, pageSize, onPage, actions }: Props) {
  const navigate = useNavigate();
  // On a phone the columns keep their widths and the table scrolls sideways, instead of one character a line.
  const narrow = Grid.useBreakpoint().md === false;
  const columns: ColumnsType<TaskRow> = [
    {
      title: '附件/序号',
      key: 'ref',
      width: 96,
      render: (_, r) => <Typography.Text strong>{taskRef(r)}</Typography.Text>,
    },
    {
      title: '目标',
      key: 'category',
      width: 140,
      render: (_, r) =>
        r.category ? (
          <span>{highlight(r.category.name, terms)}</span>
        ) : (
          <Typography.Text type="secondary">{r.upstreamNo ? `上级序号 ${r.upstreamNo}` : '—'}</Typography.Text>
        ),
    },
    {
      title: '工作标准',
      dataIndex: 'standard',
      render: (standard: string) => (
        // Long standards are cut to three lines; hover shows all of it, 展开 opens it in place.
        <Typography.Paragraph
          style={{ marginBottom: 0 }}
          ellipsis={{ rows: 3, expandable: true, symbol: '展开', tooltip: { title: standard, placement: 'topLeft' } }}
        >
          {highlight(standard, terms)}
        </Typography.Paragraph>
      ),
    },
    {
      title: '灯色',
      key: 'light',
      width: 92,
      render: (_, r) => (
        <Space direction="vertical" size={4}>
          <LightTag light={r.light.color} reasons={r.light.reasons} />
          {/* 销号: closed as completed; the date is on the tag's second line, the basis on hover. */}
          {r.closure && <ClosedTag closure={r.closure} short />}
          {r.closure && (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {dayjs(r.closure.closedOn).format('M月D日')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: '完成时限', key: 'due', width: 110, render: (_, r) => <DueDate task={r} /> },
    { title: '分管区领导', key: 'leaders', width: 120, render: (_, r) => <LeaderNames leaders={r.leaders} /> },
    { title: '责任单位', key: 'units', width: 240, render: (_, r) => <UnitRoleTags units={r.units} /> },
    { title: '指标数', dataIndex: 'indicatorCount', width: 72, align: 'right' },
    ...(actions ? [actions] : []),
  ];

  return (
    <Table<TaskRow>
      size="middle"
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      // With the office's actions (fixed on the right) the table scrolls sideways rather than squeezing the standard.
      scroll={actions ? { x: 1320 } : narrow ? { x: 1100 } : undefined}
      locale={{ emptyText: '没有符合条件的事项' }}
      onRow={(r) => ({
        onClick: (e) => {
          // Clicking 展开 opens the text in place; it is not a request to open the task.
          if ((e.target as HTMLElement).closest('.ant-typography-expand')) return;
          navigate(`/tasks/${r.id}`);
        },
        style: { cursor: 'pointer' },
      })}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => `共 ${total} 项`,
        onChange: onPage,
      }}
    />
  );
}
