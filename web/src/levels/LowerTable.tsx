import { EyeOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import type { RollupLower } from './api';
import { IndicatorLines, LowerLight, ReportCell } from './format';

/**
 * One row per lower organisation carrying an item: its own target, lead unit, light, the latest
 * period's report and lateness, indicator actuals against its targets, and the read-only drill-down.
 */
export function LowerTable({ lower }: { lower: RollupLower[] }) {
  const columns: ColumnsType<RollupLower> = [
    {
      title: '下级机构',
      key: 'org',
      width: 110,
      render: (_, l) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{l.org.name}</Typography.Text>
          <Space size={[0, 4]} wrap>
            {l.origin === 'handed_down' ? <Tag color="geekblue">交办</Tag> : <Tag>导入关联</Tag>}
            {l.pendingLowerTarget && (
              <Tooltip title="由下级督查室确定目标，尚未确定">
                <Tag color="gold">待定目标</Tag>
              </Tooltip>
            )}
          </Space>
        </Space>
      ),
    },
    {
      title: '下级目标',
      key: 'standard',
      render: (_, l) => (
        <>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: l.standard }} style={{ marginBottom: 2 }}>
            {l.standard}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            完成时限：{l.deadline ?? '—'}
          </Typography.Text>
        </>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 120,
      render: (_, l) => l.leadUnit ?? <Typography.Text type="warning">尚未指定</Typography.Text>,
    },
    { title: '灯色', key: 'light', width: 76, render: (_, l) => <LowerLight lower={l} /> },
    { title: '报送情况', key: 'report', width: 200, render: (_, l) => <ReportCell lower={l} /> },
    {
      title: '指标完成（实际/目标）',
      key: 'indicators',
      width: 250,
      render: (_, l) => <IndicatorLines indicators={l.indicators} />,
    },
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, l) => (
        <Link to={`/rollup/lower-tasks/${l.taskId}`} aria-label={`查看${l.org.name}事项`}>
          <EyeOutlined /> 查看
        </Link>
      ),
    },
  ];
  return (
    <Table<RollupLower>
      size="small"
      rowKey="handdownId"
      pagination={false}
      columns={columns}
      dataSource={lower}
      className="levels-lower-table"
      onRow={(l) => ({ 'data-testid': `lower-${l.org.name}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}
