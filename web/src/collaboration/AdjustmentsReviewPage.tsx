import { App, Button, Card, Popconfirm, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api/client';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import type { Adjustment } from '../ledger/api';
import { when } from '../ledger/TaskRecords';
import { useAdjustments, useDecideAdjustment, type AdjustmentStatusKey } from './api';
import { BeforeAfter } from './BeforeAfter';
import { AdjustmentStatus } from './StatusTags';
import { TextModal } from './TextModal';
import '../ledger/ledger.css';
import { taskRef } from '../ledger/TaskTags';

const TABS: { key: AdjustmentStatusKey; label: string }[] = [
  { key: 'proposed', label: '待审核' },
  { key: 'approved', label: '已批准' },
  { key: 'rejected', label: '未批准' },
];

/** 目标调整审核: the office approves (a new task version) or rejects (with a reason) each request. */
export default function AdjustmentsReviewPage() {
  const [params, setParams] = useSearchParams();
  const status = (TABS.find((t) => t.key === params.get('status'))?.key ?? 'proposed') as AdjustmentStatusKey;
  const list = useAdjustments(status);
  const decide = useDecideAdjustment();
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<Adjustment | null>(null);

  const approve = async (a: Adjustment) => {
    try {
      const done = await decide.mutateAsync({ id: a.id, decision: 'approve', note: '' });
      message.success(`已批准，事项更新为第${done.resultingVersion ?? ''}版`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <>
      <PageHeader title="目标调整审核" subtitle="责任单位因上级目标调整等原因申请调整工作标准或指标目标值" />
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Tabs
          activeKey={status}
          onChange={(k) => setParams(k === 'proposed' ? {} : { status: k })}
          items={TABS.map((t) => ({ key: t.key, label: t.label }))}
        />
        <Table<Adjustment>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: status === 'proposed' ? '没有待审核的调整申请' : '暂无记录' }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
          columns={[
            {
              title: '事项',
              key: 'task',
              width: 110,
              render: (_, a) => <Link to={`/tasks/${a.taskId}`}>{taskRef(a.task)}</Link>,
            },
            { title: '调整内容（调整前 → 调整后）', key: 'change', render: (_, a) => <BeforeAfter a={a} /> },
            { title: '调整理由', dataIndex: 'reason', width: 200 },
            {
              title: '申请人',
              key: 'who',
              width: 170,
              render: (_, a) => (
                <>
                  <div>{a.unitName}</div>
                  <Typography.Text type="secondary">
                    {a.proposedByName} · {when(a.createdAt)}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: status === 'proposed' ? '操作' : '审核结果',
              key: 'decide',
              width: 190,
              render: (_, a) =>
                a.status === 'proposed' ? (
                  <Space>
                    <Popconfirm
                      title="批准后事项将生成新版本，确定批准？"
                      okText="批准"
                      cancelText="取消"
                      onConfirm={() => approve(a)}
                    >
                      <Button type="primary" size="small">
                        批准
                      </Button>
                    </Popconfirm>
                    <Button size="small" danger onClick={() => setRejecting(a)}>
                      不予批准
                    </Button>
                  </Space>
                ) : (
                  <>
                    <AdjustmentStatus status={a.status} label={a.statusLabel} />
                    {a.resultingVersion && <span>第{a.resultingVersion}版</span>}
                    <div>
                      <Typography.Text type="secondary">
                        {a.decidedByName}
                        {a.decisionNote ? `：${a.decisionNote}` : ''}
                      </Typography.Text>
                    </div>
                  </>
                ),
            },
          ]}
        />
      </Card>
      <TextModal
        open={rejecting !== null}
        title={rejecting ? `不予批准：${taskRef(rejecting.task)}` : '不予批准'}
        label="不予批准的理由"
        okText="不予批准"
        placeholder="理由将通知申请单位"
        onClose={() => setRejecting(null)}
        onSubmit={async (note) => {
          await decide.mutateAsync({ id: rejecting!.id, decision: 'reject', note });
          message.success('已不予批准，申请单位将收到通知');
        }}
      />
    </>
  );
}
