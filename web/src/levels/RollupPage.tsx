import { Button, Card, Empty, Input, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type HTMLAttributes, type Key } from 'react';
import { Link } from 'react-router';
import type { AnnexKind } from '../../../core/notice/types';
import { ApiError } from '../api/client';
import { can } from '../auth/can';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { ANNEX_KIND_COLORS, ANNEX_KIND_LABELS } from '../notices/labels';
import { useRollup, type RollupItem } from './api';
import { itemNo, LightCounts, SumLines } from './format';
import { LowerTable } from './LowerTable';
import { RankingCard } from './RankingCard';
import './levels.css';


function matches(item: RollupItem, q: string): boolean {
  if (!q) return true;
  const hay = [
    item.upperTask.seq,
    item.upperTask.standard,
    ...item.lower.flatMap((l) => [l.org.name, l.standard, l.leadUnit ?? '']),
  ].join(' ');
  return q.split(/\s+/).every((t) => hay.includes(t));
}

/**
 * 上下级汇总: every item this organisation handed down (or that a lower organisation linked to it on
 * import), one row each, opening onto one row per lower organisation; the ranking above. Read-only:
 * the lower organisations keep their own tasks.
 */
export default function RollupPage() {
  const { me } = useSession();
  const rollup = useRollup();
  const [q, setQ] = useState('');
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  const items = useMemo(() => (rollup.data ?? []).filter((i) => matches(i, q.trim())), [rollup.data, q]);
  const orgName = me?.org.name ?? '';
  const noLower = rollup.error instanceof ApiError && rollup.error.code === 'ROLLUP_NO_LOWER_ORGS';

  const columns: ColumnsType<RollupItem> = [
    {
      title: '上级事项',
      key: 'item',
      render: (_, i) => {
        const kind = i.upperTask.annexKind as AnnexKind;
        return (
          <>
            <Space size={4} style={{ marginBottom: 4 }}>
              <Tag color={ANNEX_KIND_COLORS[kind] ?? 'default'}>{ANNEX_KIND_LABELS[kind] ?? i.upperTask.annexKind}</Tag>
              <Link to={`/tasks/${i.upperTask.id}`} onClick={(e) => e.stopPropagation()}>
                附件{i.upperTask.annexNo} {itemNo(i.upperTask)}
              </Link>
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: i.upperTask.standard }} style={{ marginBottom: 0 }}>
              {i.upperTask.standard}
            </Typography.Paragraph>
          </>
        );
      },
    },
    { title: '完成时限', key: 'deadline', width: 90, render: (_, i) => i.upperTask.deadline ?? '—' },
    {
      title: '下级机构',
      key: 'orgs',
      width: 150,
      render: (_, i) => (
        <>
          <div>{i.lower.length} 个</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.lower.map((l) => l.org.name).join('、')}
          </Typography.Text>
        </>
      ),
    },
    { title: '灯色', key: 'lights', width: 130, render: (_, i) => <LightCounts counts={i.counts} /> },
    {
      title: '本期报送',
      key: 'reported',
      width: 100,
      render: (_, i) => {
        const done = i.lower.filter((l) => l.standing?.reached).length;
        const overdue = i.lower.filter((l) => l.standing?.timeliness === 'missing').length;
        return (
          <Space direction="vertical" size={2}>
            <span>
              已报 {done}/{i.lower.length}
            </span>
            {overdue > 0 && <Tag color="red">逾期未报 {overdue}</Tag>}
          </Space>
        );
      },
    },
    {
      title: '指标合计（实际/目标）',
      key: 'sums',
      width: 320,
      render: (_, i) => <SumLines sums={i.sums} upper={i.upperTask.indicators} upperName={orgName} />,
    },
  ];

  if (noLower) {
    return (
      <>
        <PageHeader title="上下级汇总" />
        <Result
          status="info"
          title="本级尚无下级机构"
          subTitle={`${orgName}下没有区县（市）等下级机构，暂无可汇总的交办事项。`}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="上下级汇总"
        subtitle={`${orgName}交办的事项在各下级机构的落实情况（只读汇总，数据来自各下级机构经审定的报送）`}
      />
      <RankingCard />
      <Card
        size="small"
        title={`交办事项${rollup.data ? `（${rollup.data.length} 项）` : ''}`}
        extra={
          <Space>
            <Input.Search
              allowClear
              placeholder="搜索事项、下级机构或牵头单位"
              onSearch={setQ}
              onChange={(e) => !e.target.value && setQ('')}
              style={{ width: 280 }}
            />
            <Button size="small" onClick={() => setExpanded(expanded.length ? [] : items.map((i) => i.upperTask.id))}>
              {expanded.length ? '全部收起' : '全部展开'}
            </Button>
          </Space>
        }
      >
        {rollup.error && <QueryError error={rollup.error} onRetry={() => void rollup.refetch()} />}
        {rollup.isPending && !rollup.error && <Skeleton active paragraph={{ rows: 6 }} />}
        {rollup.data && rollup.data.length === 0 && (
          <Empty
            description={
              can(me?.role, 'handdown.write')
                ? '尚未向下级交办事项。在台账中打开本级的事项，点击“下达”即可交办给下级机构。'
                : '尚无交办给下级机构的事项'
            }
          />
        )}
        {rollup.data && rollup.data.length > 0 && (
          <Table<RollupItem>
            size="middle"
            rowKey={(i) => i.upperTask.id}
            columns={columns}
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            expandable={{
              expandedRowKeys: expanded,
              onExpandedRowsChange: setExpanded,
              expandRowByClick: true,
              expandedRowRender: (i) => <LowerTable lower={i.lower} />,
            }}
            onRow={(i) => ({ 'data-testid': `rollup-item-${i.upperTask.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{ emptyText: '没有符合条件的事项' }}
          />
        )}
      </Card>
    </>
  );
}
