import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/session';
import { PageHeader } from '../layout/PageHeader';
import { QueryError } from '../layout/QueryError';
import { useAuditLog, type AuditFilters } from './api';
import { AuditFilterBar } from './AuditFilterBar';
import { AuditLinesTable } from './AuditLinesTable';
import { ExportCard } from './ExportCard';
import { VerifyChainCard } from './VerifyChainCard';

export default function AuditPage() {
  const { me } = useSession();
  const [filters, setFilters] = useState<AuditFilters>({ actions: [] });
  const log = useAuditLog(filters);
  const lines = log.data?.pages.flatMap((p) => p.lines) ?? [];
  const entries = lines.reduce((n, l) => n + l.count, 0);

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
      <Card
        style={{ marginBottom: 16 }}
        title={
          <span>
            <SafetyOutlined style={{ marginRight: 8 }} />
            操作记录
          </span>
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
          已加载 {lines.length} 行（{entries} 条记录）；同一人连续编辑同一事项（间隔不超过 10 分钟）的自动保存合为一行「编辑进展」，展开可见每一次保存。
        </Typography.Paragraph>
        <AuditFilterBar value={filters} onChange={setFilters} />
        {log.error && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
        <AuditLinesTable lines={lines} loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)} />
        {log.hasNextPage && (
          <div style={{ textAlign: 'center', marginTop: 16 }}>
            <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              加载更早的记录
            </Button>
          </div>
        )}
      </Card>
      {/* Reading the log is the daily work; checking the chain and taking it out are occasional. */}
      <div style={{ marginTop: 16 }}>
        <VerifyChainCard />
        <ExportCard />
      </div>
    </>
  );
}
