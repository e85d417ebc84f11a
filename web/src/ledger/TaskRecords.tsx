import { Empty, List, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { BeforeAfter } from '../collaboration/BeforeAfter';
import { AdjustmentStatus, CoordinationStatus } from '../collaboration/StatusTags';
import { EvidenceList } from '../reporting/evidence/EvidenceList';
import type { TaskDetail } from './api';
import { taskRef } from './TaskTags';
import { useIsPhone } from '../layout/useIsPhone';

export const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

const noop = () => undefined;

/**
 * 报送记录: every unit's entry for this task in every period, with its 佐证材料 on the organisation's
 * own task page (the server lists only the files the person may open; an upper level's view has none).
 */
export function ReportEntries({ reports, taskId }: { reports: TaskDetail['reports']; taskId?: number }) {
  const withEvidence = taskId !== undefined && reports.some((r) => r.evidence !== undefined);
  const phone = useIsPhone();
  // On a phone seven columns squeeze each to a character a line (区/交/通): one card per entry instead.
  if (phone) {
    if (reports.length === 0) return <Empty description="尚无报送记录" />;
    return (
      <List
        dataSource={reports}
        rowKey={(r) => `${r.reportId}`}
        renderItem={(r) => (
          <List.Item data-testid="report-entry" style={{ display: 'block' }}>
            <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
              <Typography.Text strong>{r.unitName}</Typography.Text>
              {r.unitRole === 'lead' ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>}
              <Typography.Text type="secondary">{r.periodLabel}</Typography.Text>
            </Space>
            <div>报告状态：{r.reportState}</div>
            <div>进展状态：{r.status || '—'}</div>
            <div className="task-standard">进展：{r.narrative || '—'}</div>
            {r.problems && <div className="task-standard">问题：{r.problems}</div>}
            {withEvidence && r.evidence?.length ? (
              <div className="task-entry-evidence">
                <EvidenceList reportId={r.reportId} taskId={taskId} files={r.evidence} editable={false} onChanged={noop} />
              </div>
            ) : null}
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.reportId}`}
      pagination={false}
      dataSource={reports}
      locale={{ emptyText: '尚无报送记录' }}
      columns={[
        { title: '报送期', dataIndex: 'periodLabel', width: 130 },
        { title: '单位', dataIndex: 'unitName', width: 150 },
        {
          title: '牵头/配合',
          dataIndex: 'unitRole',
          width: 90,
          render: (v: string) => (v === 'lead' ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>),
        },
        { title: '报告状态', dataIndex: 'reportState', width: 120 },
        { title: '进展状态', dataIndex: 'status', width: 110 },
        {
          title: withEvidence ? '进展与佐证材料' : '进展',
          dataIndex: 'narrative',
          // The files sit under the entry's text, one line each: no extra column to squeeze the text.
          render: (v: string, r: TaskDetail['reports'][number]) => (
            <>
              {v || '—'}
              {withEvidence && r.evidence?.length ? (
                <div className="task-entry-evidence">
                  <EvidenceList reportId={r.reportId} taskId={taskId} files={r.evidence} editable={false} onChanged={noop} />
                </div>
              ) : null}
            </>
          ),
        },
        { title: '问题', dataIndex: 'problems', width: 260, render: (v: string) => v || '—' },
      ]}
    />
  );
}

/** 提请协调 raised on this task, newest first, each linking to its own page. */
export function CoordinationList({ items }: { items: TaskDetail['coordination'] }) {
  if (items.length === 0) return <Empty description="暂无提请协调事项" />;
  return (
    <List
      dataSource={items}
      renderItem={(c) => (
        <List.Item extra={<Link to={`/coordination/${c.id}`}>查看详情</Link>}>
          <List.Item.Meta
            title={
              <Space>
                <CoordinationStatus status={c.status} label={c.statusLabel} />
                <span>
                  {c.unit.name} 提请 {c.leader.name} 协调
                </span>
                <Typography.Text type="secondary">{when(c.createdAt)}</Typography.Text>
              </Space>
            }
            description={
              <>
                <div>{c.problem}</div>
                {c.resolution && <div>办结意见：{c.resolution}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 目标调整 proposed on this task: before → after, reason, and the office's decision. */
export function AdjustmentList({ items }: { items: TaskDetail['adjustments'] }) {
  if (items.length === 0) return <Empty description="暂无目标调整申请" />;
  return (
    <List
      dataSource={items}
      renderItem={(a) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap>
                <AdjustmentStatus status={a.status} label={a.statusLabel} />
                <span>
                  {a.unitName} · {a.proposedByName}
                </span>
                <Typography.Text type="secondary">{when(a.createdAt)}</Typography.Text>
                {a.resultingVersion && <Tag color="blue">生成第{a.resultingVersion}版</Tag>}
              </Space>
            }
            description={
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <BeforeAfter a={a} />
                <div>调整理由：{a.reason}</div>
                {a.decidedByName && (
                  <div>
                    审核：{a.decidedByName}
                    {a.decisionNote ? `（${a.decisionNote}）` : ''}
                  </div>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 领导批示 on this task, newest first. */
export function InstructionList({ items }: { items: TaskDetail['instructions'] }) {
  if (items.length === 0) return <Empty description="暂无领导批示" />;
  return (
    <List
      dataSource={items}
      renderItem={(i) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <Typography.Text strong>{i.authorName}</Typography.Text>
                <Typography.Text type="secondary">{when(i.createdAt)}</Typography.Text>
              </Space>
            }
            description={<div className="task-standard">{i.body}</div>}
          />
        </List.Item>
      )}
    />
  );
}

/** 关联事项: the same work handed down in another annex. */
export function LinkedTasks({ links }: { links: TaskDetail['links'] }) {
  if (links.length === 0) return <Empty description="没有关联事项" />;
  return (
    <List
      dataSource={links}
      renderItem={(l) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space>
                <Link to={`/tasks/${l.taskId}`}>{taskRef(l)}</Link>
                {/* The importer proposes links by text similarity; the office may confirm them. */}
                <Tag>{l.status === 'confirmed' ? '已确认关联' : '系统识别的关联'}</Tag>
              </Space>
            }
            description={l.standard}
          />
        </List.Item>
      )}
    />
  );
}
