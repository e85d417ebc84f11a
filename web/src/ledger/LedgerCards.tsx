import { Button, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { LightTag } from '../dashboard/LightTag';
import type { TaskList, TaskRow } from './api';
import { DueDate } from './DueDate';
import { highlight } from './Highlight';
import { ClosedTag, taskRef } from './TaskTags';

interface Props {
  data: TaskList | undefined;
  loading: boolean;
  terms: string[];
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

/**
 * The ledger on a phone (reading, no row actions): one card per task, its text first and a link to the
 * task, then the light and why, the lead unit and the deadline — nine columns would be cut at the
 * screen's edge. Paged by the server like the table, with 上一页 / 下一页 a thumb can hit.
 */
export function LedgerCards({ data, loading, terms, page, pageSize, onPage }: Props) {
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <List<TaskRow>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description="没有符合条件的事项" /> }}
        renderItem={(r) => (
          <List.Item className="ledger-card" data-testid="ledger-card" key={r.id}>
            <Link to={`/tasks/${r.id}`} className="ledger-card-text">
              {highlight(r.standard, terms)}
            </Link>
            <Space size={8} wrap align="center">
              <LightTag light={r.light.color} reasons={[]} />
              {r.closure && <ClosedTag closure={r.closure} short />}
              <Typography.Text type="secondary">
                {taskRef(r)}
                {r.category ? ` · ${r.category.name}` : ''}
              </Typography.Text>
            </Space>
            {r.light.reasons.length > 0 && <div className="ledger-card-meta">{r.light.reasons.join('；')}</div>}
            <div className="ledger-card-meta">
              牵头：
              {r.units
                .filter((u) => u.role === 'lead')
                .map((u) => u.name)
                .join('、') || '—'}
            </div>
            <div className="ledger-card-meta">
              完成时限：
              <DueDate task={r} />
            </div>
          </List.Item>
        )}
      />
      {pages > 1 && (
        <nav className="ledger-card-pager" aria-label="翻页">
          <Button size="large" disabled={page <= 1} onClick={() => onPage(page - 1, pageSize)}>
            上一页
          </Button>
          <Typography.Text>
            第 {page} / {pages} 页
          </Typography.Text>
          <Button size="large" disabled={page >= pages} onClick={() => onPage(page + 1, pageSize)}>
            下一页
          </Button>
        </nav>
      )}
    </>
  );
}
