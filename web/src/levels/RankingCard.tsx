import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { QueryError } from '../layout/QueryError';
import { rankingXlsxHref, useRanking, type RankingRow } from './api';
import { LightCounts, percent } from './format';

const SCORE_HELP = '综合得分 = 按时报送率、绿灯蓝灯占比、指标完成度三项的平均值（某项无数据时不计入）× 100';

const rate = (x: number | null) =>
  x === null ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    <Tooltip title={percent(x)}>
      <Progress percent={Math.round(x * 1000) / 10} size="small" style={{ width: 120, marginBottom: 0 }} />
    </Tooltip>
  );

/** 下级机构排名: the lower organisations on the items handed down to them; 导出 Excel is the server's workbook. */
export function RankingCard({ compact = false, withLink = false }: { compact?: boolean; withLink?: boolean }) {
  const ranking = useRanking();
  const columns: ColumnsType<RankingRow> = [
    {
      title: '名次',
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (r: number) => <Typography.Text strong>{r}</Typography.Text>,
    },
    { title: '下级机构', key: 'org', width: 110, render: (_, r) => r.org.name },
    { title: '交办事项', dataIndex: 'items', width: 90, align: 'right', render: (n: number) => `${n} 项` },
    {
      title: '按时报送',
      key: 'onTime',
      width: 210,
      render: (_, r) => (
        <Space size={8}>
          {rate(r.onTimeRate)}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.reportsOnTime}/{r.reportsDue}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '绿灯蓝灯占比', key: 'share', width: 150, render: (_, r) => rate(r.greenOrBlueShare) },
    { title: '指标完成度', key: 'completion', width: 150, render: (_, r) => rate(r.indicatorCompletion) },
    {
      title: (
        <Tooltip title={SCORE_HELP}>
          综合得分 <QuestionCircleOutlined />
        </Tooltip>
      ),
      dataIndex: 'score',
      width: 100,
      align: 'right',
      render: (s: number) => <Typography.Text strong>{s.toFixed(1)}</Typography.Text>,
    },
  ];
  if (!compact) columns.push({ title: '灯色分布', key: 'counts', render: (_, r) => <LightCounts counts={r.counts} /> });
  return (
    <Card
      size="small"
      title="下级机构排名（交办事项）"
      style={{ marginBottom: 16 }}
      data-testid="lower-ranking"
      extra={
        // A plain link: the browser downloads the workbook with the session cookie.
        <Space>
          {withLink && <Link to="/rollup">查看上下级汇总</Link>}
          <Button size="small" icon={<DownloadOutlined />} href={rankingXlsxHref}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      {ranking.error && <QueryError error={ranking.error} onRetry={() => void ranking.refetch()} />}
      <Table<RankingRow>
        size="small"
        rowKey={(r) => r.org.id}
        loading={ranking.isPending}
        pagination={false}
        columns={columns}
        dataSource={ranking.data ?? []}
        locale={{ emptyText: '尚无交办事项，暂无排名' }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        按时报送：已到截止日的报送期中，牵头单位按时报送并经审定的次数 / 应报次数。{SCORE_HELP}。
      </Typography.Text>
    </Card>
  );
}
