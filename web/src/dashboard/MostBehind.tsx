import { Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router';
import { type BehindTask, type BehindUnit } from './api';
import { useLedgerLink } from './year';
import { LightTag } from './LightTag';
import { useIsPhone } from '../layout/useIsPhone';

const names = (xs: string[]) => (xs.length ? xs.join('、') : '—');

/**
 * 最滞后事项 on a phone: five columns left the task's text no width at all (an ellipsis of nothing);
 * each task as a line of its own instead, the text first and a link to the task.
 */
function BehindTasksList({ tasks }: { tasks: BehindTask[] }) {
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无红灯、黄灯事项" />;
  return (
    <List<BehindTask>
      size="small"
      dataSource={tasks}
      renderItem={(t) => (
        <List.Item key={t.taskId} style={{ display: 'block' }} data-testid="behind-task">
          <Link to={`/tasks/${t.taskId}`} style={{ display: 'block', fontSize: 15, lineHeight: 1.6 }}>
            {t.standard}
          </Link>
          <Space size={8} wrap>
            <LightTag light={t.light} reasons={[]} />
            <Typography.Text type="secondary">
              附件{t.annexNo} {t.seq} · {names(t.units)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** 最滞后事项: the red and yellow tasks furthest behind; a row opens the task. */
export function BehindTasksCard({ tasks }: { tasks: BehindTask[] }) {
  const toLedger = useLedgerLink();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const columns: ColumnsType<BehindTask> = [
    { title: '附件/序号', key: 'ref', width: 100, render: (_, t) => `附件${t.annexNo} ${t.seq}` },
    {
      title: '目标任务',
      dataIndex: 'standard',
      ellipsis: { showTitle: true },
      render: (s: string, t) => (
        <Link to={`/tasks/${t.taskId}`} onClick={(e) => e.stopPropagation()}>
          {s}
        </Link>
      ),
    },
    {
      title: '灯色',
      dataIndex: 'light',
      width: 76,
      render: (_, t) => <LightTag light={t.light} reasons={t.reasons} />,
    },
    { title: '责任单位', dataIndex: 'units', width: 180, ellipsis: true, render: names },
    { title: '责任领导', dataIndex: 'leaders', width: 110, ellipsis: true, render: names },
  ];
  return (
    <Card
      title="最滞后事项"
      size="small"
      style={{ height: '100%' }}
      extra={<Link to={toLedger({ light: 'red' })}>查看全部红灯事项</Link>}
    >
      {phone ? (
        <BehindTasksList tasks={tasks} />
      ) : (
        <Table<BehindTask>
          size="small"
          rowKey="taskId"
          columns={columns}
          dataSource={tasks}
          pagination={false}
          onRow={(t) => ({ onClick: () => navigate(`/tasks/${t.taskId}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description="暂无红灯、黄灯事项：各单位报送后，滞后最多的事项列在这里"
              />
            ),
          }}
        />
      )}
    </Card>
  );
}

/** 最滞后单位: units with the most red, then yellow tasks. */
export function BehindUnitsCard({ units }: { units: BehindUnit[] }) {
  const toLedger = useLedgerLink();
  return (
    <Card title="最滞后单位" size="small" style={{ height: '100%' }}>
      {units.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无红灯、黄灯事项的单位" />
      ) : (
        <List<BehindUnit>
          size="small"
          dataSource={units}
          renderItem={(u, i) => (
            <List.Item
              extra={
                <Space size={4}>
                  {u.red > 0 && (
                    <Link to={toLedger({ unitId: u.unitId, light: 'red' })}>
                      <Tag color="error">红灯 {u.red}</Tag>
                    </Link>
                  )}
                  {u.yellow > 0 && (
                    <Link to={toLedger({ unitId: u.unitId, light: 'yellow' })}>
                      <Tag color="warning">黄灯 {u.yellow}</Tag>
                    </Link>
                  )}
                </Space>
              }
            >
              <Space>
                <Typography.Text type="secondary" style={{ width: 20, display: 'inline-block' }}>
                  {i + 1}
                </Typography.Text>
                <Link to={toLedger({ unitId: u.unitId })}>{u.unitName}</Link>
                <Typography.Text type="secondary">共 {u.total} 项</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
