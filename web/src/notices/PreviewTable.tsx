import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { annexRows, effective, isChanged, isPending, type Corrections } from './corrections';
import { translateAnomaly } from './messages';
import { RepairTag } from './RepairTag';
import { IndicatorChips, LeaderTags, LinkList, UnitTags } from './TaskCells';
import { uncertainCells, type NameChoices } from './name-choices';
import type { ParsedAnnex, TaskField, TaskRow } from './types';

interface Props {
  annex: ParsedAnnex;
  corrections: Corrections;
  /** The office's decisions on new units and leaders: a decided name no longer marks its cell. */
  choices: NameChoices;
  settled: (task: TaskRow['task']) => boolean;
  onlyFlagged: boolean;
  onEdit: (row: TaskRow) => void;
  onConfirm: (row: TaskRow) => void;
}

function rowClass(row: TaskRow): string {
  if (row.correction || row.settled) return 'row-corrected';
  if (row.task.uncertain) return 'row-uncertain';
  if (row.task.repairs.length > 0) return 'row-repaired';
  return '';
}

function Status({ row }: { row: TaskRow }) {
  const { task, correction } = row;
  return (
    <Space size={[0, 4]} wrap>
      {isPending(row) && <Tag color="warning">待确认</Tag>}
      {correction && <Tag color="success">{isChanged(row) ? '已更正' : '已确认'}</Tag>}
      {row.settled && !correction && <Tag color="success">已处理新单位</Tag>}
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

const FIELD_LABELS: Record<TaskField, string> = {
  standard: '工作标准',
  leaders: '分管领导',
  units: '责任单位',
  deadline: '完成时限',
  category: '目标名称',
  indicators: '指标',
};

/**
 * A cell the parser is unsure of: marked, and one click (or Enter) opens the correction dialog. A
 * corrected row's cells are the office's own and are not marked.
 */
function Cell({
  row,
  field,
  choices,
  onEdit,
  children,
}: {
  row: TaskRow;
  field: TaskField;
  choices: NameChoices;
  onEdit: (r: TaskRow) => void;
  children: ReactNode;
}) {
  if (row.correction || !uncertainCells(row.task, choices).has(field)) return <>{children}</>;
  return (
    <div
      className="cell-uncertain"
      role="button"
      tabIndex={0}
      title={`${FIELD_LABELS[field]}需要确认，点击更正`}
      onClick={() => onEdit(row)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onEdit(row);
        }
      }}
    >
      {children}
      <span className="cell-uncertain-hint">点此更正</span>
    </div>
  );
}

/** One annex's tasks in printed order, with what the parser repaired and what needs a person. */
export function PreviewTable({ annex, corrections, choices, settled, onlyFlagged, onEdit, onConfirm }: Props) {
  const all = annexRows(annex, corrections, settled);
  const cell = (r: TaskRow, field: TaskField, children: ReactNode) => (
    <Cell row={r} field={field} choices={choices} onEdit={onEdit}>
      {children}
    </Cell>
  );
  const rows = onlyFlagged ? all.filter((r) => r.task.uncertain || r.task.repairs.length > 0 || r.correction) : all;
  const district = annex.kind === 'district-gwr' || annex.tasks.every((t) => t.upstreamItem === null);
  // Annex 1 of the seed prints no completion month at all: an always-empty column only narrows the text.
  const hasDeadlines = all.some((r) => effective(r).deadline !== null);

  const columns: ColumnsType<TaskRow> = [
    { title: '序号', key: 'seq', width: 56, render: (_, r) => r.task.seq },
    // A notice without 目标 categories (most tables copied from elsewhere) gets no column of dashes.
    ...(district && !annex.tasks.some((t) => t.category)
      ? []
      : district
        ? [
            {
              title: '目标',
              key: 'category',
              width: 110,
              render: (_: unknown, r: TaskRow) =>
                cell(r, 'category', r.task.category ? `${r.task.category.no}. ${r.task.category.name}` : '—'),
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
          {cell(r, 'standard', <div>{effective(r).standard}</div>)}
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
            render: (_: unknown, r: TaskRow) => cell(r, 'deadline', effective(r).deadline ?? '—'),
          },
        ]
      : []),
    {
      title: '分管区领导',
      key: 'leaders',
      className: 'col-leaders',
      width: 88,
      render: (_, r) => cell(r, 'leaders', <LeaderTags leaders={effective(r).leaders} />),
    },
    {
      title: '责任单位',
      key: 'units',
      className: 'col-units',
      width: 156,
      render: (_, r) => cell(r, 'units', <UnitTags units={effective(r).units} />),
    },
    {
      title: '指标',
      key: 'indicators',
      width: 150,
      render: (_, r) => <IndicatorChips indicators={effective(r).indicators} />,
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
