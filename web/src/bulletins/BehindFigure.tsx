import { Card, List, Space, Typography } from 'antd';
import { LightTag } from '../dashboard/LightTag';
import type { BulletinFigures } from './api';
import { TaskLink } from './TaskLink';

/** 滞后事项: the tasks most behind (red first), with their leaders, units and why they are behind. */
export function BehindFigure({ f }: { f: BulletinFigures }) {
  const t = f.behindTotal;
  return (
    <Card
      size="small"
      title={`最滞后事项（列出 ${f.behind.length} 项）`}
      extra={
        <Typography.Text type="secondary">
          红灯 {t.red} 项 · 黄灯 {t.yellow} 项
        </Typography.Text>
      }
      className="bulletin-figure"
      data-testid="figure-behind"
    >
      <List
        size="small"
        className="bulletin-figure-list"
        dataSource={f.behind}
        locale={{ emptyText: '本期无推进滞后的事项' }}
        renderItem={(b) => (
          <List.Item>
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space size={4} align="start">
                <LightTag light={b.light} reasons={b.reasons} />
                <TaskLink t={b} />
              </Space>
              <Typography.Text type="secondary" className="bulletin-behind-meta">
                分管区领导：{b.leaders.join('、') || '未明确'}；责任单位：{b.units.join('、') || '未明确'}
              </Typography.Text>
              {b.reasons.length > 0 && (
                <Typography.Text className="bulletin-behind-meta">{b.reasons.join('；')}</Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
