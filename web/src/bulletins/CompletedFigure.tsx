import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { BulletinFigures } from './api';
import { officeReportHref } from './format';
import { TaskLink } from './TaskLink';

/** 完成情况: the tasks the period's reports say are done, each with the report that says so. */
export function CompletedFigure({ f }: { f: BulletinFigures }) {
  return (
    <Card
      size="small"
      title={`已完成事项（${f.completed.length}）`}
      className="bulletin-figure"
      data-testid="figure-completed"
    >
      <List
        size="small"
        className="bulletin-figure-list"
        dataSource={f.completed}
        locale={{ emptyText: '本期暂无报告已完成的事项' }}
        renderItem={(t) => (
          <List.Item
            extra={
              t.reportId ? (
                <Link to={officeReportHref(t.reportId)} className="bulletin-list-side">
                  {t.unitName ?? '查看报告'}
                </Link>
              ) : (
                <Typography.Text type="secondary" className="bulletin-list-side">
                  {t.unitName}
                </Typography.Text>
              )
            }
          >
            <TaskLink t={t} />
          </List.Item>
        )}
      />
    </Card>
  );
}
