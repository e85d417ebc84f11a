import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PART_LABELS, PARTS } from '../../../core/assessment/scheme';
import type { BreakdownLine, Score } from './api';
import { fixed, signed } from './labels';

type Row = { key: string; part: string; points: number | null; max: number | null; text: string; source: ReactNode };

/** Where a line comes from, as a link the office can follow (a leader sees the task, not the office's report page). */
function SourceLink({ line, canOpenReports }: { line: BreakdownLine; canOpenReports: boolean }) {
  const src = line.source;
  const report = (id: number | null, label: string) =>
    id === null ? (
      <Typography.Text type="secondary">无报告</Typography.Text>
    ) : canOpenReports ? (
      <Link to={`/office/reports/${id}`}>{label}</Link>
    ) : (
      <Typography.Text type="secondary">报告 #{id}</Typography.Text>
    );
  switch (src.kind) {
    case 'report':
      return report(src.reportId, `${src.periodLabel}报告`);
    case 'task':
    case 'indicator':
      return (
        <>
          <Link to={`/tasks/${src.taskId}`}>
            事项 附件{src.annexNo} {src.seq}
          </Link>
          {src.reportId !== null && <> · {report(src.reportId, '报告')}</>}
        </>
      );
    case 'cap':
      return <Typography.Text type="secondary">—</Typography.Text>;
  }
}

/** 得分明细: every line behind the unit's figures, grouped by part, then adjustments and the veto. */
export function Breakdown({ score, canOpenReports }: { score: Score; canOpenReports: boolean }) {
  const rows: Row[] = [];
  for (const part of PARTS) {
    score.lines
      .filter((l) => l.part === part)
      .forEach((l, i) =>
        rows.push({ key: `${part}-${i}`, part: PART_LABELS[part], points: l.points, max: l.max, text: l.text, source: <SourceLink line={l} canOpenReports={canOpenReports} /> }),
      );
  }
  for (const a of score.adjustments) {
    rows.push({ key: `adj-${a.id}`, part: '调整', points: a.delta, max: null, text: a.reason, source: `${a.byName} · ${dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}` });
  }
  if (score.vetoed) rows.push({ key: 'veto', part: '一票否决', points: null, max: null, text: `${score.vetoReason ?? ''}（总分计0分）`, source: '—' });

  const columns: ColumnsType<Row> = [
    { title: '项目', dataIndex: 'part', width: 90, render: (p: string) => <Tag color={p === '一票否决' ? 'red' : p === '调整' ? 'purple' : undefined}>{p}</Tag> },
    { title: '计分说明', dataIndex: 'text' },
    {
      title: '得分',
      key: 'points',
      width: 120,
      align: 'right',
      render: (_, r) =>
        r.points === null ? '—' : (
          <>
            <Typography.Text strong>{r.part === '调整' || r.points < 0 ? signed(r.points) : fixed(r.points)}</Typography.Text>
            {r.max !== null && <Typography.Text type="secondary"> / {fixed(r.max)}</Typography.Text>}
          </>
        ),
    },
    { title: '依据', dataIndex: 'source', width: 260 },
  ];
  return <Table<Row> className="assessment-breakdown" size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} data-testid={`breakdown-${score.unitId}`} />;
}
