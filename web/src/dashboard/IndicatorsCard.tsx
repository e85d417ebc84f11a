import { Card, Progress, Table, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { IndicatorRow } from './api';

type Row = IndicatorRow & { key: number };

const num = (x: number) => x.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

// The notice's own wording: "不低于95%" puts the qualifier first, "6%左右", "60亿元以上" after.
const PRE_QUALIFIERS = /^(不低于|不少于|不高于|不超过|超过|高于|低于|至少|约|超)$/u;
const targetText = (i: IndicatorRow) => {
  const value = `${num(i.target)}${i.unit}`;
  const q = i.qualifier ?? '';
  return PRE_QUALIFIERS.test(q) ? `${q}${value}` : `${value}${q}`;
};

function ShareBar({ share }: { share: number | null }) {
  if (share === null) return <Typography.Text type="secondary">未报送</Typography.Text>;
  const percent = Math.round(share * 1000) / 10;
  const status = share >= 1 ? 'success' : 'normal';
  return <Progress percent={Math.min(100, percent)} format={() => `${percent}%`} size="small" status={status} />;
}

/** 指标完成情况: each quantified target against the latest reported actual. */
export function IndicatorsCard({ indicators }: { indicators: IndicatorRow[] }) {
  // A task may name the same indicator twice (e.g. two years); the row's position is its key.
  const rows = useMemo<Row[]>(() => indicators.map((i, key) => ({ ...i, key })), [indicators]);
  const reported = indicators.filter((i) => i.actual !== null).length;
  const columns: ColumnsType<Row> = [
    {
      title: '事项',
      key: 'task',
      width: 110,
      render: (_, i) => <Link to={`/tasks/${i.taskId}`}>{`附件${i.annexNo} ${i.seq}`}</Link>,
    },
    {
      title: '指标',
      dataIndex: 'name',
      // Cut at the end (the start says what is counted), the whole name on hover.
      ellipsis: { showTitle: false },
      render: (name: string) => (
        <Tooltip title={name} placement="topLeft">
          <span>{name}</span>
        </Tooltip>
      ),
    },
    {
      title: '目标',
      key: 'target',
      width: 190,
      render: (_, i) => targetText(i),
    },
    {
      title: '实际完成',
      dataIndex: 'actual',
      width: 130,
      render: (a: number | null, i) =>
        a === null ? <Typography.Text type="secondary">—</Typography.Text> : `${num(a)}${i.unit}`,
    },
    {
      title: '完成比例',
      dataIndex: 'share',
      width: 220,
      sorter: (a, b) => (a.share ?? -1) - (b.share ?? -1),
      render: (s: number | null) => <ShareBar share={s} />,
    },
  ];
  return (
    <Card
      title="指标完成情况"
      size="small"
      extra={
        <Typography.Text type="secondary">{`共 ${indicators.length} 项量化指标，已报送 ${reported} 项`}</Typography.Text>
      }
    >
      <Table<Row>
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false, showTotal: (n) => `共 ${n} 项` }}
        locale={{ emptyText: '暂无量化指标' }}
      />
    </Card>
  );
}
