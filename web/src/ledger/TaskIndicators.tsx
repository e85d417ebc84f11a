import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { targetWording } from '../../../core/notice/indicator-fields';
import type { TaskDetail } from './api';
import { IndicatorEditModal } from './IndicatorEditModal';

type Indicator = TaskDetail['indicators'][number];

const fmt = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit}`);

/** Given to the office only: the task's version the edit is made against, and what to do on a conflict. */
export interface IndicatorEditing {
  taskId: number;
  version: number;
  onConflict: () => void;
}

/** 指标: the targets found in the standard and what the units reported for each period; the office corrects them here. */
export function TaskIndicators({ indicators, editing }: { indicators: Indicator[]; editing?: IndicatorEditing }) {
  const [editingIndicator, setEditingIndicator] = useState<Indicator | null>(null);
  // Periods in the order the server lists actuals (the calendar order), one column each.
  const periods = [...new Set(indicators.flatMap((i) => i.actuals.map((a) => a.periodLabel)))];
  const columns: ColumnsType<Indicator> = [
    {
      title: '指标',
      dataIndex: 'name',
      onCell: () => ({ style: { minWidth: 160 } }),
      // The office's 修改 sits by the name, so it is on screen even where the table scrolls sideways (a phone).
      render: (name: string, i) => (
        <>
          <span>{name}</span>
          {editing && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              aria-label={`修改指标：${name}`}
              onClick={() => setEditingIndicator(i)}
            >
              修改
            </Button>
          )}
        </>
      ),
    },
    {
      title: '目标值',
      key: 'target',
      width: 120,
      render: (_, i) => targetWording(i),
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
      <Table<Indicator>
        size="small"
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={indicators}
        scroll={{ x: 'max-content' }}
      />
      {periods.length === 0 && <Typography.Text type="secondary">各报送期尚未填报指标完成值。</Typography.Text>}
      {editing && (
        <IndicatorEditModal
          taskId={editing.taskId}
          version={editing.version}
          indicator={editingIndicator}
          onClose={() => setEditingIndicator(null)}
          onConflict={editing.onConflict}
        />
      )}
    </Card>
  );
}
