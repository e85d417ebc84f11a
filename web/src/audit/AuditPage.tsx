import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { AuditEntry } from '../api/types';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useAuditLog } from './api';
import { ACTION_LABELS, ENTITY_LABELS, actionColor } from './labels';
import { ExportCard } from './ExportCard';
import { VerifyChainCard } from './VerifyChainCard';

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

function EntryDetail({ entry }: { entry: AuditEntry }) {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Typography.Text strong>变更前</Typography.Text>
        <Json value={entry.before} />
      </Col>
      <Col span={12}>
        <Typography.Text strong>变更后</Typography.Text>
        <Json value={entry.after} />
      </Col>
      <Col span={24} style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">
          记录哈希：<code>{entry.hash}</code>
        </Typography.Text>
      </Col>
    </Row>
  );
}

export default function AuditPage() {
  const { me } = useSession();
  const log = useAuditLog();
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title="审计日志"
        subtitle={`${me?.displayName ?? ''}（${me?.roleLabel ?? '安全审计员'}）· 所有数据变更均记录在哈希链中，篡改可被发现`}
      />
      {/* The audit log is a security record: it keeps the server's real time, which in the demo (or
          with DUBAN_TODAY) is not the business date the work's own records show. */}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="audit-clock-note"
        message="审计日志的操作时间为服务器的实际时间（系统时间）；报告、审核、协调、通知等业务记录中的日期按业务日期计算，两者可能不同。"
      />
      <VerifyChainCard />
      <ExportCard />
      <Card
        title={
          <span>
            <SafetyOutlined style={{ marginRight: 8 }} />
            操作记录
          </span>
        }
        extra={<Typography.Text type="secondary">已加载 {rows.length} 条</Typography.Text>}
      >
        {log.error && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          loading={log.isPending}
          dataSource={rows}
          pagination={false}
          expandable={{ expandedRowRender: (entry) => <EntryDetail entry={entry} /> }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            {
              title: '操作时间（系统时间）',
              dataIndex: 'at',
              width: 180,
              render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
            },
            {
              title: '操作人',
              dataIndex: 'actorName',
              width: 140,
              render: (name: string | null) => name ?? <Typography.Text type="secondary">系统</Typography.Text>,
            },
            {
              title: '操作',
              dataIndex: 'action',
              render: (a: string) => (
                <span>
                  <Tag color={actionColor(a)}>{ACTION_LABELS[a] ?? a}</Tag>
                  {ACTION_LABELS[a] && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
            {
              title: '对象',
              render: (_: unknown, e) => (
                <span>
                  {ENTITY_LABELS[e.entity] ?? e.entity}
                  {e.entityId !== null && e.entityId !== undefined && (
                    <Typography.Text type="secondary"> #{String(e.entityId)}</Typography.Text>
                  )}
                </span>
              ),
            },
          ]}
        />
        {log.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              加载更早的记录
            </Button>
          </div>
        )}
      </Card>
    </>
  );
}
