import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Tabs } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useTask } from './api';
import { TaskActions } from './TaskActions';
import { TaskBasics } from './TaskBasics';
import { TaskIndicators } from './TaskIndicators';
import { TaskMilestones } from './TaskMilestones';
import { TaskLevelCards } from '../levels/TaskLevels';
import { AdjustmentList, CoordinationList, InstructionList, LinkedTasks, ReportEntries } from './TaskRecords';
import { HistoryList, VersionList } from './TaskVersions';
import './ledger.css';
import { ClosedTag, countLabel, taskRef } from './TaskTags';
import { goBack } from '../layout/go-back';

/** A task's page: what it asks, who does it, what was reported, and everything that happened to it. */
export default function TaskPage() {
  const { id } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const task = useTask(Number(id));
  const d = task.data;

  return (
    <>
      <PageHeader
        title={d ? `事项 ${taskRef(d.task)}` : '事项'}
        subtitle={
          d ? (
            <>
              {`${d.task.category ? `${d.task.category.name} · ` : ''}第${d.task.version}版`}
              {d.task.closure && (
                <span style={{ marginInlineStart: 8 }}>
                  <ClosedTag closure={d.task.closure} />
                </span>
              )}
            </>
          ) : undefined
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => goBack(navigate, '/ledger')} style={{ marginInlineEnd: 8 }}>
              返回
            </Button>
            {d && me && <TaskActions me={me} detail={d} onReload={() => void task.refetch()} />}
          </>
        }
      />
      {task.error && <QueryError error={task.error} onRetry={() => void task.refetch()} />}
      {task.isPending && !task.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <TaskBasics task={d.task} />
          {/* 上级事项 / 下达情况 (web/src/levels): where the item came from, or where it went. */}
          {me && <TaskLevelCards me={me} detail={d} onReload={() => void task.refetch()} />}
          <TaskIndicators indicators={d.indicators} />
          {/* 时间节点: where set, the light checks progress against them instead of 序时进度. */}
          {me && <TaskMilestones me={me} detail={d} />}
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'reports',
                  label: countLabel('报送记录', d.reports.length),
                  children: <ReportEntries reports={d.reports} />,
                },
                {
                  key: 'coordination',
                  label: countLabel('提请协调', d.coordination.length),
                  children: <CoordinationList items={d.coordination} />,
                },
                {
                  key: 'adjustments',
                  label: countLabel('目标调整', d.adjustments.length),
                  children: <AdjustmentList items={d.adjustments} />,
                },
                {
                  key: 'instructions',
                  label: countLabel('领导批示', d.instructions.length),
                  children: <InstructionList items={d.instructions} />,
                },
                { key: 'links', label: countLabel('关联事项', d.links.length), children: <LinkedTasks links={d.links} /> },
                {
                  key: 'versions',
                  label: countLabel('版本记录', d.versions.length),
                  children: <VersionList versions={d.versions} current={d.task.version} />,
                },
                {
                  key: 'history',
                  label: countLabel('修改记录', d.history.length),
                  children: <HistoryList history={d.history} />,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
