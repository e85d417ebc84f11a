import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Skeleton, Tabs } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/session';
import { can } from '../auth/can';
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
import { useIsPhone } from '../layout/useIsPhone';

/** A task's page: what it asks, who does it, what was reported, and everything that happened to it. */
export default function TaskPage() {
  const { id } = useParams();
  const { me } = useSession();
  const navigate = useNavigate();
  const task = useTask(Number(id));
  const d = task.data;
  const phone = useIsPhone();
  const [tab, setTab] = useState('reports');
  // On a phone: the panels open (several may be; antd's accordion mode marks itself a tablist).
  const [panels, setPanels] = useState<string[]>(['reports']);
  const records = useRef<HTMLDivElement>(null);
  // A 批示 just sent is shown where it now stands: the 领导批示 tab, brought into view.
  const showInstructions = () => {
    setTab('instructions');
    setPanels((open) => (open.includes('instructions') ? open : [...open, 'instructions']));
    requestAnimationFrame(() => records.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  // The task's records: tabs on a desktop, panels on a phone.
  const recordItems = d
    ? [
        {
          key: 'reports',
          label: countLabel('报送记录', d.reports.length),
          children: <ReportEntries reports={d.reports} taskId={d.task.id} />,
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
      ]
    : [];

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
            <Button
              icon={<ArrowLeftOutlined />}
              onClick={() => goBack(navigate, '/ledger')}
              style={{ marginInlineEnd: 8 }}
              size={phone ? 'large' : undefined}
            >
              返回
            </Button>
            {d && me && (
              <TaskActions
                me={me}
                detail={d}
                onReload={() => void task.refetch()}
                onInstructed={showInstructions}
                large={phone}
              />
            )}
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
          <TaskIndicators
            indicators={d.indicators}
            editing={
              me && can(me.role, 'task.write')
                ? { taskId: d.task.id, version: d.task.version, onConflict: () => void task.refetch() }
                : undefined
            }
          />
          {/* 时间节点: where set, the light checks progress against them instead of 序时进度. */}
          {me && <TaskMilestones me={me} detail={d} />}
          {/* On a phone seven tabs overflow into a "more" menu (a button inside the tablist, which screen
              readers cannot use): the same sections as panels, 48 px headers. */}
          <Card size="small" ref={records} data-testid="task-records">
            {phone ? (
              <Collapse
                ghost
                className="task-records-phone"
                activeKey={panels}
                onChange={(keys) => setPanels([keys].flat())}
                items={recordItems.map(({ key, label, children }) => ({ key, label, children }))}
              />
            ) : (
              <Tabs activeKey={tab} onChange={setTab} items={recordItems} />
            )}
          </Card>
        </>
      )}
    </>
  );
}
