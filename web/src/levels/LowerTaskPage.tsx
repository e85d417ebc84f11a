import { ArrowLeftOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { AnnexKind } from '../../../core/notice/types';
import { LightTag } from '../dashboard/LightTag';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { TaskIndicators } from '../ledger/TaskIndicators';
import { ReportEntries } from '../ledger/TaskRecords';
import { countLabel, LeaderNames, taskRef, UnitRoleTags } from '../ledger/TaskTags';
import { goBack } from '../layout/go-back';
import { VersionList } from '../ledger/TaskVersions';
import { ANNEX_KIND_COLORS, ANNEX_KIND_LABELS } from '../notices/labels';
import { useLowerTask } from './api';
import '../ledger/ledger.css';
import './levels.css';

/**
 * A lower organisation's task as the upper level sees it: what the district set, who does it, its
 * indicators and every report entry. Read-only: no action here writes anything, and the server
 * answers only for tasks linked to this organisation's items.
 */
export default function LowerTaskPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useLowerTask(Number(id));
  const d = q.data;

  return (
    <>
      <PageHeader
        title={d ? `${d.org.name} · 事项 ${taskRef(d.task)}` : '下级事项'}
        subtitle={
          d ? (
            <>
              <Tag icon={<LockOutlined />} color="default">
                只读
              </Tag>
              {d.org.name}的台账 · 第{d.task.version}版
            </>
          ) : undefined
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => goBack(navigate, '/rollup')}>
            返回
          </Button>
        }
      />
      {q.error && <QueryError error={q.error} onRetry={() => void q.refetch()} />}
      {q.isPending && !q.error && <Skeleton active paragraph={{ rows: 8 }} />}
      {d && (
        <>
          <Alert
            className="levels-readonly-banner"
            type="info"
            showIcon
            icon={<LockOutlined />}
            message={`只读：这是${d.org.name}的事项`}
            description={`目标、责任单位和报送内容由${d.org.name}督查室及其责任单位维护，上级在此只能查看，不能修改。`}
            data-testid="readonly-banner"
          />
          <Card title="基本信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 3 }}
              styles={{ label: { width: 110 } }}
              items={[
                { key: 'org', label: '下级机构', children: <Typography.Text strong>{d.org.name}</Typography.Text> },
                {
                  key: 'annex',
                  label: '附件',
                  span: { xs: 1, md: 2 },
                  children: (
                    <>
                      <Tag color={ANNEX_KIND_COLORS[d.task.annex.kind as AnnexKind] ?? 'default'}>
                        {ANNEX_KIND_LABELS[d.task.annex.kind as AnnexKind] ?? d.task.annex.kind}
                      </Tag>
                      附件{d.task.annex.no} {d.task.annex.title} · 序号 {d.task.seq}
                    </>
                  ),
                },
                { key: 'uno', label: '上级序号', children: d.task.upstreamNo ?? '—' },
                { key: 'uitem', label: '上级事项', span: { xs: 1, md: 2 }, children: d.task.upstreamItem ?? '—' },
                {
                  key: 'standard',
                  label: `${d.org.name}目标`,
                  span: 'filled' as const,
                  children: <div className="task-standard">{d.task.standard}</div>,
                },
                { key: 'deadline', label: '完成时限', children: d.task.deadline ?? '—' },
                { key: 'due', label: '截止日期', children: d.task.dueDate ?? '—' },
                { key: 'version', label: '版本', children: <Tag color="blue">第{d.task.version}版</Tag> },
                {
                  key: 'light',
                  label: '灯色',
                  span: 'filled' as const,
                  children: (
                    <>
                      <LightTag light={d.task.light.color} reasons={d.task.light.reasons} />
                      <Typography.Text type="secondary">{d.task.light.reasons.join('；')}</Typography.Text>
                    </>
                  ),
                },
                { key: 'leaders', label: '分管领导', span: 'filled' as const, children: <LeaderNames leaders={d.task.leaders} /> },
                { key: 'units', label: '责任单位', span: 'filled' as const, children: <UnitRoleTags units={d.task.units} /> },
              ]}
            />
          </Card>
          <TaskIndicators indicators={d.indicators} />
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'reports',
                  label: countLabel('报送记录', d.reports.length),
                  children: <ReportEntries reports={d.reports} />,
                },
                {
                  key: 'versions',
                  label: countLabel('版本记录', d.versions.length),
                  children: (
                    <VersionList
                      versions={d.versions.map((v) => ({ ...v, indicators: null }))}
                      current={d.task.version}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
