import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import { useLeaders, useUnits } from '../directory/api';
import type { TaskDetail } from './api';
import { when } from './TaskRecords';
import { indicatorsChanged, VersionIndicators } from './VersionIndicators';

/** 版本记录: every version of the task's targets; reports name the version they were made against. */
export function VersionList({ versions, current }: { versions: TaskDetail['versions']; current: number }) {
  const previousOf = (version: number) => versions.find((v) => v.version < version)?.indicators;
  return (
    <Table
      size="small"
      rowKey="version"
      pagination={false}
      dataSource={versions}
      // On a phone the fixed columns leave the text no room: scroll sideways instead.
      scroll={{ x: 900 }}
      locale={{ emptyText: '暂无版本记录' }}
      columns={[
        {
          title: '版本',
          dataIndex: 'version',
          width: 110,
          render: (v: number) => (
            <>
              第{v}版
              {v === current && (
                <Tag color="blue" style={{ marginInlineStart: 6 }}>
                  现行
                </Tag>
              )}
            </>
          ),
        },
        { title: '变更原因', dataIndex: 'reason', width: 220 },
        { title: '变更人', dataIndex: 'changedByName', width: 130 },
        { title: '时间', dataIndex: 'createdAt', width: 150, render: when },
        { title: '工作标准', dataIndex: 'standard' },
      ]}
      // A version's indicators against the one before it (newest first: the next row), full width
      // under the row; open where they changed, so a renamed or retargeted indicator shows at once.
      expandable={{
        expandedRowRender: (v) => (
          <div className="version-indicators-row">
            <Typography.Text type="secondary">指标（与上一版相比）：</Typography.Text>
            <VersionIndicators current={v.indicators} previous={previousOf(v.version)} />
          </div>
        ),
        defaultExpandedRowKeys: versions.filter((v) => indicatorsChanged(v.indicators, previousOf(v.version))).map((v) => v.version),
      }}
    />
  );
}

const FIELD_LABELS: Record<string, string> = {
  standard: '工作标准',
  deadline: '完成时限',
  dueDate: '截止日期',
  leaderIds: '分管区领导',
  unitIds: '责任单位',
  // 督查室修改指标 (task.indicator.update): one indicator, field by field.
  name: '指标名称',
  unit: '计量单位',
  target: '目标值',
  qualifier: '限定词',
};

const ACTION_LABELS: Record<string, string> = {
  'task.update': '督查室修改台账',
  'task.indicator.update': '督查室修改指标',
  'task.close': '销号',
  'task.reopen': '撤销销号',
  'task.co_reporting': '督查室修改配合单位报送方式',
};

/** 销号 and 撤销销号 are not field edits: one line says on what, or why (the audit log keeps the rest). */
const SUMMARIES: Record<string, (after: Record<string, unknown>) => string> = {
  'task.close': (a) => `依据${String(a.periodLabel ?? '')}报告：已完成，经督查室审核通过${a.note ? `。说明：${String(a.note)}` : ''}`,
  'task.reopen': (a) => `理由：${String(a.reason ?? '')}`,
  'task.co_reporting': (a) => (a.coReporting === 'via_lead' ? '改为配合单位报牵头单位' : '改为配合单位单独报送督查室'),
};

/** 修改记录: the audited edits, field by field, with ids shown as the names people know; their time is the audit log's real time, labelled so. */
export function HistoryList({ history }: { history: TaskDetail['history'] }) {
  const units = useUnits();
  const leaders = useLeaders();
  const names = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (Array.isArray(v)) {
      const list = key === 'unitIds' ? units.data : key === 'leaderIds' ? leaders.data : undefined;
      return v.map((id) => list?.find((x) => x.id === id)?.name ?? String(id)).join('、') || '（空）';
    }
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  if (history.length === 0) return <Empty description="暂无修改记录" />;
  return (
    <Timeline
      items={history.map((h, n) => {
        const before = (h.before ?? {}) as Record<string, unknown>;
        const after = (h.after ?? {}) as Record<string, unknown>;
        const summary = SUMMARIES[h.action]?.(after);
        const changed = summary ? [] : Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
        return {
          key: n,
          children: (
            <div>
              <Typography.Text strong>{ACTION_LABELS[h.action] ?? h.action}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {h.actorName} · {when(h.at)}（系统时间）
              </Typography.Text>
              {summary && <div>{summary}</div>}
              {h.action === 'task.indicator.update' && <div>指标：{names('name', before.name)}</div>}
              {changed.map((k) => (
                <div key={k}>
                  {FIELD_LABELS[k] ?? k}：<span className="task-version-before">{names(k, before[k])}</span> →{' '}
                  {names(k, after[k])}
                </div>
              ))}
            </div>
          ),
        };
      })}
    />
  );
}
