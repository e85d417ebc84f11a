import { Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import type { AnnexKind } from '../../../core/notice/types';
import { useSession } from '../auth/session';
import { LightTag } from '../dashboard/LightTag';
import { levelPrefix } from '../layout/orgLevel';
import { ANNEX_KIND_COLORS, ANNEX_KIND_LABELS } from '../notices/labels';
import type { TaskDetail } from './api';
import { CoReportingControl } from './CoReportingControl';
import { DueDateLine } from './DueDate';
import { ClosedTag, closureText, LeaderNames, UnitRoleTags } from './TaskTags';

/** 基本信息: what the notice printed for the task, as the office keeps it now. */
export function TaskBasics({ task }: { task: TaskDetail['task'] }) {
  const kind = task.annex.kind as AnnexKind;
  const upstream = task.annex.no > 1;
  // 区/市/省: the words follow the level of the signed-in organisation (a city reads 市目标, 分管市领导).
  const lv = levelPrefix(useSession().me?.org.level);
  // On a phone three label-value pairs a row leave a few characters a line: one pair a row, label above.
  const wide = Grid.useBreakpoint().md !== false;
  return (
    <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
      <Descriptions
        bordered
        size="small"
        column={wide ? 3 : 1}
        layout={wide ? 'horizontal' : 'vertical'}
        styles={{ label: wide ? { width: 110 } : {} }}
        items={fit(wide, [
          {
            key: 'annex',
            label: '附件',
            span: 2,
            children: (
              <>
                <Tag color={ANNEX_KIND_COLORS[kind] ?? 'default'}>{ANNEX_KIND_LABELS[kind] ?? task.annex.kind}</Tag>
                附件{task.annex.no} {task.annex.title}
              </>
            ),
          },
          { key: 'seq', label: '序号', children: task.seq },
          ...(task.category
            ? [{ key: 'cat', label: '目标', span: 3, children: `${task.category.no}. ${task.category.name}` }]
            : []),
          ...(upstream
            ? [
                { key: 'uno', label: '上级序号', children: task.upstreamNo ?? '—' },
                { key: 'uitem', label: '上级事项', span: 2, children: task.upstreamItem ?? '—' },
              ]
            : []),
          {
            key: 'standard',
            label: upstream ? `${lv}目标` : '工作标准',
            span: 3,
            children: <div className="task-standard">{task.standard}</div>,
          },
          { key: 'deadline', label: '完成时限', children: task.deadline ?? '通知未列' },
          { key: 'version', label: '版本', span: 2, children: <Tag color="blue">第{task.version}版</Tag> },
          { key: 'due', label: '截止日期', span: 3, children: <DueDateLine task={task} /> },
          {
            key: 'light',
            label: '灯色',
            span: 3,
            children: (
              <>
                <LightTag light={task.light.color} reasons={task.light.reasons} />
                <Typography.Text type="secondary">{task.light.reasons.join('；')}</Typography.Text>
              </>
            ),
          },
          ...(task.closure
            ? [
                {
                  key: 'closure',
                  label: '销号',
                  span: 3,
                  children: (
                    <Space size={8} wrap data-testid="task-closure">
                      <ClosedTag closure={task.closure} />
                      <Typography.Text>{closureText(task.closure)}</Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          { key: 'leaders', label: `分管${lv}领导`, span: 3, children: <LeaderNames leaders={task.leaders} /> },
          {
            key: 'units',
            label: '责任单位',
            span: 3,
            children: (
              <Space direction="vertical" size={8}>
                <UnitRoleTags units={task.units} />
                <CoReportingControl task={task} />
              </Space>
            ),
          },
          ...(task.uncertain
            ? [
                {
                  key: 'warn',
                  label: '导入提示',
                  span: 3,
                  children: <Typography.Text type="warning">导入时存在待确认的内容，请核对原文。</Typography.Text>,
                },
              ]
            : []),
        ])}
      />
    </Card>
  );
}

// On a phone a leader reads what the task asks and why its light is red before its annex and number.
const PHONE_FIRST = ['standard', 'light', 'closure', 'due', 'units', 'leaders'];
const phoneRank = (key: string) => {
  const i = PHONE_FIRST.indexOf(key);
  return i < 0 ? PHONE_FIRST.length : i;
};

/** One pair a row on a narrow screen, the text and the light first: the spans of the three-column layout do not apply. */
const fit = <T extends { key: string; span?: number }>(wide: boolean, items: T[]): T[] =>
  wide ? items : items.map((i) => ({ ...i, span: 1 })).sort((a, b) => phoneRank(a.key) - phoneRank(b.key));
