import { Card, Table } from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '../layout/QueryError';
import { RelinkButton } from '../levels/UpstreamLinksResult';
import { useNotices, type NoticeSummary } from './api';

/** What the office has imported so far, so a clerk can tell whether a notice is already in. */
export function NoticesList() {
  const notices = useNotices();
  return (
    <Card title="已导入的通知" size="small" extra={<RelinkButton />}>
      {notices.error && <QueryError error={notices.error} onRetry={() => void notices.refetch()} />}
      <Table<NoticeSummary>
        size="small"
        rowKey="id"
        loading={notices.isPending}
        dataSource={notices.data ?? []}
        pagination={false}
        locale={{ emptyText: '尚未导入任何通知' }}
        columns={[
          { title: '文号', dataIndex: 'docNumber', width: 180, render: (v: string | null) => v ?? '（无文号）' },
          { title: '标题', dataIndex: 'title' },
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '任务数', dataIndex: 'tasks', width: 90, align: 'right' },
          {
            title: '导入时间',
            dataIndex: 'importedAt',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
          },
        ]}
      />
    </Card>
  );
}
