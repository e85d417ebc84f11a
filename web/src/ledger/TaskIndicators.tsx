import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TaskDetail } from './api';

type Indicator = TaskDetail['indicators'][number];

const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);

/** 指标: the targets found in the standard and what the units reported for each period. */
export function TaskIndicators({ indicators }: { indicators: Indicator[] }) {
  // Periods in the order the server lists actuals (the calendar order), one column each.
  const periods = [...new Set(indicators.flatMap((i) => i.actuals.map((a) => a.periodLabel)))];
  const columns: ColumnsType<Indicator> = [
    { title: '指标', dataIndex: 'name' },
    {
      title: '目标值',
      key: 'target',
      width: 140,
      render: (_, i) => `${i.target}${i.unit}${i.qualifier ? ` ${i.qualifier}` : ''}`,
    },
    ...periods.map((p) => ({
      title: p,
      key: p,
      width: 150,
      render: (_: unknown, i: Indicator) => {
        const here = i.actuals.filter((a) => a.periodLabel === p);
        if (here.length === 0) return <Typography.Text type="secondary">未报</Typography.Text>;
        // Several units may report the same indicator; name them only then.
        if (here.length === 1) return fmt(here[0]!.value, i.unit);
        return here.map((a) => (
          <div key={a.unitName}>
            {a.unitName}：{fmt(a.value, i.unit)}
          </div>
        ));
      },
    })),
  ];
  if (indicators.length === 0) {
    return (
      <Card title="指标" size="small" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">工作标准中没有可量化的指标。</Typography.Text>
      </Card>
    );
  }
  return (
    <Card title="指标" size="small" style={{ marginBottom: 16 }}>
      <Table<Indicator> size="small" rowKey="id" pagination={false} columns={columns} dataSource={indicators} />
      {periods.length === 0 && <Typography.Text type="secondary">各报送期尚未填报指标完成值。</Typography.Text>}
    </Card>
  );
}
