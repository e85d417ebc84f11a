import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { annexRows, effective, isChanged, isPending, type Corrections } from './corrections';
import { translateAnomaly } from './messages';
import { RepairTag } from './RepairTag';
import { IndicatorChips, LeaderTags, LinkList, UnitTags } from './TaskCells';
import type { ParsedAnnex, TaskRow } from './types';

interface Props {
  annex: ParsedAnnex;
  corrections: Corrections;
  onlyFlagged: boolean;
  onEdit: (row: TaskRow) => void;
  onConfirm: (row: TaskRow) => void;
}

function rowClass(row: TaskRow): string {
  if (row.correction) return 'row-corrected';
  if (row.task.uncertain) return 'row-uncertain';
  if (row.task.repairs.length > 0) return 'row-repaired';
  return '';
}

function Status({ row }: { row: TaskRow }) {
  const { task, correction } = row;
  return (
    <Space size={[0, 4]} wrap>
      {isPending(row) && <Tag color="orange">待确认</Tag>}
      {correction && <Tag color="green">{isChanged(row) ? '已更正' : '已确认'}</Tag>}
      <RepairTag repairs={task.repairs} />
      {task.anomalies.length > 0 && (
        <Tooltip
          title={
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {task.anomalies.map((a, i) => (
                <li key={i}>{translateAnomaly(a)}</li>
              ))}
            </ul>
          }
        >
          <Tag color="purple" style={{ cursor: 'help' }}>
            提示
          </Tag>
        </Tooltip>
      )}
      {!isPending(row) && !correction && task.repairs.length === 0 && task.anomalies.length === 0 && (
        <Typography.Text type="secondary">正常</Typography.Text>
      )}
    </Space>
  );
}

/** One annex's tasks in printed order, with what the parser repaired and what needs a person. */
export function PreviewTable({ annex, corrections, onlyFlagged, onEdit, onConfirm }: Props) {
  const all = annexRows(annex, corrections);
  const rows = onlyFlagged ? all.filter((r) => r.task.uncertain || r.task.repairs.length > 0 || r.correction) : all;
  const district = annex.kind === 'district-gwr' || annex.tasks.every((t) => t.upstreamItem === null);
  // Annex 1 of the seed prints no completion month at all: an always-empty column only narrows the text.
  const hasDeadlines = all.some((r) => effective(r).deadline !== null);

  const columns: ColumnsType<TaskRow> = [
    { title: '序号', key: 'seq', width: 56, render: (_, r) => r.task.seq },
    ...(district
      ? [
          {
            title: '目标',
            key: 'category',
            width: 110,
            render: (_: unknown, r: TaskRow) =>
              r.task.category ? `${r.task.category.no}. ${r.task.category.name}` : '—',
          },
        ]
      : [
          // One column for the upstream number and item, as the brief's 上级序号/上级事项: the two
          // long texts (upstream item, district target) then share the width equally.
          {
            title: '上级序号/上级事项',
            key: 'upItem',
            render: (_: unknown, r: TaskRow) => (
              <>
                {r.task.upstreamNo !== null && <Typography.Text strong>{r.task.upstreamNo}. </Typography.Text>}
                {r.task.upstreamItem ?? '—'}
              </>
            ),
          },
        ]),
    {
      title: district ? '工作标准' : '区目标',
      key: 'standard',
      render: (_, r) => (
        <>
          <div>{effective(r).standard}</div>
          <LinkList links={r.task.links} />
        </>
      ),
    },
    ...(hasDeadlines
      ? [
          {
            title: '完成时限',
            key: 'deadline',
            width: 64,
            render: (_: unknown, r: TaskRow) => effective(r).deadline ?? '—',
          },
        ]
      : []),
    {
      title: '分管区领导',
      key: 'leaders',
      className: 'col-leaders',
      width: 88,
      render: (_, r) => <LeaderTags leaders={effective(r).leaders} />,
    },
    {
      title: '责任单位',
      key: 'units',
      className: 'col-units',
      width: 156,
      render: (_, r) => <UnitTags units={effective(r).units} />,
    },
    {
      title: '指标',
      key: 'indicators',
      width: 116,
      render: (_, r) => <IndicatorChips indicators={r.task.indicators} />,
    },
    { title: '状态', key: 'status', width: 96, render: (_, r) => <Status row={r} /> },
    {
      title: '操作',
      key: 'actions',
      width: 84,
      fixed: 'right',
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <Button type="link" size="small" onClick={() => onEdit(r)}>
            编辑
          </Button>
          {isPending(r) && (
            <Button type="link" size="small" onClick={() => onConfirm(r)}>
              确认无误
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<TaskRow>
      className="notice-preview-table"
      size="small"
      bordered
      rowKey="key"
      columns={columns}
      dataSource={rows}
      rowClassName={rowClass}
      scroll={{ x: 1040 }}
      // The shell header is sticky (64px): keep the column titles visible under it on long annexes.
      sticky={{ offsetHeader: 64 }}
      pagination={{
        defaultPageSize: 50,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => `共 ${total} 项`,
        hideOnSinglePage: false,
      }}
      locale={{ emptyText: onlyFlagged ? '本附件没有需确认或已修复的事项' : '本附件没有事项' }}
    />
  );
}
