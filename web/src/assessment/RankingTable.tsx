import { Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Score } from './api';
import { Breakdown } from './Breakdown';
import { fixed, GRADE_COLORS, signed } from './labels';

type Actions = {
  onAdjust: (s: Score) => void;
  onVeto: (s: Score) => void;
  onRevoke: (s: Score) => void;
  revoking: boolean;
};

/** 考核排名: rank, each part, adjustment, total and grade; a row opens onto its breakdown. */
export function RankingTable({ scores, canManage, canOpenReports, actions }: { scores: Score[]; canManage: boolean; canOpenReports: boolean; actions: Actions }) {
  const part = (title: string, key: 'reporting' | 'completion' | 'quality' | 'bonus') => ({
    title,
    dataIndex: key,
    width: 90,
    align: 'right' as const,
    render: (x: number) => fixed(x),
  });
  const columns: ColumnsType<Score> = [
    { title: '名次', dataIndex: 'rank', width: 70, align: 'center', render: (r: number) => <Typography.Text strong>{r}</Typography.Text> },
    {
      title: '单位',
      dataIndex: 'unitName',
      render: (name: string, s) => (
        <Space size={6}>
          <span>{name}</span>
          {s.vetoed && (
            <Tooltip title={`否决理由：${s.vetoReason ?? ''}`}>
              <Tag color="red">一票否决</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    part('报送', 'reporting'),
    part('完成', 'completion'),
    part('质量', 'quality'),
    part('加分', 'bonus'),
    {
      title: '调整',
      dataIndex: 'adjustment',
      width: 90,
      align: 'right',
      render: (a: number, s) =>
        a === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Tooltip title={s.adjustments.map((x) => `${signed(x.delta)}：${x.reason}`).join('；')}>
            <Typography.Text type={a > 0 ? 'success' : 'danger'}>{signed(a)}</Typography.Text>
          </Tooltip>
        ),
    },
    { title: '总分', dataIndex: 'final', width: 100, align: 'right', render: (x: number) => <Typography.Text strong>{fixed(x)}</Typography.Text> },
    { title: '等次', dataIndex: 'gradeLabel', width: 90, align: 'center', render: (g: string, s) => <Tag color={GRADE_COLORS[s.grade]}>{g}</Tag> },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 190,
      render: (_, s) => (
        <Space size={4}>
          <Button size="small" type="link" onClick={() => actions.onAdjust(s)}>
            调整分数
          </Button>
          {s.vetoed ? (
            <Popconfirm title={`撤销对${s.unitName}的一票否决？`} okText="撤销" cancelText="取消" onConfirm={() => actions.onRevoke(s)}>
              <Button size="small" type="link" loading={actions.revoking}>
                撤销否决
              </Button>
            </Popconfirm>
          ) : (
            <Button size="small" type="link" danger onClick={() => actions.onVeto(s)}>
              一票否决
            </Button>
          )}
        </Space>
      ),
    });
  }
  return (
    <Table<Score>
      rowKey="unitId"
      columns={columns}
      dataSource={scores}
      size="middle"
      pagination={false}
      rowClassName={(s) => (s.vetoed ? 'assessment-row-vetoed' : '')}
      expandable={{
        expandedRowRender: (s) => <Breakdown score={s} canOpenReports={canOpenReports} />,
        expandRowByClick: false,
        columnTitle: '明细',
        columnWidth: 56,
      }}
      data-testid="assessment-ranking"
    />
  );
}
